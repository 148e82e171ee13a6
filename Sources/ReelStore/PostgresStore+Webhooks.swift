import Foundation
import PostgresNIO
import ReelCore

extension PostgresStore: WebhookOutbox {
    public func claimDeliveries(limit: Int, leaseSeconds: Double, at date: Date) async throws -> [WebhookDelivery] {
        let token = UUID().uuidString.lowercased()
        let expires = date.addingTimeInterval(leaseSeconds)
        return try await rows(
            """
            UPDATE webhook_deliveries SET lease_token = \(token), lease_expires_at = \(expires)
            WHERE id IN (
                SELECT d.id FROM webhook_deliveries d
                WHERE d.state = 'pending' AND d.next_attempt_at <= \(date) AND (d.lease_expires_at IS NULL OR d.lease_expires_at < \(date))
                    AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e
                                    WHERE e.composition_id = d.composition_id AND e.state = 'pending' AND e.id < d.id)
                ORDER BY d.next_attempt_at, d.id LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            RETURNING id, event_id, composition_id, url, attempts, event_at, payload
            """
        ).map { row in
            let (id, event, composition, url, attempts, eventAt, payload) = try row.decode(
                (Int64, Int64, UUID, String, Int, Date, String).self)
            return WebhookDelivery(
                id: id, eventID: event, compositionID: composition, url: url, attempts: attempts, eventAt: eventAt, payload: payload,
                token: token)
        }
    }

    public func record(_ attempt: WebhookAttempt, of delivery: WebhookDelivery, decision: WebhookPolicy.Decision) async throws {
        let change = WebhookDeliveryChange(decision)
        let deliveredAt = decision == .delivered ? attempt.startedAt : nil
        let applied = try await perform {
            try await self.client.withTransaction(logger: self.logger) { connection -> Bool in
                let updated = try await connection.query(
                    """
                    UPDATE webhook_deliveries SET state = \(change.state), attempts = attempts + 1,
                        next_attempt_at = coalesce(\(change.nextAttemptAt), next_attempt_at), delivered_at = \(deliveredAt),
                        lease_token = NULL, lease_expires_at = NULL
                    WHERE id = \(delivery.id) AND lease_token = \(delivery.token) RETURNING 1
                    """,
                    logger: self.logger
                ).collect()
                guard !updated.isEmpty else { return false }
                try await connection.query(
                    """
                    INSERT INTO webhook_attempts (delivery_id, number, started_at, milliseconds, status, error)
                    VALUES (\(delivery.id), \(attempt.number), \(attempt.startedAt), \(attempt.milliseconds), \(attempt.status),
                        \(attempt.error))
                    """,
                    logger: self.logger)
                if change.stopsEndpoint {
                    try await connection.query(
                        """
                        UPDATE webhook_deliveries SET state = 'gone'
                        WHERE composition_id = \(delivery.compositionID) AND url = \(delivery.url) AND state = 'pending'
                        """,
                        logger: self.logger)
                }
                return true
            }
        }
        // The next delivery of the composition may now go.
        if applied { deliveryWakeups.signal() }
    }

    public func deliveries(of composition: UUID, tenant: String?) async throws -> [WebhookDeliveryRecord] {
        let deliveries = try await rows(
            """
            SELECT id, state, event_id, type, url, next_attempt_at, delivered_at FROM webhook_deliveries
            WHERE composition_id = \(composition) AND (\(tenant)::text IS NULL OR tenant = \(tenant)) ORDER BY id
            """)
        let attempts = try await rows(
            """
            SELECT a.delivery_id, a.number, a.started_at, a.milliseconds, a.status, a.error FROM webhook_attempts a
            JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.composition_id = \(composition)
            ORDER BY a.delivery_id, a.number
            """)
        var byDelivery: [Int64: [WebhookAttempt]] = [:]
        for row in attempts {
            let (delivery, number, started, milliseconds, status, error) = try row.decode((Int64, Int, Date, Int, Int?, String?).self)
            byDelivery[delivery, default: []].append(
                WebhookAttempt(number: number, startedAt: started, milliseconds: milliseconds, status: status, error: error))
        }
        return try deliveries.map { row in
            let (id, state, event, type, url, next, delivered) = try row.decode((Int64, String, Int64, String, String, Date, Date?).self)
            return WebhookDeliveryRecord(
                state: state, eventID: event, type: type, url: url, nextAttemptAt: state == "pending" ? next : nil,
                deliveredAt: delivered, attempts: byDelivery[id] ?? [])
        }
    }
}
