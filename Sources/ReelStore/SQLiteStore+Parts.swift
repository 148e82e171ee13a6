import Foundation
import ReelCore

extension SQLiteStore: PartQueue {
    /// Compositions whose parts may run: being rendered, or queued to be rendered again.
    static let partsLive =
        "EXISTS (SELECT 1 FROM compositions c WHERE c.id = render_parts.composition_id AND c.status IN ('processing', 'queued'))"

    public func enqueueParts(_ parts: [RenderPart], at date: Date) async throws {
        try await database.write { db in
            try db.transaction {
                for part in parts {
                    _ = try db.query(
                        """
                        INSERT INTO render_parts (id, composition_id, position, key, step, duration, file_extension, priority,
                            max_attempts, ready_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (composition_id, key) DO NOTHING
                        """,
                        [
                            .text(part.id.uuidString.lowercased()), .text(part.compositionID.uuidString.lowercased()),
                            .integer(Int64(part.position)), .text(part.key), .text(part.stepJSON), .real(part.step.duration),
                            .text(part.fileExtension), .integer(Int64(part.priority.rank)), .integer(Int64(part.maxAttempts)),
                            .real(date.timeIntervalSince1970), .real(date.timeIntervalSince1970),
                        ])
                }
            }
        }
        wakeups.signal()
    }

    public func claimPart(worker: String, leaseSeconds: Double, composition: UUID?, at date: Date) async throws -> ClaimedPart? {
        let token = UUID().uuidString.lowercased()
        let now = date.timeIntervalSince1970
        let rows = try await database.write { db in
            try db.query(
                """
                UPDATE render_parts SET status = 'running', attempt = attempt + 1, lease_token = ?, lease_expires_at = ?, worker = ?,
                    progress = 0
                WHERE id = (SELECT id FROM render_parts WHERE status = 'queued' AND ready_at <= ? AND (? IS NULL OR composition_id = ?)
                    AND \(Self.partsLive) ORDER BY priority, created_at, position LIMIT 1)
                RETURNING id, composition_id, position, key, step, file_extension, priority, max_attempts, attempt
                """,
                [
                    .text(token), .real(now + leaseSeconds), .text(worker), .real(now),
                    composition.map { .text($0.uuidString.lowercased()) } ?? .null,
                    composition.map { .text($0.uuidString.lowercased()) } ?? .null,
                ])
        }
        guard let row = rows.first else { return nil }
        guard let step = RenderPart.step(json: try row.text(4, "step")) else { throw StoreError.badRow("step") }
        guard let priority = Priority(rank: try row.integer(6, "priority")) else { throw StoreError.badRow("priority") }
        let part = RenderPart(
            id: try row.uuid(0, "id"), compositionID: try row.uuid(1, "composition_id"), position: try row.integer(2, "position"),
            key: try row.text(3, "key"), step: step, fileExtension: try row.text(5, "file_extension"), priority: priority,
            maxAttempts: try row.integer(7, "max_attempts"))
        return ClaimedPart(part: part, token: token, worker: worker, attempt: try row.integer(8, "attempt"))
    }

    public func heartbeatPart(_ part: ClaimedPart, progress: Double, leaseSeconds: Double, at date: Date) async throws -> Bool {
        try await database.write { db in
            try db.query(
                """
                UPDATE render_parts SET lease_expires_at = ?, progress = ?
                WHERE id = ? AND lease_token = ? AND status = 'running' AND \(Self.partsLive) RETURNING 1
                """,
                [
                    .real(date.timeIntervalSince1970 + leaseSeconds), .real(progress), .text(part.part.id.uuidString.lowercased()),
                    .text(part.token),
                ])
        }.isEmpty == false
    }

    public func recordPart(_ part: ClaimedPart, action: JobLifecycle.Action, done: PartCompletion?, at date: Date) async throws {
        guard let change = PartChange(action) else { return }
        let applied = try await database.write { db in
            try db.query(
                """
                UPDATE render_parts SET status = ?, attempt = attempt + ?, ready_at = coalesce(? + ?, ready_at), error_message = ?,
                    seconds = coalesce(?, seconds), reused = coalesce(?, reused), progress = CASE WHEN ? = 'done' THEN 1 ELSE progress END,
                    lease_token = NULL, lease_expires_at = NULL
                WHERE id = ? AND lease_token = ? RETURNING 1
                """,
                [
                    .text(change.status.rawValue), .integer(Int64(change.attemptDelta)), .real(date.timeIntervalSince1970),
                    change.readyAfter.map { .real($0) } ?? .null, change.errorMessage.map { .text($0) } ?? .null,
                    done.map { .real($0.seconds) } ?? .null, done.map { .integer($0.reused ? 1 : 0) } ?? .null,
                    .text(change.status.rawValue),
                    .text(part.part.id.uuidString.lowercased()), .text(part.token),
                ])
        }
        if change.status == .queued, !applied.isEmpty { wakeups.signal() }
    }

    public func parts(of composition: UUID) async throws -> [RenderPartRecord] {
        try database.read { db in
            try db.query(
                """
                SELECT position, key, status, attempt, progress, worker, duration, seconds, reused, error_message FROM render_parts
                WHERE composition_id = ? ORDER BY position < 0, position
                """, [.text(composition.uuidString.lowercased())])
        }.map { row in
            RenderPartRecord(
                position: try row.integer(0, "position"), key: try row.text(1, "key"), status: try row.named(2, "status"),
                attempt: try row.integer(3, "attempt"), progress: try row.real(4, "progress"), worker: row[5].string,
                duration: try row.real(6, "duration"), seconds: row[7].double, reused: row[8].int == 1, errorMessage: row[9].string)
        }
    }

    public func expiredParts(at date: Date, limit: Int) async throws -> [ExpiredLease] {
        try expired(.renderParts, before: date, limit: limit)
    }

    public func applyRescue(_ change: PartChange, to lease: ExpiredLease, at date: Date) async throws -> Bool {
        let now = date.timeIntervalSince1970
        let applied = try await database.write { db in
            try db.query(
                """
                UPDATE render_parts SET status = ?, ready_at = ?, error_message = ?, lease_token = NULL, lease_expires_at = NULL
                WHERE id = ? AND lease_token = ? AND lease_expires_at < ? RETURNING 1
                """,
                [
                    .text(change.status.rawValue), .real(now), change.errorMessage.map { .text($0) } ?? .null,
                    .text(lease.id.uuidString.lowercased()), .text(lease.token), .real(now),
                ])
        }
        if !applied.isEmpty, change.status == .queued { wakeups.signal() }
        return !applied.isEmpty
    }

    public func removeParts(of composition: UUID?) async throws {
        try await database.write { db in
            if let composition {
                _ = try db.query("DELETE FROM render_parts WHERE composition_id = ?", [.text(composition.uuidString.lowercased())])
            } else {
                _ = try db.query("DELETE FROM render_parts WHERE NOT \(Self.partsLive)")
            }
        }
    }
}
