import Foundation
import ReelCore

extension SQLiteStore: RenderCacheIndex {
    static let cacheColumns = "key, object_key, size_bytes, details, created_at, last_used_at"

    public func cacheEntry(_ key: String, usedAt date: Date) async throws -> RenderCacheEntry? {
        try await database.write { db in
            try db.query(
                "UPDATE render_cache SET last_used_at = ? WHERE key = ? RETURNING \(Self.cacheColumns)",
                [.real(date.timeIntervalSince1970), .text(key)])
        }.map(Self.cacheEntry).first
    }

    public func recordCacheEntry(_ entry: RenderCacheEntry) async throws -> Bool {
        try await database.write { db in
            try db.query(
                """
                INSERT INTO render_cache (\(Self.cacheColumns)) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING RETURNING key
                """,
                [
                    .text(entry.key), .text(entry.objectKey), .integer(Int64(entry.sizeBytes)),
                    entry.details?.json.map { .text($0) } ?? .null,
                    .real(entry.createdAt.timeIntervalSince1970), .real(entry.lastUsedAt.timeIntervalSince1970),
                ])
        }.isEmpty == false
    }

    public func forgetCacheEntry(_ key: String, objectKey: String) async throws {
        try await database.write { db in
            _ = try db.query("DELETE FROM render_cache WHERE key = ? AND object_key = ?", [.text(key), .text(objectKey)])
        }
    }

    public func evictCache(toBytes maxBytes: Int) async throws -> [RenderCacheEntry] {
        try await database.write { db in
            try db.query(
                """
                DELETE FROM render_cache WHERE key IN (
                    SELECT key FROM (SELECT key, sum(size_bytes) OVER (ORDER BY last_used_at DESC, key) AS kept FROM render_cache r
                                     WHERE NOT EXISTS (SELECT 1 FROM compositions c WHERE c.output_key = r.object_key))
                    WHERE kept > ?)
                RETURNING \(Self.cacheColumns)
                """,
                [.integer(Int64(maxBytes))])
        }.map(Self.cacheEntry)
    }

    static func cacheEntry(_ row: [SQLiteValue]) throws -> RenderCacheEntry {
        RenderCacheEntry(
            key: try row.text(0, "key"), objectKey: try row.text(1, "object_key"), sizeBytes: try row.integer(2, "size_bytes"),
            details: .init(json: row[3].string), createdAt: try row.date(4, "created_at"), lastUsedAt: try row.date(5, "last_used_at"))
    }
}
