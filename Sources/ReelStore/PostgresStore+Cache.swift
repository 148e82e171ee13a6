import Foundation
import PostgresNIO
import ReelCore

extension PostgresStore: RenderCacheIndex {
    public func cacheEntry(_ key: String, usedAt date: Date) async throws -> RenderCacheEntry? {
        try await rows(
            """
            UPDATE render_cache SET last_used_at = \(date) WHERE key = \(key)
            RETURNING key, object_key, size_bytes, details, created_at, last_used_at
            """
        ).map(Self.cacheEntry).first
    }

    public func recordCacheEntry(_ entry: RenderCacheEntry) async throws -> Bool {
        try await rows(
            """
            INSERT INTO render_cache (key, object_key, size_bytes, details, created_at, last_used_at)
            VALUES (\(entry.key), \(entry.objectKey), \(Int64(entry.sizeBytes)), \(entry.details?.json), \(entry.createdAt),
                \(entry.lastUsedAt))
            ON CONFLICT (key) DO NOTHING RETURNING key
            """
        ).isEmpty == false
    }

    public func forgetCacheEntry(_ key: String, objectKey: String) async throws {
        _ = try await rows("DELETE FROM render_cache WHERE key = \(key) AND object_key = \(objectKey)")
    }

    public func evictCache(toBytes maxBytes: Int) async throws -> [RenderCacheEntry] {
        try await rows(
            """
            DELETE FROM render_cache WHERE key IN (
                SELECT key FROM (SELECT key, sum(size_bytes) OVER (ORDER BY last_used_at DESC, key) AS kept FROM render_cache r
                                 WHERE NOT EXISTS (SELECT 1 FROM compositions c WHERE c.output_key = r.object_key)) ranked
                WHERE kept > \(Int64(maxBytes)))
            RETURNING key, object_key, size_bytes, details, created_at, last_used_at
            """
        ).map(Self.cacheEntry)
    }

    static func cacheEntry(_ row: PostgresRow) throws -> RenderCacheEntry {
        let (key, objectKey, size, details, created, used) = try row.decode((String, String, Int64, String?, Date, Date).self)
        return RenderCacheEntry(
            key: key, objectKey: objectKey, sizeBytes: Int(size), details: .init(json: details), createdAt: created, lastUsedAt: used)
    }
}
