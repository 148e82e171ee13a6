import Foundation
import PostgresNIO
import ReelCore

extension PostgresStore: PreviewQueue {
    public func enqueuePreview(id: UUID, tenant: String, task: String, at date: Date) async throws {
        _ = try await rows(
            """
            WITH queued AS (INSERT INTO previews (id, tenant, task, created_at) VALUES (\(id), \(tenant), \(task), \(date)) RETURNING id)
            SELECT pg_notify(\(Self.previewJobsChannel), '') FROM queued
            """)
    }

    public func claimPreview(worker: String, since: Date, at date: Date) async throws -> (id: UUID, tenant: String, task: String)? {
        let rows = try await rows(
            """
            UPDATE previews SET status = 'running', worker = \(worker)
            WHERE id = (SELECT id FROM previews WHERE status = 'queued' AND created_at >= \(since) ORDER BY created_at LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING id, tenant, task
            """)
        guard let row = rows.first else { return nil }
        let (id, tenant, task) = try row.decode((UUID, String, String).self)
        return (id, tenant, task)
    }

    public func finishPreview(_ id: UUID, outcome: String, at date: Date) async throws {
        _ = try await rows(
            """
            WITH done AS (UPDATE previews SET status = 'done', outcome = \(outcome) WHERE id = \(id) RETURNING id)
            SELECT pg_notify(\(Self.previewsChannel), id::text) FROM done
            """)
    }

    public func takePreviewOutcome(_ id: UUID) async throws -> String? {
        try await rows("DELETE FROM previews WHERE id = \(id) AND status = 'done' RETURNING outcome").first?.decode(String.self)
    }

    public func dropPreviews(_ id: UUID?, olderThan before: Date) async throws {
        _ = try await rows("DELETE FROM previews WHERE id = \(id) OR created_at < \(before)")
    }
}
