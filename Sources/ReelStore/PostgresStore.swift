import Foundation
import Logging
import PostgresNIO
import ReelCore
import ServiceLifecycle

/// ``CompositionStore`` and ``JobQueue`` on PostgreSQL, shared by any number of processes.
/// Jobs are claimed with `FOR UPDATE SKIP LOCKED`; enqueueing notifies the `reel_jobs` channel,
/// which wakes idle workers in every process. ``run()`` keeps the bounded connection pool and the
/// listener going and must run while the store is used. A database that does not answer within
/// `timeout` gives `ReelError.unavailable` (503 with `Retry-After`), never a hang.
public final class PostgresStore: CompositionStore, JobQueue, Service {
    public let wakeups = WakeSignal()
    public let deliveryWakeups = WakeSignal()
    public let live = LiveUpdates()
    public let revocations = RevocationCounter()
    public let previewsFinished = WakeSignal()
    public let previewsQueued = WakeSignal()
    /// `LISTEN` wakes askers in every process; the poll only backs it up.
    public var previewPoll: Duration { .seconds(1) }
    let queuedCount = QueuedCount()
    let idempotencyPurge = PurgeSchedule()
    let client: PostgresClient
    /// Queries in flight; the pool's size leaves out the listeners' connections.
    let load: PoolLoad
    let logger: Logger
    let timeout: Duration
    let listens: Bool

    static let channel = "reel_jobs"
    /// New webhook deliveries, heard by the dispatchers of every listening process.
    static let webhooksChannel = "reel_webhooks"
    /// Recorded events and progress reports, heard by every process (its streams, ``live``).
    static let eventsChannel = "reel_events"
    static let progressChannel = "reel_progress"
    /// Finished previews, heard by every process (``previewsFinished``).
    static let previewsChannel = "reel_previews"
    /// Queued previews, heard by the preview slots of listening processes (``previewsQueued``).
    static let previewJobsChannel = "reel_preview_jobs"
    /// Key revocations, heard by every process (``revocations``).
    static let keysChannel = "reel_keys"
    static let columns =
        "id, request::text, status, progress, stage, stages, error_message, result::text, attempt, created_at, updated_at, started_at, completed_at, tenant, request_id"

    /// - Parameters:
    ///   - url: `postgres://user:password@host:port/database[?sslmode=disable|prefer|require]`.
    ///   - poolSize: most connections this process opens (the listener included).
    ///   - listen: whether to hold a connection listening for new jobs (processes with workers).
    public init(url: String, poolSize: Int, listen: Bool, logger: Logger, timeout: Duration = .seconds(5)) throws {
        var configuration = try Self.configuration(url: url)
        // The listener (key revocations, and new jobs and webhook deliveries with `listen`) holds
        // one connection; at least one more is left for queries.
        configuration.options.maximumConnections = max(2, poolSize)
        load = PoolLoad(size: configuration.options.maximumConnections - 1)
        configuration.options.connectTimeout = timeout
        configuration.options.keepAliveBehavior = .init(frequency: .seconds(30))
        var poolLogger = logger
        poolLogger.logLevel = max(logger.logLevel, .warning)
        client = PostgresClient(configuration: configuration, backgroundLogger: poolLogger)
        self.logger = logger
        self.timeout = timeout
        self.listens = listen
    }

    /// Reads a `postgres://` URL into a client configuration.
    public static func configuration(url: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? ""),
            let host = components.host, !host.isEmpty
        else {
            throw StoreError(code: "invalid_database_url", "REEL_DATABASE_URL must look like postgres://user:password@host:5432/database")
        }
        let database = components.path.split(separator: "/").first.map(String.init)
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        let tls: PostgresClient.Configuration.TLS
        switch mode {
        case "disable": tls = .disable
        case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        default: tls = .prefer(.makeClientConfiguration())
        }
        return PostgresClient.Configuration(
            host: host,
            port: components.port ?? 5432,
            username: components.user?.removingPercentEncoding ?? "postgres",
            password: components.password?.removingPercentEncoding,
            database: database ?? components.user,
            tls: tls
        )
    }

    public func run() async throws {
        typealias Channel = (String, @Sendable (String) -> Void)
        let keys: Channel = (Self.keysChannel, { _ in self.revocations.bump() })
        let events: Channel = (Self.eventsChannel, { _ in self.live.eventRecorded() })
        let progress: Channel = (Self.progressChannel, { payload in self.heard(progress: payload) })
        let jobs: Channel = (Self.channel, { _ in self.wakeups.signal() })
        let webhooks: Channel = (Self.webhooksChannel, { _ in self.deliveryWakeups.signal() })
        let previews: Channel = (Self.previewsChannel, { _ in self.previewsFinished.signal() })
        let previewJobs: Channel = (Self.previewJobsChannel, { _ in self.previewsQueued.signal() })
        let channels = listens ? [keys, events, progress, previews, jobs, previewJobs, webhooks] : [keys, events, progress, previews]
        await withDiscardingTaskGroup { group in
            group.addTask { await self.client.run() }
            group.addTask { await self.listen(to: channels) }
        }
    }

    /// Listens to every channel on one connection, running its reaction on each notification's
    /// payload; reconnects after errors and reacts once (with an empty payload) on each
    /// (re)connection, since notifications sent meanwhile were lost.
    func listen(to channels: [(String, @Sendable (String) -> Void)]) async {
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        for (channel, react) in channels {
                            group.addTask {
                                try await connection.listen(on: channel) { notifications in
                                    react("")
                                    for try await notification in notifications { react(notification.payload) }
                                }
                            }
                        }
                        try await group.next()
                        group.cancelAll()
                    }
                }
            } catch {
                if Task.isCancelled { return }
                logger.warning("listening for notifications failed; retrying", metadata: ["error": "\(String(reflecting: error))"])
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }

    /// Runs `body` against the database, giving up after `timeout` with a 503-shaped error —
    /// even when `body` is stuck on a connection the server terminated (``Deadline``).
    func perform<T: Sendable>(
        timeout: Duration? = nil,
        _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let timeout = timeout ?? self.timeout
        // Counted from the caller's side: an operation left behind at its deadline holds no
        // connection (the pool drops the closed one), so it stops counting there.
        let outcome = try await load.during {
            try await Deadline.run(within: timeout) {
                do {
                    return try await body()
                } catch {
                    throw Self.translate(error)
                }
            }
        }
        guard let outcome else {
            throw ReelError.unavailable("the database did not answer in time, try again shortly", retryAfter: 2)
        }
        return outcome
    }

    public var pool: PoolUsage { load.usage }
    /// `LISTEN` wakes workers in every process; the poll only backs it up.
    public var idlePoll: Duration { .seconds(5) }

    /// Errors of a transaction are unwrapped; a lost or refused connection becomes a 503.
    static func translate(_ error: any Error) -> any Error {
        if let error = error as? PostgresTransactionError {
            return translate(error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError ?? error)
        }
        guard let error = error as? PSQLError else { return error }
        let state = error.serverInfo?[.sqlState] ?? ""
        // Connection exceptions (08), operator intervention such as a shutdown (57P0x), too many connections.
        if error.code != .server || state.hasPrefix("08") || state.hasPrefix("57P0") || state == "53300" {
            return ReelError.unavailable("the database is unreachable, try again shortly", retryAfter: 2)
        }
        return error
    }

    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await perform { try await self.client.query(query).collect() }
    }

    static func records(_ rows: [PostgresRow]) throws -> [CompositionRecord] {
        try rows.map { row in
            let columns = try row.decode(
                (UUID, String, String, Double, String, String?, String?, String?, Int, Date, Date, Date?, Date?, String, String?).self
            )
            return try RecordCoding.Columns(
                id: columns.0, request: columns.1, status: columns.2, progress: columns.3, stage: columns.4,
                stages: columns.5, errorMessage: columns.6, result: columns.7, attempt: columns.8,
                createdAt: columns.9, updatedAt: columns.10, startedAt: columns.11, completedAt: columns.12, tenant: columns.13,
                requestID: columns.14
            ).record()
        }
    }

    /// Waits up to 30 s (or `timeout`, if longer) for the lock and the DDL.
    public func migrate() async throws {
        try await perform(timeout: max(timeout, .seconds(30))) {
            try await self.client.withTransaction(logger: self.logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresMigrations.lockKey))", logger: self.logger)
                try await connection.query(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)",
                    logger: self.logger
                )
                var applied: Set<Int> = []
                for try await version in try await connection.query("SELECT version FROM schema_migrations", logger: self.logger)
                    .decode(Int.self)
                {
                    applied.insert(version)
                }
                for (version, script) in PostgresMigrations.all where !applied.contains(version) {
                    for statement in script.components(separatedBy: ";\n") {
                        let sql = statement.trimmingCharacters(in: .whitespacesAndNewlines.union(.init(charactersIn: ";")))
                        if !sql.isEmpty { try await connection.query(PostgresQuery(unsafeSQL: sql), logger: self.logger) }
                    }
                    try await connection.query(
                        "INSERT INTO schema_migrations (version, applied_at) VALUES (\(version), now())",
                        logger: self.logger
                    )
                }
            }
        }
    }

    public func stats() async throws -> QueueStats {
        let queued = try await rows("SELECT priority, count(*) FROM compositions WHERE status = 'queued' GROUP BY priority")
        let statuses = try await rows("SELECT status, count(*) FROM compositions GROUP BY status")
        var byPriority: [Priority: Int] = Dictionary(uniqueKeysWithValues: Priority.allCases.map { ($0, 0) })
        for row in queued {
            let (rank, count) = try row.decode((Int, Int).self)
            guard let priority = Priority(rank: rank) else { throw StoreError.badRow("priority") }
            byPriority[priority] = count
        }
        var byStatus: [CompositionStatus: Int] = Dictionary(uniqueKeysWithValues: CompositionStatus.allCases.map { ($0, 0) })
        for row in statuses {
            let (name, count) = try row.decode((String, Int).self)
            byStatus[try StoreError.named(name, "status", as: CompositionStatus.self)] = count
        }
        return QueueStats(queued: byPriority, byStatus: byStatus)
    }

    public func exists(_ id: UUID) async throws -> Bool {
        try await !rows("SELECT 1 FROM compositions WHERE id = \(id)").isEmpty
    }

    public func ping() async throws {
        _ = try await rows("SELECT 1")
    }

    // MARK: JobQueue

    public func beat(_ worker: WorkerHeartbeat) async throws {
        _ = try await rows(
            """
            INSERT INTO workers (id, slots, busy, started_at, last_seen_at)
            VALUES (\(worker.id), \(worker.slots), \(worker.busy), \(worker.startedAt), \(worker.lastSeenAt))
            ON CONFLICT (id) DO UPDATE SET slots = excluded.slots, busy = excluded.busy, last_seen_at = excluded.last_seen_at
            """
        )
    }

    public func workers(seenSince since: Date) async throws -> [WorkerHeartbeat] {
        try await rows("SELECT id, slots, busy, started_at, last_seen_at FROM workers WHERE last_seen_at >= \(since) ORDER BY id")
            .map { row in
                let (id, slots, busy, started, seen) = try row.decode((String, Int, Int, Date, Date).self)
                return WorkerHeartbeat(id: id, slots: slots, busy: busy, startedAt: started, lastSeenAt: seen)
            }
    }

    public func retire(worker id: String) async throws {
        _ = try await rows("DELETE FROM workers WHERE id = \(id)")
    }

    func notify() async throws {
        _ = try await rows("SELECT pg_notify(\(Self.channel), '')")
    }
}
