import Hummingbird
import Logging
import ReelAPI
import ReelStore
import ServiceLifecycle
import UnixSignals

extension ReelRuntime {
    /// The database service every process with a database runs first (and stops last).
    public func databaseService() throws -> DatabaseService {
        guard let store else { throw ConfigurationError("no database") }
        return DatabaseService(store: store, objects: objects, logger: logger)
    }

    /// `reel serve`: the database, then `background` (render workers, the rescuer) once it is
    /// migrated, then the HTTP API, which listens once the schema is migrated, the keys of
    /// `REEL_API_KEYS` exist and, when keys are required, one is live. Graceful shutdown stops
    /// them in reverse: the server finishes its requests, workers hand their jobs back, the
    /// database closes.
    public func serveApplication(_ services: ReelServices, background: [any Service]) throws -> some ApplicationProtocol {
        let database = try databaseService()
        return buildApplication(
            services,
            background: database.first(then: background),
            logger: logger
        ) {
            try await database.migrated()
            try await seedKeys()
            try await requireAKey()
        }
    }

    /// `reel work` with `REEL_METRICS_PORT`: the database, `background` once it is migrated, and
    /// the operations listener (`/livez`, `/readyz`, `/metrics`) on `port`.
    public func workApplication(_ services: ReelServices, port: Int, background: [any Service]) throws -> some ApplicationProtocol {
        let database = try databaseService()
        return buildOperationsApplication(
            services,
            port: port,
            background: database.first(then: background),
            logger: logger
        ) {
            try await database.migrated()
            try await requireAKey()
        }
    }

    /// `reel work` without a listener: the database and `background` once it is migrated.
    public func workServiceGroup(background: [any Service]) throws -> ServiceGroup {
        let database = try databaseService()
        return ServiceGroup(
            configuration: .init(
                services: database.first(then: background),
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
        )
    }

    /// Runs `body` with the database migrated (and its pool running): `reel migrate`, `reel keys`.
    public func withMigratedDatabase(_ body: @Sendable (any ReelDatabase) async throws -> Void) async throws {
        let database = try databaseService()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await database.run() }
            try await database.migrated()
            try await body(database.store)
            group.cancelAll()
        }
    }
}
