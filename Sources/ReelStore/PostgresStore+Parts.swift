import Foundation
import PostgresNIO
import ReelCore

extension PostgresStore: PartQueue {
    /// Compositions whose parts may run: being rendered, or queued to be rendered again.
    static let partsLive = "EXISTS (SELECT 1 FROM compositions c WHERE c.id = p.composition_id AND c.status IN ('processing', 'queued'))"

    public func enqueueParts(_ parts: [RenderPart], at date: Date) async throws {
        try await perform {
            try await self.client.withTransaction(logger: self.logger) { connection in
                for part in parts {
                    try await connection.query(
                        """
                        INSERT INTO render_parts (id, composition_id, position, key, step, duration, file_extension, priority,
                            max_attempts, ready_at, created_at)
                        VALUES (\(part.id), \(part.compositionID), \(part.position), \(part.key), \(part.stepJSON), \(part.step.duration),
                            \(part.fileExtension), \(part.priority.rank), \(part.maxAttempts), \(date), \(date))
                        ON CONFLICT (composition_id, key) DO NOTHING
                        """,
                        logger: self.logger)
                }
            }
        }
        try await notify()
    }

    public func claimPart(worker: String, leaseSeconds: Double, composition: UUID?, at date: Date) async throws -> ClaimedPart? {
        let token = UUID().uuidString.lowercased()
        let rows = try await rows(
            """
            UPDATE render_parts SET status = 'running', attempt = attempt + 1, lease_token = \(token),
                lease_expires_at = \(date.addingTimeInterval(leaseSeconds)), worker = \(worker), progress = 0
            WHERE id = (SELECT p.id FROM render_parts p WHERE p.status = 'queued' AND p.ready_at <= \(date)
                AND (\(composition)::uuid IS NULL OR p.composition_id = \(composition)) AND \(unescaped: Self.partsLive)
                ORDER BY p.priority, p.created_at, p.position LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id, composition_id, position, key, step, file_extension, priority, max_attempts, attempt
            """)
        guard let row = rows.first else { return nil }
        let (id, compositionID, position, key, step, fileExtension, priority, maxAttempts, attempt) = try row.decode(
            (UUID, UUID, Int, String, String, String, Int, Int, Int).self)
        guard let portable = RenderPart.step(json: step) else { throw StoreError.badRow("step") }
        guard let priority = Priority(rank: priority) else { throw StoreError.badRow("priority") }
        let part = RenderPart(
            id: id, compositionID: compositionID, position: position, key: key, step: portable, fileExtension: fileExtension,
            priority: priority, maxAttempts: maxAttempts)
        return ClaimedPart(part: part, token: token, worker: worker, attempt: attempt)
    }

    public func heartbeatPart(_ part: ClaimedPart, progress: Double, leaseSeconds: Double, at date: Date) async throws -> Bool {
        try await rows(
            """
            UPDATE render_parts p SET lease_expires_at = \(date.addingTimeInterval(leaseSeconds)), progress = \(progress)
            WHERE p.id = \(part.part.id) AND p.lease_token = \(part.token) AND p.status = 'running' AND \(unescaped: Self.partsLive)
            RETURNING 1
            """
        ).isEmpty == false
    }

    public func recordPart(_ part: ClaimedPart, action: JobLifecycle.Action, done: PartCompletion?, at date: Date) async throws {
        guard let change = PartChange(action) else { return }
        let readyAt = change.readyAfter.map { date.addingTimeInterval($0) }
        let applied = try await rows(
            """
            UPDATE render_parts SET status = \(change.status.rawValue), attempt = attempt + \(change.attemptDelta),
                ready_at = coalesce(\(readyAt), ready_at), error_message = \(change.errorMessage),
                seconds = coalesce(\(done?.seconds), seconds), reused = coalesce(\(done?.reused), reused),
                progress = CASE WHEN \(change.status.rawValue) = 'done' THEN 1 ELSE progress END,
                lease_token = NULL, lease_expires_at = NULL
            WHERE id = \(part.part.id) AND lease_token = \(part.token) RETURNING 1
            """)
        if change.status == .queued, !applied.isEmpty { try await notify() }
    }

    public func parts(of composition: UUID) async throws -> [RenderPartRecord] {
        try await rows(
            """
            SELECT position, key, status, attempt, progress, worker, duration, seconds, reused, error_message FROM render_parts
            WHERE composition_id = \(composition) ORDER BY position < 0, position
            """
        ).map { row in
            let (position, key, status, attempt, progress, worker, duration, seconds, reused, error) = try row.decode(
                (Int, String, String, Int, Double, String?, Double, Double?, Bool?, String?).self)
            return RenderPartRecord(
                position: position, key: key, status: try StoreError.named(status, "status"), attempt: attempt,
                progress: progress, worker: worker, duration: duration, seconds: seconds, reused: reused ?? false, errorMessage: error)
        }
    }

    public func expiredParts(at date: Date, limit: Int) async throws -> [ExpiredLease] {
        try await expired(.renderParts, before: date, limit: limit)
    }

    public func applyRescue(_ change: PartChange, to lease: ExpiredLease, at date: Date) async throws -> Bool {
        let (id, token) = (lease.id, lease.token)
        let applied =
            try await rows(
                """
                UPDATE render_parts SET status = \(change.status.rawValue), ready_at = \(date), error_message = \(change.errorMessage),
                    lease_token = NULL, lease_expires_at = NULL
                WHERE id = \(id) AND lease_token = \(token) AND lease_expires_at < \(date) RETURNING 1
                """
            ).isEmpty == false
        if applied, change.status == .queued { try await notify() }
        return applied
    }

    public func removeParts(of composition: UUID?) async throws {
        if let composition {
            _ = try await rows("DELETE FROM render_parts WHERE composition_id = \(composition)")
        } else {
            _ = try await rows("DELETE FROM render_parts p WHERE NOT \(unescaped: Self.partsLive)")
        }
    }
}
