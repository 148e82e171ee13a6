import Foundation
import ReelCore

extension SQLiteStore {
    /// The columns read back after a change, for its event (``JobSnapshot``).
    static let snapshotColumns = "id, tenant, status, progress, attempt, error_message, result, webhook_url"

    public func claim(_ update: JobUpdate) async throws -> ClaimedJob? {
        guard case .grant(let token, _, _) = update.lease else { return nil }
        let rows = try await database.write { db in
            try db.transaction { try self.apply(update, returning: ", request, run_at, request_id, max_attempts", in: db) }
        }
        guard let row = rows.first, let snapshot = try Self.snapshot(row) else { return nil }
        announceEvents()
        return ClaimedJob(
            id: snapshot.id, token: token, attempt: snapshot.attempt, request: try RecordCoding.decode(try row.text(8, "request")),
            readyAt: try row.date(9, "run_at"), requestID: row[10].string, maxAttempts: try row.integer(11, "max_attempts"))
    }

    @discardableResult
    public func apply(_ update: JobUpdate) async throws -> [UUID] {
        let rows = try await database.write { db in
            update.event == nil ? try self.apply(update, in: db) : try db.transaction { try self.apply(update, in: db) }
        }
        if update.wakesWorkers, !rows.isEmpty { wakeups.signal() }
        if update.event != nil, !rows.isEmpty { announceEvents() }
        if update.event == nil, let progress = update.progress, let stage = update.stage, let row = rows.first {
            live.reported(
                composition: try row.uuid(0, "id"), tenant: try row.text(1, "tenant"), progress: progress, stage: stage.rawValue,
                at: update.updatedAt ?? Date())
        }
        return try rows.map { try $0.uuid(0, "id") }
    }

    public func expiredLeases(before date: Date, limit: Int) async throws -> [ExpiredLease] {
        try expired(.compositions, before: date, limit: limit)
    }

    /// The rows of `table` whose lease ended before `date`, the longest expired first.
    func expired(_ table: LeasedTable, before date: Date, limit: Int) throws -> [ExpiredLease] {
        try database.read { db in
            try db.query(
                """
                SELECT \(LeasedTable.expiredColumns) FROM \(table.name)
                WHERE \(table.leasedFilter) AND lease_expires_at < ? ORDER BY lease_expires_at LIMIT ?
                """,
                [.real(date.timeIntervalSince1970), .integer(Int64(limit))])
        }.map { row in
            ExpiredLease(
                id: try row.uuid(0, "id"), token: try row.text(1, "lease_token"), attempt: try row.integer(2, "attempt"),
                maxAttempts: try row.integer(3, "max_attempts"))
        }
    }

    /// After a commit that recorded events: wakes this process's webhook dispatcher and event
    /// streams (a SQLite file is this process's alone to announce; PostgreSQL notifies).
    func announceEvents() {
        deliveryWakeups.signal()
        live.eventRecorded()
    }

    /// Applies `update` on the writer connection (the caller holds a transaction when it has an
    /// event) and records its event for every row it changed; returns the changed rows (their id
    /// first, then the tenant, or the snapshot columns and `returning` when there is an event or `returning`).
    func apply(_ update: JobUpdate, returning extra: String = "", in db: SQLiteConnectionHandle) throws -> [[SQLiteValue]] {
        let (assignments, values) = try Self.assignments(update)
        let (filter, filterValues) = Self.filter(update.target)
        let returning = update.event == nil && extra.isEmpty ? "id, tenant" : Self.snapshotColumns + extra
        let rows = try db.query("UPDATE compositions SET \(assignments) WHERE \(filter) RETURNING \(returning)", values + filterValues)
        if let kind = update.event {
            let date = update.updatedAt ?? Date()
            for row in rows {
                if let snapshot = try Self.snapshot(row) { try record(kind, of: snapshot, at: date, in: db) }
            }
        }
        return rows
    }

    /// Writes one event row in the caller's transaction, and its webhook delivery when the
    /// composition has a `webhook_url`.
    func record(_ kind: CompositionEvent.Kind, of snapshot: JobSnapshot, at date: Date, in db: SQLiteConnectionHandle) throws {
        let payload = snapshot.payload(kind: kind, at: date)
        let composition = SQLiteValue.text(snapshot.id.uuidString.lowercased())
        let rows = try db.query(
            "INSERT INTO events (composition_id, tenant, type, payload, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
            [composition, .text(snapshot.tenant), .text(kind.rawValue), .text(payload), .real(date.timeIntervalSince1970)])
        guard let url = snapshot.webhookURL, let eventID = rows.first?[0].int else { return }
        try db.query(
            """
            INSERT INTO webhook_deliveries (event_id, composition_id, tenant, type, url, payload, next_attempt_at, event_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .integer(Int64(eventID)), composition, .text(snapshot.tenant), .text(kind.rawValue), .text(url), .text(payload),
                .real(date.timeIntervalSince1970), .real(date.timeIntervalSince1970),
            ])
    }

    static func snapshot(_ row: [SQLiteValue]) throws -> JobSnapshot? {
        guard row.count >= 8 else { return nil }
        return JobSnapshot(
            id: try row.uuid(0, "id"), tenant: try row.text(1, "tenant"), status: try row.named(2, "status"),
            progress: try row.real(3, "progress"), attempt: try row.integer(4, "attempt"), errorMessage: row[5].string,
            result: try row[6].string.map { try RecordCoding.decode($0) }, webhookURL: row[7].string)
    }

    /// The `SET` list of `update`, column by column.
    static func assignments(_ update: JobUpdate) throws -> (String, [SQLiteValue]) {
        var sql: [String] = []
        var values: [SQLiteValue] = []
        func set(_ column: String, _ value: SQLiteValue) {
            sql.append("\(column) = ?")
            values.append(value)
        }
        if let status = update.status { set("status", .text(status.rawValue)) }
        if let stage = update.stage { set("stage", .text(stage.rawValue)) }
        if let progress = update.progress { set("progress", .real(progress)) }
        if let stages = update.stages { set("stages", .text(try RecordCoding.encode(stages))) }
        switch update.errorMessage {
        case .keep: break
        case .clear: set("error_message", .null)
        case .set(let message): set("error_message", .text(message))
        }
        if let result = update.result {
            set("result", .text(try RecordCoding.encode(result)))
            set("output_key", .text(result.outputKey))
        }
        if let runAt = update.runAt { set("run_at", .real(runAt.timeIntervalSince1970)) }
        switch update.attempt {
        case .keep: break
        case .next: sql.append("attempt = attempt + 1")
        case .giveBack: sql.append("attempt = max(attempt - 1, 0)")
        }
        switch update.lease {
        case .keep: break
        case .grant(let token, let worker, let until):
            set("lease_token", .text(token))
            set("lease_expires_at", .real(until.timeIntervalSince1970))
            set("worker_id", .text(worker))
        case .renew(let until): set("lease_expires_at", .real(until.timeIntervalSince1970))
        case .drop:
            set("lease_token", .null)
            set("lease_expires_at", .null)
        }
        if let startedAt = update.startedAt {
            sql.append("started_at = coalesce(started_at, ?)")
            values.append(.real(startedAt.timeIntervalSince1970))
        }
        if let completedAt = update.completedAt { set("completed_at", .real(completedAt.timeIntervalSince1970)) }
        if let updatedAt = update.updatedAt { set("updated_at", .real(updatedAt.timeIntervalSince1970)) }
        return (sql.joined(separator: ", "), values)
    }

    /// The `WHERE` clause of a target.
    static func filter(_ target: JobUpdate.Target) -> (String, [SQLiteValue]) {
        switch target {
        case .next(let readyBy):
            return (
                """
                seq = (SELECT seq FROM compositions WHERE status = 'queued' AND run_at <= ?
                       ORDER BY priority, run_at, seq LIMIT 1)
                """,
                [.real(readyBy.timeIntervalSince1970)]
            )
        case .leased(let id, let token, let expiredBefore):
            let expiry = expiredBefore.map { [SQLiteValue.real($0.timeIntervalSince1970)] } ?? []
            return (
                "id = ? AND lease_token = ? AND status = 'processing'" + (expiry.isEmpty ? "" : " AND lease_expires_at < ?"),
                [.text(id.uuidString.lowercased()), .text(token)] + expiry
            )
        case .unfinished(let id, let tenant):
            let id: SQLiteValue = id.map { .text($0.uuidString.lowercased()) } ?? .null
            return (
                "status IN ('pending', 'queued', 'processing') AND (? IS NULL OR id = ?) AND \(tenantFilter)",
                [id, id] + tenantValues(tenant)
            )
        }
    }
}

extension SQLiteStore: EventStore {
    public func events(after: Int64, limit: Int, composition: UUID?, tenant: String?) async throws -> [CompositionEvent] {
        let composition: SQLiteValue = composition.map { .text($0.uuidString.lowercased()) } ?? .null
        return try database.read { db in
            try db.query(
                """
                SELECT id, composition_id, tenant, type, payload, created_at FROM events
                WHERE id > ? AND (? IS NULL OR composition_id = ?) AND \(Self.tenantFilter) ORDER BY id LIMIT ?
                """,
                [.integer(after), composition, composition] + Self.tenantValues(tenant) + [.integer(Int64(limit))])
        }.map { row in
            CompositionEvent(
                id: Int64(try row.integer(0, "id")), compositionID: try row.uuid(1, "composition_id"), tenant: try row.text(2, "tenant"),
                kind: try row.named(3, "type"), payload: try row.text(4, "payload"), createdAt: try row.date(5, "created_at"))
        }
    }

    public func purgeEvents(before date: Date) async throws -> Int {
        let before = SQLiteValue.real(date.timeIntervalSince1970)
        return try await database.write { db in
            try db.transaction {
                try db.query(
                    """
                    DELETE FROM webhook_attempts WHERE delivery_id IN
                        (SELECT id FROM webhook_deliveries WHERE event_at < ? AND state <> 'pending')
                    """, [before])
                try db.query("DELETE FROM webhook_deliveries WHERE event_at < ? AND state <> 'pending'", [before])
                try db.query("DELETE FROM events WHERE created_at < ?", [before])
                return db.changes
            }
        }
    }
}
