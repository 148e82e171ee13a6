import Foundation
import ReelCore

/// Where a render reuses and stores parts by content key (``RenderKeys``): whole outputs,
/// video segments and audio passes. Failures of the cache never fail a render: a lookup that
/// fails is a miss, a store that fails is skipped.
public protocol RenderCache: Sendable {
    /// Identifies the encoder in every key: ffmpeg's version line.
    func engine() async -> String
    /// The entry stored under `key` whose bytes still exist, marked as used; nil for a miss.
    func entry(_ key: String) async -> RenderCacheEntry?
    /// Brings an entry's bytes to a local file; false when they are gone.
    func fetch(_ entry: RenderCacheEntry, to file: URL) async -> Bool
    /// Stores a rendered part's file under `key` (the file may be moved).
    func store(_ key: String, file: URL, fileExtension: String) async
    /// Stores an output already in the object store (`objectKey`) under `key`, with what it holds.
    func adopt(_ key: String, objectKey: String, fileExtension: String, contentType: String, details: RenderCacheEntry.Details) async
}
