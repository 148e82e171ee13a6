import Foundation
import Logging
import PostgresNIO
import ReelCore
import ServiceLifecycle

/// Compositions on PostgreSQL: insert (with its idempotency claim and queue limits), read, list,
/// delete and cancel.
extension PostgresStore {
    public func insert(
        _ record: CompositionRecord, maxQueued: Int?, maxQueuedPerTenant: Int?, idempotency: IdempotencyClaim?
    ) async throws -> CompositionInsert {
        let request = try RecordCoding.encode(record.request)
        let stages = try RecordCoding.encode(record.stages)
        let row = JobLifecycle().insert(record)
        let id = record.id
        let title = record.request.title
        let (status, stage) = (row.status.rawValue, row.stage.rawValue)
        let now = record.createdAt
        let tenant = record.tenant
        let requestID = record.requestID
        let (key, fingerprint, expires) = (idempotency?.key, idempotency?.fingerprint, idempotency?.expiresAt)
        let outcome: CompositionInsert = try await perform {
            try await self.client.withTransaction(logger: self.logger) { connection -> CompositionInsert in
                if let key, let holder = try await self.claimHolder(of: key, tenant: tenant, at: now, on: connection) {
                    return holder
                }
                if let maxQueued {
                    try await self.queuedCount.check(limit: maxQueued) {
                        let rows = try await connection.query(
                            "SELECT count(*) FROM compositions WHERE status = 'queued'",
                            logger: self.logger
                        )
                        var queued = 0
                        for try await count in rows.decode(Int.self) { queued = count }
                        return queued
                    }
                }
                if let maxQueuedPerTenant {
                    let rows = try await connection.query(
                        "SELECT count(*) FROM compositions WHERE status = 'queued' AND tenant = \(tenant)", logger: self.logger)
                    for try await queued in rows.decode(Int.self) { try QueuedCount.enforce(maxQueuedPerTenant, queued) }
                }
                // A concurrent claim of the same key may commit between the lookup and here: the
                // insert then does nothing, and the holder it lost to is answered.
                let inserted = try await connection.query(
                    """
                    INSERT INTO compositions (id, tenant, title, status, priority, request, progress, stage, stages,
                        attempt, run_at, created_at, updated_at, request_id, max_attempts, webhook_url,
                        \(unescaped: IdempotencySQL.claimColumns))
                    VALUES (\(id), \(tenant), \(title), \(status), \(row.priorityRank), \(request)::jsonb, \(row.progress), \(stage),
                        \(stages), \(row.attempt), \(row.runAt), \(now), \(now), \(requestID), \(record.maxAttempts),
                        \(record.request.webhookURL),
                        \(key), \(fingerprint), \(expires))
                    ON CONFLICT \(unescaped: IdempotencySQL.claimTarget) DO NOTHING RETURNING id
                    """,
                    logger: self.logger
                ).collect()
                if inserted.isEmpty, let key, let holder = try await self.claimHolder(of: key, tenant: tenant, at: now, on: connection) {
                    return holder
                }
                try await self.record(row.event, of: JobSnapshot(record), at: now, on: connection)
                if row.wakesWorkers { try await connection.query("SELECT pg_notify(\(Self.channel), '')", logger: self.logger) }
                return .inserted
            }
        }
        if outcome == .inserted { queuedCount.increment() }
        return outcome
    }

    /// The composition holding a live claim on the tenant's key; an expired claim lets go of it.
    func claimHolder(of key: String, tenant: String, at now: Date, on connection: PostgresConnection) async throws -> CompositionInsert? {
        let rows = try await connection.query(
            """
            SELECT \(unescaped: Self.columns), idempotency_fingerprint, idempotency_expires_at FROM compositions
            WHERE tenant = \(tenant) AND idempotency_key = \(key)
            """,
            logger: logger
        ).collect()
        guard let row = rows.first, let holder = try Self.records([row]).first else { return nil }
        let claim = row.makeRandomAccess()
        guard try claim["idempotency_expires_at"].decode(Date.self) >= now else {
            try await connection.query(
                "UPDATE compositions SET \(unescaped: IdempotencySQL.releaseClaim) WHERE id = \(holder.id)", logger: logger)
            return nil
        }
        return .claimed(by: holder, fingerprint: try claim["idempotency_fingerprint"].decode(String.self))
    }

    public func fetch(_ id: UUID, tenant: String?) async throws -> CompositionRecord? {
        try Self.records(
            try await rows(
                "SELECT \(unescaped: Self.columns) FROM compositions WHERE id = \(id) AND (\(tenant)::text IS NULL OR tenant = \(tenant))")
        ).first
    }

    public func fetchProgress(_ id: UUID, tenant: String?) async throws -> CompositionProgress? {
        let found = try await rows(
            """
            SELECT status, progress, stage, stages, error_message, attempt, created_at, updated_at, completed_at
            FROM compositions WHERE id = \(id) AND (\(tenant)::text IS NULL OR tenant = \(tenant))
            """
        )
        guard let row = found.first else { return nil }
        let columns = try row.decode((String, Double, String, String?, String?, Int, Date, Date, Date?).self)
        return CompositionProgress(
            id: id,
            status: try StoreError.named(columns.0, "status"),
            progress: columns.1,
            currentStage: try StoreError.named(columns.2, "stage"),
            stagesJSON: columns.3 ?? "[]",
            errorMessage: columns.4,
            attempt: columns.5,
            createdAt: columns.6,
            updatedAt: columns.7,
            completedAt: columns.8
        )
    }

    public func list(status: CompositionStatus?, offset: Int, limit: Int, tenant: String?) async throws -> CompositionPage {
        let filter = status?.rawValue
        let items = try await rows(
            """
            SELECT \(unescaped: Self.columns) FROM compositions WHERE (\(filter)::text IS NULL OR status = \(filter))
                AND (\(tenant)::text IS NULL OR tenant = \(tenant))
            ORDER BY seq DESC LIMIT \(limit) OFFSET \(offset)
            """
        )
        let total = try await rows(
            """
            SELECT count(*) FROM compositions WHERE (\(filter)::text IS NULL OR status = \(filter))
                AND (\(tenant)::text IS NULL OR tenant = \(tenant))
            """)
        return CompositionPage(items: try Self.records(items), total: try total.first?.decode(Int.self) ?? 0)
    }

    public func delete(_ id: UUID, tenant: String?) async throws -> CompositionRecord? {
        try await perform {
            try await self.client.withTransaction(logger: self.logger) { connection -> CompositionRecord? in
                let rows = try await connection.query(
                    """
                    DELETE FROM compositions WHERE id = \(id) AND (\(tenant)::text IS NULL OR tenant = \(tenant))
                    RETURNING \(unescaped: Self.columns)
                    """,
                    logger: self.logger
                ).collect()
                guard let record = try Self.records(rows).first else { return nil }
                try await self.record(.deleted, of: JobSnapshot(record), at: Date(), on: connection)
                return record
            }
        }
    }

    public func cancel(_ id: UUID, at date: Date, tenant: String?, idempotency: IdempotencyRecord?) async throws -> CancelOutcome {
        do {
            return try await perform {
                try await self.client.withTransaction(logger: self.logger) { connection -> CancelOutcome in
                    var flow = CancelFlow(id: id, tenant: tenant, at: date, idempotency: idempotency)
                    var step = flow.start()
                    while true {
                        switch step {
                        case .findAnswer(let record): step = flow.found(answer: try await self.liveAnswer(to: record, on: connection))
                        case .apply(let update):
                            step = flow.applied(
                                try await self.apply(update, on: connection).map { try $0.makeRandomAccess()[0].decode(UUID.self) })
                        case .storeAnswer(let record):
                            step = flow.stored(earlier: try await self.claim(record, on: connection, logger: self.logger))
                        case .readRecord(let id):
                            let rows = try await connection.query(
                                "SELECT \(unescaped: Self.columns) FROM compositions WHERE id = \(id)", logger: self.logger
                            ).collect()
                            step = flow.read(record: try Self.records(rows)[0])
                        case .readStatus(let id, let tenant):
                            var status: CompositionStatus?
                            let found = try await connection.query(
                                "SELECT status FROM compositions WHERE id = \(id) AND (\(tenant)::text IS NULL OR tenant = \(tenant))",
                                logger: self.logger)
                            for try await name in found.decode(String.self) { status = try StoreError.named(name, "status") }
                            step = flow.read(status: status)
                        case .rollBackAndReplay(let answer): throw ClaimLost(answer: answer)
                        case .finish(let outcome): return outcome
                        }
                    }
                }
            }
        } catch let lost as ClaimLost {
            return .replayed(lost.answer)
        }
    }

    public func cancelAll(at date: Date, tenant: String?) async throws -> [UUID] {
        try await apply(JobLifecycle().cancel(id: nil, tenant: tenant, at: date))
    }
}
