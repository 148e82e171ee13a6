import Foundation
import ReelCore

extension SQLiteStore: PreviewQueue {
    public func enqueuePreview(id: UUID, tenant: String, task: String, at date: Date) async throws {
        _ = try await database.write { db in
            try db.query(
                "INSERT INTO previews (id, tenant, task, created_at) VALUES (?, ?, ?, ?)",
                [.text(id.uuidString.lowercased()), .text(tenant), .text(task), .real(date.timeIntervalSince1970)])
        }
        previewsQueued.signal()
    }

    public func claimPreview(worker: String, since: Date, at date: Date) async throws -> (id: UUID, tenant: String, task: String)? {
        let rows = try await database.write { db in
            try db.query(
                """
                UPDATE previews SET status = 'running', worker = ?
                WHERE id = (SELECT id FROM previews WHERE status = 'queued' AND created_at >= ? ORDER BY created_at LIMIT 1)
                RETURNING id, tenant, task
                """,
                [.text(worker), .real(since.timeIntervalSince1970)])
        }
        guard let row = rows.first, let id = row[0].string.flatMap(UUID.init(uuidString:)), let tenant = row[1].string,
            let task = row[2].string
        else { return nil }
        return (id, tenant, task)
    }

    public func finishPreview(_ id: UUID, outcome: String, at date: Date) async throws {
        _ = try await database.write { db in
            try db.query(
                "UPDATE previews SET status = 'done', outcome = ? WHERE id = ?", [.text(outcome), .text(id.uuidString.lowercased())])
        }
        previewsFinished.signal()
    }

    public func takePreviewOutcome(_ id: UUID) async throws -> String? {
        // Askers look often (another process's worker is not heard): a read first, a write only once it is done.
        let done = try database.read { db in
            try db.query("SELECT 1 FROM previews WHERE id = ? AND status = 'done'", [.text(id.uuidString.lowercased())])
        }
        guard !done.isEmpty else { return nil }
        return try await database.write { db in
            try db.query("DELETE FROM previews WHERE id = ? AND status = 'done' RETURNING outcome", [.text(id.uuidString.lowercased())])
        }.first?[0].string
    }

    public func dropPreviews(_ id: UUID?, olderThan before: Date) async throws {
        _ = try await database.write { db in
            try db.query(
                "DELETE FROM previews WHERE id = ? OR created_at < ?",
                [id.map { .text($0.uuidString.lowercased()) } ?? .null, .real(before.timeIntervalSince1970)])
        }
    }
}
