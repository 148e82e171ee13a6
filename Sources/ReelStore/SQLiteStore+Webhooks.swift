import Foundation
import ReelCore

extension SQLiteStore: WebhookOutbox {
    public func claimDeliveries(limit: Int, leaseSeconds: Double, at date: Date) async throws -> [WebhookDelivery] {
        let now = date.timeIntervalSince1970
        let token = UUID().uuidString.lowercased()
        let rows = try await database.write { db in
            try db.query(
                """
                UPDATE webhook_deliveries SET lease_token = ?, lease_expires_at = ?
                WHERE id IN (
                    SELECT d.id FROM webhook_deliveries d
                    WHERE d.state = 'pending' AND d.next_attempt_at <= ? AND (d.lease_expires_at IS NULL OR d.lease_expires_at < ?)
                        AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e
                                        WHERE e.composition_id = d.composition_id AND e.state = 'pending' AND e.id < d.id)
                    ORDER BY d.next_attempt_at, d.id LIMIT ?)
                RETURNING id, event_id, composition_id, url, attempts, event_at, payload
                """,
                [.text(token), .real(now + leaseSeconds), .real(now), .real(now), .integer(Int64(limit))])
        }
        return try rows.map { row in
            WebhookDelivery(
                id: Int64(try row.integer(0, "id")), eventID: Int64(try row.integer(1, "event_id")),
                compositionID: try row.uuid(2, "composition_id"), url: try row.text(3, "url"), attempts: try row.integer(4, "attempts"),
                eventAt: try row.date(5, "event_at"), payload: try row.text(6, "payload"), token: token)
        }
    }

    public func record(_ attempt: WebhookAttempt, of delivery: WebhookDelivery, decision: WebhookPolicy.Decision) async throws {
        let change = WebhookDeliveryChange(decision)
        let applied = try await database.write { db in
            try db.transaction {
                try db.query(
                    """
                    UPDATE webhook_deliveries SET state = ?, attempts = attempts + 1, next_attempt_at = coalesce(?, next_attempt_at),
                        delivered_at = ?, lease_token = NULL, lease_expires_at = NULL
                    WHERE id = ? AND lease_token = ?
                    """,
                    [
                        .text(change.state), change.nextAttemptAt.map { .real($0.timeIntervalSince1970) } ?? .null,
                        decision == .delivered ? .real(attempt.startedAt.timeIntervalSince1970) : .null, .integer(delivery.id),
                        .text(delivery.token),
                    ])
                guard db.changes == 1 else { return false }
                try db.query(
                    "INSERT INTO webhook_attempts (delivery_id, number, started_at, milliseconds, status, error) VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        .integer(delivery.id), .integer(Int64(attempt.number)), .real(attempt.startedAt.timeIntervalSince1970),
                        .integer(Int64(attempt.milliseconds)), attempt.status.map { .integer(Int64($0)) } ?? .null,
                        attempt.error.map { .text($0) } ?? .null,
                    ])
                if change.stopsEndpoint {
                    try db.query(
                        "UPDATE webhook_deliveries SET state = 'gone' WHERE composition_id = ? AND url = ? AND state = 'pending'",
                        [.text(delivery.compositionID.uuidString.lowercased()), .text(delivery.url)])
                }
                return true
            }
        }
        // The next delivery of the composition may now go.
        if applied { deliveryWakeups.signal() }
    }

    public func deliveries(of composition: UUID, tenant: String?) async throws -> [WebhookDeliveryRecord] {
        let (deliveries, attempts) = try database.read { db in
            let key = SQLiteValue.text(composition.uuidString.lowercased())
            return (
                try db.query(
                    """
                    SELECT id, state, event_id, type, url, next_attempt_at, delivered_at FROM webhook_deliveries
                    WHERE composition_id = ? AND \(Self.tenantFilter) ORDER BY id
                    """, [key] + Self.tenantValues(tenant)),
                try db.query(
                    """
                    SELECT a.delivery_id, a.number, a.started_at, a.milliseconds, a.status, a.error FROM webhook_attempts a
                    JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.composition_id = ? ORDER BY a.delivery_id, a.number
                    """, [key])
            )
        }
        var byDelivery: [Int: [WebhookAttempt]] = [:]
        for row in attempts {
            byDelivery[try row.integer(0, "delivery_id"), default: []].append(
                WebhookAttempt(
                    number: try row.integer(1, "number"), startedAt: try row.date(2, "started_at"),
                    milliseconds: try row.integer(3, "milliseconds"), status: row[4].int, error: row[5].string))
        }
        return try deliveries.map { row in
            let state = try row.text(1, "state")
            return WebhookDeliveryRecord(
                state: state, eventID: Int64(try row.integer(2, "event_id")), type: try row.text(3, "type"), url: try row.text(4, "url"),
                nextAttemptAt: state == "pending" ? RecordCoding.date(row[5]) : nil, deliveredAt: RecordCoding.date(row[6]),
                attempts: byDelivery[try row.integer(0, "id")] ?? [])
        }
    }
}
