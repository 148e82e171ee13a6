import Foundation
import ReelCore

/// The render cache's index: which content keys have stored bytes, how large, and when each
/// was last reused. The objects themselves live in the object store; evicting an entry hands it
/// back so its object can be deleted.
public protocol RenderCacheIndex: Sendable {
    /// The entry stored under `key`, marked as used at `date`; nil when there is none.
    func cacheEntry(_ key: String, usedAt date: Date) async throws -> RenderCacheEntry?
    /// Records `entry` unless its key has one already (the first stays: a composition may point
    /// at its object); returns whether it was recorded.
    func recordCacheEntry(_ entry: RenderCacheEntry) async throws -> Bool
    /// Removes the entry under `key` if it still names `objectKey` (whose bytes are gone).
    func forgetCacheEntry(_ key: String, objectKey: String) async throws
    /// Removes the least recently used entries until the rest total at most `maxBytes`, and
    /// returns the removed ones. An entry whose object is a composition's output (a reused
    /// render points at it) is neither counted nor removed while that composition exists.
    func evictCache(toBytes maxBytes: Int) async throws -> [RenderCacheEntry]
}

extension RenderCacheEntry.Details {
    /// The JSON stored beside an entry.
    var json: String? {
        (try? JSONEncoder().encode(self)).flatMap { String(data: $0, encoding: .utf8) }
    }

    init?(json: String?) {
        guard let json, let value = try? JSONDecoder().decode(Self.self, from: Data(json.utf8)) else { return nil }
        self = value
    }
}
