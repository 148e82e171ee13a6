import Foundation

/// One stored render part in the content-addressed cache: the object holding its bytes, and
/// when it was last reused (eviction takes the least recently used first).
public struct RenderCacheEntry: Sendable, Hashable {
    public var key: String
    public var objectKey: String
    public var sizeBytes: Int
    /// For a whole output: what it holds and its thumbnail's object, so a hit needs no probe.
    public var details: Details?
    public var createdAt: Date
    public var lastUsedAt: Date

    /// What a cached output carries besides its bytes.
    public struct Details: Sendable, Hashable, Codable {
        public var info: MediaInfo
        public var thumbnailKey: String?
        public var appliedEffects: [String]
        public var warnings: [String]

        public init(info: MediaInfo, thumbnailKey: String? = nil, appliedEffects: [String] = [], warnings: [String] = []) {
            self.info = info
            self.thumbnailKey = thumbnailKey
            self.appliedEffects = appliedEffects
            self.warnings = warnings
        }
    }

    public init(key: String, objectKey: String, sizeBytes: Int, details: Details? = nil, createdAt: Date, lastUsedAt: Date) {
        self.key = key
        self.objectKey = objectKey
        self.sizeBytes = sizeBytes
        self.details = details
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }
}
