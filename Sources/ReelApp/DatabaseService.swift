import Logging
import ReelObjects
import ReelStore
import ServiceLifecycle
import Synchronization

/// The database as the first service of a process: it runs the store (PostgreSQL's pool and
/// listeners), migrates the schema once the store runs, and stops last, after every service that
/// uses it. Services that need the schema wait for ``migrated()``.
public final class DatabaseService: Service, CustomStringConvertible {
    let store: any ReelDatabase
    let objects: any ObjectStore
    let logger: Logger
    /// Nil until the migration ends; then whether it succeeded.
    private let outcome = Mutex<Result<Void, any Error>?>(nil)

    public init(store: any ReelDatabase, objects: any ObjectStore, logger: Logger) {
        self.store = store
        self.objects = objects
        self.logger = logger
    }

    public var description: String { "DatabaseService" }

    public func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.store.run() }
            do {
                try await ReelRuntime.migrate(store, objects: objects, logger: logger)
                outcome.withLock { $0 = .success(()) }
            } catch {
                outcome.withLock { $0 = .failure(error) }
                throw error
            }
            try? await gracefulShutdown()
            group.cancelAll()
        }
    }

    /// This service first, then each of `services` once the schema is migrated: the order of a
    /// process's services, so the database also stops last.
    public func first(then services: [any Service]) -> [any Service] {
        [self] + services.map { AfterMigration(database: self, service: $0) }
    }

    /// Returns once the schema is migrated; throws what the migration threw.
    public func migrated() async throws {
        while true {
            if let outcome = outcome.withLock({ $0 }) { return try outcome.get() }
            // Only while a process starts: the migration takes milliseconds to seconds.
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// A service that starts once the database is migrated.
struct AfterMigration: Service, CustomStringConvertible {
    let database: DatabaseService
    let service: any Service

    var description: String { "\(service)" }

    func run() async throws {
        do {
            try await database.migrated()
        } catch is CancellationError {
            return
        }
        try await service.run()
    }
}
