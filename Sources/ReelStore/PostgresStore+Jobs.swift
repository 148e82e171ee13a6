import Foundation
import PostgresNIO
import ReelCore

extension PostgresStore {
    /// The columns read back after a change, for its event (``JobSnapshot``).
    static let snapshotColumns = "id, tenant, status, progress, attempt, error_message, result::text, webhook_url"
    /// `pg_advisory_xact_lock` key held from an event's insert to its commit, so event ids
    /// become visible in order and a reader paging `after` an id never skips one committed later.
    static let eventsLockKey = 7_305_2027

    public func claim(_ update: JobUpdate) async throws -> ClaimedJob? {
        guard case .grant(let token, _, _) = update.lease else { return nil }
        let rows = try await perform {
            try await self.client.withTransaction(logger: self.logger) { connection in
                try await self.apply(update, returning: ", request::text, run_at, request_id, max_attempts", on: connection)
            }
        }
        guard let row = rows.first else { return nil }
        let snapshot = try Self.snapshot(row)
        let columns = row.makeRandomAccess()
        let request = try columns[8].decode(String.self)
        let readyAt = try columns[9].decode(Date.self)
        let requestID = try columns[10].decode(String?.self)
        let maxAttempts = try columns[11].decode(Int.self)
        return ClaimedJob(
            id: snapshot.id, token: token, attempt: snapshot.attempt, request: try RecordCoding.decode(request),
            readyAt: readyAt, requestID: requestID, maxAttempts: maxAttempts)
    }

    @discardableResult
    public func apply(_ update: JobUpdate) async throws -> [UUID] {
        let rows = try await perform {
            if update.event == nil {
                return try await self.client.withConnection { connection in try await self.apply(update, on: connection) }
            }
            return try await self.client.withTransaction(logger: self.logger) { connection in
                try await self.apply(update, on: connection)
            }
        }
        if update.wakesWorkers, !rows.isEmpty { try await notify() }
        return try rows.map { try $0.makeRandomAccess()[0].decode(UUID.self) }
    }

    public func expiredLeases(before date: Date, limit: Int) async throws -> [ExpiredLease] {
        try await expired(.compositions, before: date, limit: limit)
    }

    /// The rows of `table` whose lease ended before `date`, the longest expired first.
    func expired(_ table: LeasedTable, before date: Date, limit: Int) async throws -> [ExpiredLease] {
        try await rows(
            """
            SELECT \(unescaped: LeasedTable.expiredColumns) FROM \(unescaped: table.name)
            WHERE \(unescaped: table.leasedFilter) AND lease_expires_at < \(date) ORDER BY lease_expires_at LIMIT \(limit)
            """
        ).map { row in
            let (id, token, attempt, maxAttempts) = try row.decode((UUID, String, Int, Int).self)
            return ExpiredLease(id: id, token: token, attempt: attempt, maxAttempts: maxAttempts)
        }
    }

    /// Applies `update` on `connection` (inside a transaction when it has an event) and records
    /// its event for every row it changed; returns the changed rows (id first, then the snapshot
    /// columns and `returning` when there is an event or `returning`, else the tenant).
    func apply(_ update: JobUpdate, returning extra: String = "", on connection: PostgresConnection) async throws -> [PostgresRow] {
        var builder = Bindings()
        let assignments = try Self.assignments(update, &builder)
        let filter = Self.filter(update.target, &builder)
        let returning = update.event == nil && extra.isEmpty ? "id, tenant" : Self.snapshotColumns + extra
        let query = PostgresQuery(
            unsafeSQL: "UPDATE compositions SET \(assignments) WHERE \(filter) RETURNING \(returning)", binds: builder.binds)
        let rows = try await connection.query(query, logger: logger).collect()
        if update.event == nil, let progress = update.progress, let stage = update.stage, let row = rows.first {
            let (id, tenant) = try row.decode((UUID, String).self)
            // Every process hears it, this one included (its listener), and updates its ``live`` then.
            let reportedAt = update.updatedAt ?? Date()
            let payload = "\(id.uuidString.lowercased()) \(progress) \(stage.rawValue) \(reportedAt.timeIntervalSince1970) \(tenant)"
            try await connection.query("SELECT pg_notify(\(Self.progressChannel), \(payload))", logger: logger)
        }
        if let kind = update.event {
            let date = update.updatedAt ?? Date()
            for row in rows { try await record(kind, of: try Self.snapshot(row), at: date, on: connection) }
        }
        return rows
    }

    /// Writes one event row in the caller's transaction, and its webhook delivery (notifying
    /// dispatchers in every process) when the composition has a `webhook_url`.
    func record(_ kind: CompositionEvent.Kind, of snapshot: JobSnapshot, at date: Date, on connection: PostgresConnection) async throws {
        let payload = snapshot.payload(kind: kind, at: date)
        // One round trip: the lock (the INSERT reads from it, so it is taken first), the event, the notification.
        let inserted = try await connection.query(
            """
            WITH locked AS (SELECT pg_advisory_xact_lock(\(Self.eventsLockKey))),
                event AS (INSERT INTO events (composition_id, tenant, type, payload, created_at)
                          SELECT \(snapshot.id), \(snapshot.tenant), \(kind.rawValue), \(payload), \(date) FROM locked RETURNING id),
                told AS (SELECT pg_notify(\(Self.eventsChannel), '') FROM event)
            SELECT event.id FROM event, told
            """,
            logger: logger
        ).collect()
        guard let url = snapshot.webhookURL, let eventID = try inserted.first?.decode(Int64.self) else { return }
        try await connection.query(
            """
            INSERT INTO webhook_deliveries (event_id, composition_id, tenant, type, url, payload, next_attempt_at, event_at)
            VALUES (\(eventID), \(snapshot.id), \(snapshot.tenant), \(kind.rawValue), \(url), \(payload), \(date), \(date))
            """,
            logger: logger)
        try await connection.query("SELECT pg_notify(\(Self.webhooksChannel), '')", logger: logger)
    }

    static func snapshot(_ row: PostgresRow) throws -> JobSnapshot {
        let columns = row.makeRandomAccess()
        let result = try columns[6].decode(String?.self)
        return JobSnapshot(
            id: try columns[0].decode(UUID.self),
            tenant: try columns[1].decode(String.self),
            status: try StoreError.named(try columns[2].decode(String.self), "status"),
            progress: try columns[3].decode(Double.self),
            attempt: try columns[4].decode(Int.self),
            errorMessage: try columns[5].decode(String?.self),
            result: try result.map { try RecordCoding.decode($0) },
            webhookURL: try columns[7].decode(String?.self))
    }

    /// Numbered binds for a query built piece by piece.
    struct Bindings {
        var binds = PostgresBindings()

        /// Appends `value`; returns its placeholder.
        mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }

        mutating func bindNull() -> String {
            binds.appendNull()
            return "$\(binds.count)"
        }
    }

    /// The `SET` list of `update`, column by column.
    static func assignments(_ update: JobUpdate, _ builder: inout Bindings) throws -> String {
        var sql: [String] = []
        if let status = update.status { sql.append("status = \(builder.bind(status.rawValue))") }
        if let stage = update.stage { sql.append("stage = \(builder.bind(stage.rawValue))") }
        if let progress = update.progress { sql.append("progress = \(builder.bind(progress))") }
        if let stages = update.stages { sql.append("stages = \(builder.bind(try RecordCoding.encode(stages)))") }
        switch update.errorMessage {
        case .keep: break
        case .clear: sql.append("error_message = NULL")
        case .set(let message): sql.append("error_message = \(builder.bind(message))")
        }
        if let result = update.result {
            sql.append("result = \(builder.bind(try RecordCoding.encode(result)))::jsonb")
            sql.append("output_key = \(builder.bind(result.outputKey))")
        }
        if let runAt = update.runAt { sql.append("run_at = \(builder.bind(runAt))") }
        switch update.attempt {
        case .keep: break
        case .next: sql.append("attempt = attempt + 1")
        case .giveBack: sql.append("attempt = greatest(attempt - 1, 0)")
        }
        switch update.lease {
        case .keep: break
        case .grant(let token, let worker, let until):
            sql.append("lease_token = \(builder.bind(token))")
            sql.append("lease_expires_at = \(builder.bind(until))")
            sql.append("worker_id = \(builder.bind(worker))")
        case .renew(let until): sql.append("lease_expires_at = \(builder.bind(until))")
        case .drop: sql.append("lease_token = NULL, lease_expires_at = NULL")
        }
        if let startedAt = update.startedAt { sql.append("started_at = coalesce(started_at, \(builder.bind(startedAt)))") }
        if let completedAt = update.completedAt { sql.append("completed_at = \(builder.bind(completedAt))") }
        if let updatedAt = update.updatedAt { sql.append("updated_at = \(builder.bind(updatedAt))") }
        return sql.joined(separator: ", ")
    }

    /// The `WHERE` clause of a target.
    static func filter(_ target: JobUpdate.Target, _ builder: inout Bindings) -> String {
        switch target {
        case .next(let readyBy):
            return """
                seq = (SELECT seq FROM compositions WHERE status = 'queued' AND run_at <= \(builder.bind(readyBy))
                       ORDER BY priority, run_at, seq LIMIT 1 FOR UPDATE SKIP LOCKED)
                """
        case .leased(let id, let token, let expiredBefore):
            let expiry = expiredBefore.map { " AND lease_expires_at < \(builder.bind($0))" } ?? ""
            return "id = \(builder.bind(id)) AND lease_token = \(builder.bind(token)) AND status = 'processing'" + expiry
        case .unfinished(let id, let tenant):
            let idFilter = id.map { "id = \(builder.bind($0))" } ?? "TRUE"
            let tenantFilter = tenant.map { "tenant = \(builder.bind($0))" } ?? "TRUE"
            return "status IN ('pending', 'queued', 'processing') AND \(idFilter) AND \(tenantFilter)"
        }
    }
}

extension PostgresStore: EventStore {
    public func events(after: Int64, limit: Int, composition: UUID?, tenant: String?) async throws -> [CompositionEvent] {
        try await rows(
            """
            SELECT id, composition_id, tenant, type, payload, created_at FROM events
            WHERE id > \(after) AND (\(composition)::uuid IS NULL OR composition_id = \(composition))
                AND (\(tenant)::text IS NULL OR tenant = \(tenant))
            ORDER BY id LIMIT \(limit)
            """
        ).map { row in
            let (id, composition, tenant, type, payload, created) = try row.decode((Int64, UUID, String, String, String, Date).self)
            return CompositionEvent(
                id: id, compositionID: composition, tenant: tenant, kind: try StoreError.named(type, "type"), payload: payload,
                createdAt: created)
        }
    }

    public func purgeEvents(before date: Date) async throws -> Int {
        try await perform {
            try await self.client.withTransaction(logger: self.logger) { connection in
                try await connection.query(
                    """
                    DELETE FROM webhook_attempts WHERE delivery_id IN
                        (SELECT id FROM webhook_deliveries WHERE event_at < \(date) AND state <> 'pending')
                    """, logger: self.logger)
                try await connection.query(
                    "DELETE FROM webhook_deliveries WHERE event_at < \(date) AND state <> 'pending'", logger: self.logger)
                let counted = try await connection.query(
                    "WITH gone AS (DELETE FROM events WHERE created_at < \(date) RETURNING 1) SELECT count(*) FROM gone",
                    logger: self.logger
                ).collect()
                return try counted.first?.decode(Int.self) ?? 0
            }
        }
    }
}

extension PostgresStore {
    /// A progress report from another process: `ID PROGRESS STAGE REPORTED_AT TENANT`.
    func heard(progress payload: String) {
        let parts = payload.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, let id = UUID(uuidString: String(parts[0])), let progress = Double(parts[1]),
            let reportedAt = Double(parts[3])
        else { return }
        live.reported(
            composition: id, tenant: String(parts[4]), progress: progress, stage: String(parts[2]),
            at: Date(timeIntervalSince1970: reportedAt))
    }
}
