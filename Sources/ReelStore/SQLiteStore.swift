import Foundation
import ReelCore
import ServiceLifecycle

/// ``CompositionStore`` and ``JobQueue`` on one SQLite file (WAL). Jobs are claimed with
/// `UPDATE … RETURNING` on the writer connection, which SQLite serialises. As a service it has
/// nothing to run: the file is open from `init`, and closes with the store.
public final class SQLiteStore: CompositionStore, JobQueue, Service {
    let database: SQLiteDatabase
    public let wakeups = WakeSignal()
    public let deliveryWakeups = WakeSignal()
    public let live = LiveUpdates(poll: .seconds(1))
    public let revocations = RevocationCounter()
    public let previewsFinished = WakeSignal()
    public let previewsQueued = WakeSignal()
    /// A worker process on the same file finishes previews unheard: an asker looks every 50 ms.
    public var previewPoll: Duration { .milliseconds(50) }
    public var pool: PoolUsage { database.writes.usage }
    /// Wake-ups reach this process's workers only; a worker process on the same file polls.
    public var idlePoll: Duration { .seconds(1) }
    let queuedCount = QueuedCount()
    let idempotencyPurge = PurgeSchedule()

    public init(path: String) throws {
        database = try SQLiteDatabase(path: path)
    }

    public func run() async throws {
        try? await gracefulShutdown()
    }

    static let columns =
        "id, request, status, progress, stage, stages, error_message, result, attempt, created_at, updated_at, started_at, completed_at, tenant, request_id"

    public func migrate() async throws {
        try await database.write { db in
            try db.executeScript("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at REAL NOT NULL);")
            try db.transaction {
                let applied = Set(try db.query("SELECT version FROM schema_migrations").compactMap { $0[0].int })
                for (version, script) in SQLiteMigrations.all where !applied.contains(version) {
                    try db.executeScript(script)
                    try db.query(
                        "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                        [.integer(Int64(version)), .real(Date().timeIntervalSince1970)]
                    )
                }
            }
        }
    }

    public func insert(
        _ record: CompositionRecord, maxQueued: Int?, maxQueuedPerTenant: Int?, idempotency: IdempotencyClaim?
    ) async throws -> CompositionInsert {
        let request = try RecordCoding.encode(record.request)
        let stages = try RecordCoding.encode(record.stages)
        let now = record.createdAt.timeIntervalSince1970
        let row = JobLifecycle().insert(record)
        let outcome: CompositionInsert = try await database.write { db in
            try db.transaction {
                if let idempotency, let holder = try self.claimHolder(of: idempotency.key, tenant: record.tenant, at: now, in: db) {
                    return holder
                }
                if let maxQueued {
                    try self.queuedCount.check(limit: maxQueued) {
                        try db.query("SELECT count(*) FROM compositions WHERE status = 'queued'")[0].integer(0, "count")
                    }
                }
                if let maxQueuedPerTenant {
                    let queued = try db.query(
                        "SELECT count(*) FROM compositions WHERE status = 'queued' AND tenant = ?", [.text(record.tenant)])
                    try QueuedCount.enforce(maxQueuedPerTenant, try queued[0].integer(0, "count"))
                }
                // The writer connection is serialised: no concurrent claim can come between the
                // holder lookup and this insert.
                try db.query(
                    """
                    INSERT INTO compositions (id, tenant, title, status, priority, request, progress, stage, stages,
                        attempt, run_at, created_at, updated_at, request_id, max_attempts, webhook_url, \(IdempotencySQL.claimColumns))
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .text(record.id.uuidString.lowercased()), .text(record.tenant), .text(record.request.title),
                        .text(row.status.rawValue), .integer(Int64(row.priorityRank)), .text(request), .real(row.progress),
                        .text(row.stage.rawValue), .text(stages), .integer(Int64(row.attempt)), .real(row.runAt.timeIntervalSince1970),
                        .real(now), .real(now), record.requestID.map { .text($0) } ?? .null,
                        .integer(Int64(record.maxAttempts)), record.request.webhookURL.map { .text($0) } ?? .null,
                        idempotency.map { .text($0.key) } ?? .null, idempotency.map { .text($0.fingerprint) } ?? .null,
                        idempotency.map { .real($0.expiresAt.timeIntervalSince1970) } ?? .null,
                    ]
                )
                try self.record(row.event, of: JobSnapshot(record), at: record.createdAt, in: db)
                return .inserted
            }
        }
        if outcome == .inserted {
            queuedCount.increment()
            if row.wakesWorkers { wakeups.signal() }
            announceEvents()
        }
        return outcome
    }

    /// The composition holding a live claim on the tenant's key; an expired claim lets go of it.
    func claimHolder(of key: String, tenant: String, at now: Double, in db: SQLiteConnectionHandle) throws -> CompositionInsert? {
        let rows = try db.query(
            """
            SELECT \(Self.columns), idempotency_fingerprint, idempotency_expires_at FROM compositions
            WHERE tenant = ? AND idempotency_key = ?
            """,
            [.text(tenant), .text(key)])
        guard let row = rows.first else { return nil }
        let holder = try RecordCoding.record(row)
        guard try row.real(16, "idempotency_expires_at") >= now else {
            try db.query(
                "UPDATE compositions SET \(IdempotencySQL.releaseClaim) WHERE id = ?", [.text(holder.id.uuidString.lowercased())])
            return nil
        }
        return .claimed(by: holder, fingerprint: try row.text(15, "idempotency_fingerprint"))
    }

    /// `AND (? IS NULL OR tenant = ?)`, the tenant filter every read and write by id takes.
    static let tenantFilter = "(? IS NULL OR tenant = ?)"

    static func tenantValues(_ tenant: String?) -> [SQLiteValue] {
        let value: SQLiteValue = tenant.map { .text($0) } ?? .null
        return [value, value]
    }

    public func fetch(_ id: UUID, tenant: String?) async throws -> CompositionRecord? {
        let rows = try database.read { db in
            try db.query(
                "SELECT \(Self.columns) FROM compositions WHERE id = ? AND \(Self.tenantFilter)",
                [.text(id.uuidString.lowercased())] + Self.tenantValues(tenant))
        }
        return try rows.first.map(RecordCoding.record)
    }

    public func fetchProgress(_ id: UUID, tenant: String?) async throws -> CompositionProgress? {
        let rows = try database.read { db in
            try db.query(
                """
                SELECT status, progress, stage, stages, error_message, attempt, created_at, updated_at, completed_at
                FROM compositions WHERE id = ? AND \(Self.tenantFilter)
                """,
                [.text(id.uuidString.lowercased())] + Self.tenantValues(tenant)
            )
        }
        guard let row = rows.first else { return nil }
        return CompositionProgress(
            id: id,
            status: try row.named(0, "status"),
            progress: try row.real(1, "progress"),
            currentStage: try row.named(2, "stage"),
            stagesJSON: row[3].string ?? "[]",
            errorMessage: row[4].string,
            attempt: try row.integer(5, "attempt"),
            createdAt: try row.date(6, "created_at"),
            updatedAt: try row.date(7, "updated_at"),
            completedAt: RecordCoding.date(row[8])
        )
    }

    public func list(status: CompositionStatus?, offset: Int, limit: Int, tenant: String?) async throws -> CompositionPage {
        let status: SQLiteValue = status.map { .text($0.rawValue) } ?? .null
        let filter = "(? IS NULL OR status = ?) AND \(Self.tenantFilter)"
        let values = [status, status] + Self.tenantValues(tenant)
        let (rows, total) = try database.read { db in
            let rows = try db.query(
                "SELECT \(Self.columns) FROM compositions WHERE \(filter) ORDER BY seq DESC LIMIT ? OFFSET ?",
                values + [.integer(Int64(limit)), .integer(Int64(offset))]
            )
            let total = try db.query("SELECT count(*) FROM compositions WHERE \(filter)", values)
            return (rows, try total[0].integer(0, "count"))
        }
        return CompositionPage(items: try rows.map(RecordCoding.record), total: total)
    }

    public func delete(_ id: UUID, tenant: String?) async throws -> CompositionRecord? {
        let rows = try await database.write { db in
            try db.transaction {
                let rows = try db.query(
                    "DELETE FROM compositions WHERE id = ? AND \(Self.tenantFilter) RETURNING \(Self.columns)",
                    [.text(id.uuidString.lowercased())] + Self.tenantValues(tenant))
                if let row = rows.first {
                    try self.record(.deleted, of: JobSnapshot(try RecordCoding.record(row)), at: Date(), in: db)
                }
                return rows
            }
        }
        if !rows.isEmpty { announceEvents() }
        return try rows.first.map(RecordCoding.record)
    }

    public func cancel(_ id: UUID, at date: Date, tenant: String?, idempotency: IdempotencyRecord?) async throws -> CancelOutcome {
        do {
            let outcome = try await database.write { db in
                try db.transaction { () throws -> CancelOutcome in
                    var flow = CancelFlow(id: id, tenant: tenant, at: date, idempotency: idempotency)
                    var step = flow.start()
                    while true {
                        switch step {
                        case .findAnswer(let record): step = flow.found(answer: try self.liveAnswer(to: record, in: db))
                        case .apply(let update): step = flow.applied(try self.apply(update, in: db).map { try $0.uuid(0, "id") })
                        case .storeAnswer(let record): step = flow.stored(earlier: try self.claim(record, in: db))
                        case .readRecord(let id):
                            let rows = try db.query(
                                "SELECT \(Self.columns) FROM compositions WHERE id = ?", [.text(id.uuidString.lowercased())])
                            step = flow.read(record: try RecordCoding.record(rows[0]))
                        case .readStatus(let id, let tenant):
                            let found = try db.query(
                                "SELECT status FROM compositions WHERE id = ? AND \(Self.tenantFilter)",
                                [.text(id.uuidString.lowercased())] + Self.tenantValues(tenant))
                            step = flow.read(status: try found.first?.named(0, "status"))
                        case .rollBackAndReplay(let answer): throw ClaimLost(answer: answer)
                        case .finish(let outcome): return outcome
                        }
                    }
                }
            }
            if case .cancelled = outcome { announceEvents() }
            return outcome
        } catch let lost as ClaimLost {
            return .replayed(lost.answer)
        }
    }

    public func cancelAll(at date: Date, tenant: String?) async throws -> [UUID] {
        try await apply(JobLifecycle().cancel(id: nil, tenant: tenant, at: date))
    }

    public func stats() async throws -> QueueStats {
        let (queued, statuses) = try database.read { db in
            (
                try db.query("SELECT priority, count(*) FROM compositions WHERE status = 'queued' GROUP BY priority"),
                try db.query("SELECT status, count(*) FROM compositions GROUP BY status")
            )
        }
        var byPriority: [Priority: Int] = Dictionary(uniqueKeysWithValues: Priority.allCases.map { ($0, 0) })
        for row in queued {
            guard let priority = Priority(rank: try row.integer(0, "priority")) else { throw StoreError.badRow("priority") }
            byPriority[priority] = try row.integer(1, "count")
        }
        var byStatus: [CompositionStatus: Int] = Dictionary(uniqueKeysWithValues: CompositionStatus.allCases.map { ($0, 0) })
        for row in statuses {
            byStatus[try row.named(0, "status", as: CompositionStatus.self)] = try row.integer(1, "count")
        }
        return QueueStats(queued: byPriority, byStatus: byStatus)
    }

    public func ping() async throws {
        _ = try database.read { db in try db.query("SELECT 1") }
    }

    // MARK: JobQueue

    public func exists(_ id: UUID) async throws -> Bool {
        try !database.read { db in try db.query("SELECT 1 FROM compositions WHERE id = ?", [.text(id.uuidString.lowercased())]) }
            .isEmpty
    }

    public func beat(_ worker: WorkerHeartbeat) async throws {
        _ = try await database.write { db in
            try db.query(
                """
                INSERT INTO workers (id, slots, busy, started_at, last_seen_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET slots = excluded.slots, busy = excluded.busy,
                    last_seen_at = excluded.last_seen_at
                """,
                [
                    .text(worker.id), .integer(Int64(worker.slots)), .integer(Int64(worker.busy)),
                    .real(worker.startedAt.timeIntervalSince1970), .real(worker.lastSeenAt.timeIntervalSince1970),
                ]
            )
        }
    }

    public func workers(seenSince since: Date) async throws -> [WorkerHeartbeat] {
        let rows = try database.read { db in
            try db.query(
                "SELECT id, slots, busy, started_at, last_seen_at FROM workers WHERE last_seen_at >= ? ORDER BY id",
                [.real(since.timeIntervalSince1970)]
            )
        }
        return try rows.map { row in
            WorkerHeartbeat(
                id: try row.text(0, "id"),
                slots: try row.integer(1, "slots"),
                busy: try row.integer(2, "busy"),
                startedAt: try row.date(3, "started_at"),
                lastSeenAt: try row.date(4, "last_seen_at")
            )
        }
    }

    public func retire(worker id: String) async throws {
        _ = try await database.write { db in try db.query("DELETE FROM workers WHERE id = ?", [.text(id)]) }
    }
}
