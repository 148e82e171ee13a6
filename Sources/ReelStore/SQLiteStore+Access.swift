import Foundation
import ReelCore

extension SQLiteStore: AccessStore {
    static let keyColumns = "id, name, hint, scope, tenant, created_at, revoked_at, hash"

    public func insertKey(_ key: APIKeyRecord, lookup: String, hash: String) async throws {
        _ = try await database.write { db in
            try db.query(
                """
                INSERT INTO api_keys (id, name, hint, lookup, hash, scope, tenant, created_at, revoked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(key.id.uuidString.lowercased()), .text(key.name), .text(key.hint), .text(lookup), .text(hash),
                    .text(key.scope.rawValue), .text(key.tenant), .real(key.createdAt.timeIntervalSince1970),
                    key.revokedAt.map { .real($0.timeIntervalSince1970) } ?? .null,
                ]
            )
        }
    }

    public func key(lookup: String) async throws -> (record: APIKeyRecord, hash: String)? {
        let rows = try database.read { db in
            try db.query("SELECT \(Self.keyColumns) FROM api_keys WHERE lookup = ?", [.text(lookup)])
        }
        return try rows.first.map { row in (try Self.key(row), try row.text(7, "hash")) }
    }

    public func keys() async throws -> [APIKeyRecord] {
        try database.read { db in try db.query("SELECT \(Self.keyColumns) FROM api_keys ORDER BY created_at, id") }
            .map(Self.key)
    }

    /// Another process on the same file (`reel keys revoke`) is heard of only through the cache's lifetime.
    public func revokeKey(_ id: UUID, at date: Date) async throws -> Bool {
        let revoked =
            try await database.write { db in
                try db.query(
                    "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL RETURNING id",
                    [.real(date.timeIntervalSince1970), .text(id.uuidString.lowercased())]
                )
            }.isEmpty == false
        if revoked { revocations.bump() }
        return revoked
    }

    static func key(_ row: [SQLiteValue]) throws -> APIKeyRecord {
        APIKeyRecord(
            id: try row.uuid(0, "id"), name: try row.text(1, "name"), hint: try row.text(2, "hint"),
            scope: try row.named(3, "scope"), tenant: try row.text(4, "tenant"), createdAt: try row.date(5, "created_at"),
            revokedAt: RecordCoding.date(row[6]))
    }

    public func insertAsset(_ asset: AssetRecord, idempotency: IdempotencyRecord?) async throws -> IdempotencyRecord? {
        try await database.write { db in
            try db.transaction {
                if let idempotency, let existing = try self.claim(idempotency, in: db) { return existing }
                let media = asset.media
                try db.query(
                    "INSERT INTO assets (\(Self.assetColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        .text(asset.id.uuidString.lowercased()), .text(asset.tenant), .integer(Int64(asset.sizeBytes)),
                        .text(asset.contentType), .text(asset.sha256), .real(asset.createdAt.timeIntervalSince1970),
                        media?.duration.map { .real($0) } ?? .null, media?.width.map { .integer(Int64($0)) } ?? .null,
                        media?.height.map { .integer(Int64($0)) } ?? .null, media.map { .integer($0.thumbnail ? 1 : 0) } ?? .null,
                    ]
                )
                return idempotency
            }
        }
    }

    public func asset(_ id: UUID, tenant: String?) async throws -> AssetRecord? {
        let rows = try database.read { db in
            try db.query(
                "SELECT \(Self.assetColumns) FROM assets WHERE id = ? AND \(Self.tenantFilter)",
                [.text(id.uuidString.lowercased())] + Self.tenantValues(tenant))
        }
        return try rows.first.map(Self.asset)
    }

    public func assets(offset: Int, limit: Int, tenant: String?) async throws -> AssetPage {
        let (rows, total) = try database.read { db in
            let rows = try db.query(
                "SELECT \(Self.assetColumns) FROM assets WHERE \(Self.tenantFilter) ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                Self.tenantValues(tenant) + [.integer(Int64(limit)), .integer(Int64(offset))])
            let total = try db.query("SELECT count(*) FROM assets WHERE \(Self.tenantFilter)", Self.tenantValues(tenant))
            return (rows, try total[0].integer(0, "count"))
        }
        return AssetPage(items: try rows.map(Self.asset), total: total)
    }

    static let assetColumns = "id, tenant, size_bytes, content_type, sha256, created_at, duration_seconds, width, height, thumbnail"

    static func asset(_ row: [SQLiteValue]) throws -> AssetRecord {
        let media = row[9].int.map { AssetMedia(duration: row[6].double, width: row[7].int, height: row[8].int, thumbnail: $0 == 1) }
        return AssetRecord(
            id: try row.uuid(0, "id"), tenant: try row.text(1, "tenant"), sizeBytes: try row.integer(2, "size_bytes"),
            contentType: try row.text(3, "content_type"), sha256: try row.text(4, "sha256"), createdAt: try row.date(5, "created_at"),
            media: media)
    }
}

extension SQLiteStore {

    /// Inside a write transaction: the live answer already stored under the record's key, or
    /// nil after storing `record`. An expired answer under the key gives way; expired answers of
    /// other keys are swept now and then (``PurgeSchedule``).
    func claim(_ record: IdempotencyRecord, in db: SQLiteConnectionHandle) throws -> IdempotencyRecord? {
        let now = SQLiteValue.real(record.createdAt.timeIntervalSince1970)
        if idempotencyPurge.due() { try db.query("DELETE FROM idempotency_keys WHERE expires_at < ?", [now]) }
        let inserted = try db.query(
            """
            INSERT INTO idempotency_keys (\(IdempotencySQL.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (tenant, key) DO UPDATE SET \(IdempotencySQL.replaceExpired) RETURNING key
            """,
            [
                .text(record.tenant), .text(record.key), .text(record.fingerprint), .integer(Int64(record.status)), .text(record.body),
                record.location.map { .text($0) } ?? .null, now, .real(record.expiresAt.timeIntervalSince1970),
            ]
        )
        guard inserted.isEmpty else { return nil }
        let found = try db.query(
            "SELECT \(IdempotencySQL.columns) FROM idempotency_keys WHERE tenant = ? AND key = ?",
            [.text(record.tenant), .text(record.key)])
        return try found.first.map(Self.idempotency)
    }

    /// The live answer stored under the key `record` is about to claim.
    func liveAnswer(to record: IdempotencyRecord, in db: SQLiteConnectionHandle) throws -> IdempotencyRecord? {
        try db.query(
            "SELECT \(IdempotencySQL.columns) FROM idempotency_keys WHERE tenant = ? AND key = ? AND expires_at >= ?",
            [.text(record.tenant), .text(record.key), .real(record.createdAt.timeIntervalSince1970)]
        ).first.map(Self.idempotency)
    }

    static func idempotency(_ row: [SQLiteValue]) throws -> IdempotencyRecord {
        IdempotencyRecord(
            tenant: try row.text(0, "tenant"), key: try row.text(1, "key"), fingerprint: try row.text(2, "fingerprint"),
            status: try row.integer(3, "status"), body: try row.text(4, "body"), location: row[5].string,
            createdAt: try row.date(6, "created_at"), expiresAt: try row.date(7, "expires_at"))
    }

    public func idempotencyRecord(tenant: String, key: String, at date: Date) async throws -> IdempotencyRecord? {
        try database.read { db in
            try db.query(
                "SELECT \(IdempotencySQL.columns) FROM idempotency_keys WHERE tenant = ? AND key = ? AND expires_at >= ?",
                [.text(tenant), .text(key), .real(date.timeIntervalSince1970)]
            )
        }.first.map(Self.idempotency)
    }
}
