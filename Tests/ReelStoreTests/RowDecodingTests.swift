import Foundation
import ReelCore
import ReelStore
import Testing

/// A stored row that holds no value the record needs is an error naming the column, on every
/// driver: no default stands in for it (a status nobody wrote read as `pending`, say).
@Suite("Rows a driver cannot read")
struct RowDecodingTests {
    /// Runs `body` with a fresh store of `driver` and a function that runs raw SQL on its database.
    static func withStore(
        _ driver: String, _ body: @Sendable (any ReelDatabase, @Sendable (String) async throws -> Void) async throws -> Void
    ) async throws {
        if driver == "postgres" {
            try await StoreHarness.withPostgresDatabase { url in
                try await StoreHarness.withPostgresStore(url: url) { store in
                    try await store.migrate()
                    try await body(store) { sql in try await StoreHarness.execute(url: url, sql) }
                }
            }
        } else {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reel-rows-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("reel.sqlite").path
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            let raw = try SQLiteDatabase(path: path)
            try await body(store) { sql in _ = try await raw.write { db in try db.query(sql) } }
        }
    }

    @Test("a status no case has is bad_row on fetch, list and cancel", arguments: StoreHarness.drivers)
    func unknownStatus(driver: String) async throws {
        try await Self.withStore(driver) { store, execute in
            let record = StoreConformanceTests.record()
            try await store.insert(record, maxQueued: nil)
            try await execute("UPDATE compositions SET status = 'bogus', stage = 'nowhere'")
            for read in [
                { _ = try await store.fetch(record.id, tenant: nil) },
                { _ = try await store.list(status: nil, offset: 0, limit: 10, tenant: nil) },
                { _ = try await store.cancel(record.id, at: Date(), tenant: nil, idempotency: nil) },
            ] as [@Sendable () async throws -> Void] {
                let error = await #expect(throws: StoreError.self) { try await read() }
                #expect(error?.code == "bad_row")
            }
        }
    }
}
