import Foundation
import Logging
import PostgresNIO
import ReelCore
import ReelStore
import Testing

/// Fresh stores for tests: a new SQLite file, or a new database on the PostgreSQL server named
/// by `REEL_TEST_DATABASE_URL` (`scripts/services` starts one; `scripts/test` sets the variable).
enum StoreHarness {
    typealias Store = any ReelDatabase

    static let postgresURL = ProcessInfo.processInfo.environment["REEL_TEST_DATABASE_URL"]

    static let logger: Logger = {
        var logger = Logger(label: "reel-test")
        logger.logLevel = .critical
        return logger
    }()

    /// `sqlite`, plus `postgres` when a server is configured.
    static var drivers: [String] { ["sqlite"] + (postgresURL == nil ? [] : ["postgres"]) }

    static func withStore<T: Sendable>(
        _ driver: String,
        listen: Bool = true,
        _ body: @Sendable (Store) async throws -> T
    ) async throws -> T {
        switch driver {
        case "postgres":
            return try await withPostgresDatabase { url in
                try await withPostgresStore(url: url, listen: listen) { store in
                    try await store.migrate()
                    try await store.migrate()
                    return try await body(store)
                }
            }
        default:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reel-store-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try SQLiteStore(path: folder.appendingPathComponent("reel.sqlite").path)
            try await store.migrate()
            try await store.migrate()
            return try await body(store)
        }
    }

    /// Runs `body` with a running ``PostgresStore`` on `url`; once it listens, when `listen`.
    static func withPostgresStore<T: Sendable>(
        url: String,
        listen: Bool = true,
        poolSize: Int = 4,
        timeout: Duration = .seconds(20),
        _ body: @Sendable (PostgresStore) async throws -> T
    ) async throws -> T {
        // Generous by default: the whole suite renders video on two cores beside these tests.
        let store = try PostgresStore(url: url, poolSize: poolSize, listen: listen, logger: logger, timeout: timeout)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await store.run()
                return nil
            }
            defer { group.cancelAll() }
            if listen {
                while store.wakeups.generation == 0 { try await Task.sleep(for: .milliseconds(10)) }
            }
            return try await body(store)
        }
    }

    /// Creates an empty database for one test, passes its URL, and drops it afterwards.
    static func withPostgresDatabase<T: Sendable>(_ body: @Sendable (String) async throws -> T) async throws -> T {
        let admin = try #require(postgresURL)
        let name = "reel_test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16))"
        try await execute(url: admin, "CREATE DATABASE \(name)")
        var components = try #require(URLComponents(string: admin))
        components.path = "/\(name)"
        do {
            let result = try await body(try #require(components.string))
            try await execute(url: admin, "DROP DATABASE \(name) WITH (FORCE)")
            return result
        } catch {
            try? await execute(url: admin, "DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    static func execute(url: String, _ sql: String) async throws {
        let client = PostgresClient(configuration: try PostgresStore.configuration(url: url), backgroundLogger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await client.query(PostgresQuery(unsafeSQL: sql))
        }
    }
}
