import Foundation
import Logging
import PostgresNIO
import ReelCore

extension PostgresStore: AccessStore {
    public func insertKey(_ key: APIKeyRecord, lookup: String, hash: String) async throws {
        let (id, name, hint, scope, tenant, created, revoked) = (
            key.id, key.name, key.hint, key.scope.rawValue, key.tenant, key.createdAt, key.revokedAt
        )
        _ = try await rows(
            """
            INSERT INTO api_keys (id, name, hint, lookup, hash, scope, tenant, created_at, revoked_at)
            VALUES (\(id), \(name), \(hint), \(lookup), \(hash), \(scope), \(tenant), \(created), \(revoked))
            """
        )
    }

    public func key(lookup: String) async throws -> (record: APIKeyRecord, hash: String)? {
        let found = try await rows(
            "SELECT id, name, hint, scope, tenant, created_at, revoked_at, hash FROM api_keys WHERE lookup = \(lookup)")
        guard let row = found.first else { return nil }
        let columns = try row.decode((UUID, String, String, String, String, Date, Date?, String).self)
        return (try Self.key(columns), columns.7)
    }

    public func keys() async throws -> [APIKeyRecord] {
        try await rows("SELECT id, name, hint, scope, tenant, created_at, revoked_at, hash FROM api_keys ORDER BY created_at, id")
            .map { try Self.key(try $0.decode((UUID, String, String, String, String, Date, Date?, String).self)) }
    }

    /// Announced on ``keysChannel`` in the same statement, so every process drops the key at once.
    public func revokeKey(_ id: UUID, at date: Date) async throws -> Bool {
        let revoked = try await !rows(
            """
            WITH revoked AS (UPDATE api_keys SET revoked_at = \(date) WHERE id = \(id) AND revoked_at IS NULL RETURNING id)
            SELECT id, pg_notify(\(Self.keysChannel), '') FROM revoked
            """
        ).isEmpty
        if revoked { revocations.bump() }
        return revoked
    }

    static func key(_ columns: (UUID, String, String, String, String, Date, Date?, String)) throws -> APIKeyRecord {
        APIKeyRecord(
            id: columns.0, name: columns.1, hint: columns.2, scope: try StoreError.named(columns.3, "scope"), tenant: columns.4,
            createdAt: columns.5,
            revokedAt: columns.6)
    }

    public func insertAsset(_ asset: AssetRecord, idempotency: IdempotencyRecord?) async throws -> IdempotencyRecord? {
        let (id, tenant, size, type, sha, created) = (
            asset.id, asset.tenant, asset.sizeBytes, asset.contentType, asset.sha256, asset.createdAt
        )
        let (duration, width, height, thumbnail) = (asset.media?.duration, asset.media?.width, asset.media?.height, asset.media?.thumbnail)
        return try await perform {
            try await self.client.withTransaction(logger: self.logger) { connection -> IdempotencyRecord? in
                if let idempotency, let existing = try await self.claim(idempotency, on: connection, logger: self.logger) {
                    return existing
                }
                try await connection.query(
                    """
                    INSERT INTO assets (id, tenant, size_bytes, content_type, sha256, created_at, duration_seconds, width, height, thumbnail)
                    VALUES (\(id), \(tenant), \(size), \(type), \(sha), \(created), \(duration), \(width), \(height), \(thumbnail))
                    """,
                    logger: self.logger
                )
                return idempotency
            }
        }
    }

    public func asset(_ id: UUID, tenant: String?) async throws -> AssetRecord? {
        let found = try await rows(
            """
            SELECT id, tenant, size_bytes, content_type, sha256, created_at, duration_seconds, width, height, thumbnail FROM assets
            WHERE id = \(id) AND (\(tenant)::text IS NULL OR tenant = \(tenant))
            """
        )
        return try found.first.map(Self.asset)
    }

    public func assets(offset: Int, limit: Int, tenant: String?) async throws -> AssetPage {
        let found = try await rows(
            """
            SELECT id, tenant, size_bytes, content_type, sha256, created_at, duration_seconds, width, height, thumbnail FROM assets
            WHERE (\(tenant)::text IS NULL OR tenant = \(tenant)) ORDER BY created_at DESC, id LIMIT \(limit) OFFSET \(offset)
            """
        )
        let total = try await rows("SELECT count(*)::bigint FROM assets WHERE (\(tenant)::text IS NULL OR tenant = \(tenant))")
        return AssetPage(items: try found.map(Self.asset), total: Int(try total.first?.decode(Int64.self) ?? 0))
    }

    static func asset(_ row: PostgresRow) throws -> AssetRecord {
        let c = try row.decode((UUID, String, Int, String, String, Date, Double?, Int?, Int?, Bool?).self)
        let media = c.9.map { AssetMedia(duration: c.6, width: c.7, height: c.8, thumbnail: $0) }
        return AssetRecord(id: c.0, tenant: c.1, sizeBytes: c.2, contentType: c.3, sha256: c.4, createdAt: c.5, media: media)
    }
}

extension PostgresStore {

    /// Inside a transaction: the live answer already stored under the record's key, or nil after
    /// storing `record`. A concurrent insert of the same key waits for the first to commit, then
    /// finds its answer.
    func claim(_ record: IdempotencyRecord, on connection: PostgresConnection, logger: Logger) async throws -> IdempotencyRecord? {
        let (tenant, key, fingerprint, status, body, location, created, expires) = (
            record.tenant, record.key, record.fingerprint, record.status, record.body, record.location, record.createdAt,
            record.expiresAt
        )
        if idempotencyPurge.due() {
            try await connection.query("DELETE FROM idempotency_keys WHERE expires_at < \(created)", logger: logger)
        }
        let inserted = try await connection.query(
            """
            INSERT INTO idempotency_keys (\(unescaped: IdempotencySQL.columns))
            VALUES (\(tenant), \(key), \(fingerprint), \(status), \(body), \(location), \(created), \(expires))
            ON CONFLICT (tenant, key) DO UPDATE SET \(unescaped: IdempotencySQL.replaceExpired) RETURNING key
            """,
            logger: logger
        ).collect()
        guard inserted.isEmpty else { return nil }
        let found = try await connection.query(
            "SELECT \(unescaped: IdempotencySQL.columns) FROM idempotency_keys WHERE tenant = \(tenant) AND key = \(key)", logger: logger
        ).collect()
        return try found.first.map(Self.idempotency)
    }

    /// The live answer stored under the key `record` is about to claim.
    func liveAnswer(to record: IdempotencyRecord, on connection: PostgresConnection) async throws -> IdempotencyRecord? {
        let (tenant, key, now) = (record.tenant, record.key, record.createdAt)
        return try await connection.query(
            """
            SELECT \(unescaped: IdempotencySQL.columns) FROM idempotency_keys
            WHERE tenant = \(tenant) AND key = \(key) AND expires_at >= \(now)
            """,
            logger: logger
        ).collect().first.map(Self.idempotency)
    }

    static func idempotency(_ row: PostgresRow) throws -> IdempotencyRecord {
        let columns = try row.decode((String, String, String, Int, String, String?, Date, Date).self)
        return IdempotencyRecord(
            tenant: columns.0, key: columns.1, fingerprint: columns.2, status: columns.3, body: columns.4, location: columns.5,
            createdAt: columns.6, expiresAt: columns.7)
    }

    public func idempotencyRecord(tenant: String, key: String, at date: Date) async throws -> IdempotencyRecord? {
        try await rows(
            """
            SELECT \(unescaped: IdempotencySQL.columns) FROM idempotency_keys
            WHERE tenant = \(tenant) AND key = \(key) AND expires_at >= \(date)
            """
        ).first.map(Self.idempotency)
    }
}
