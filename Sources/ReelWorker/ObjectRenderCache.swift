import CoreMetrics
import Foundation
import Logging
import ReelCore
import ReelObjects
import ReelRender
import ReelStore
import Synchronization

/// The render cache on Reel's own object store and database: bytes under `cache/` in the
/// object store, the index (size, last use) in the database, shared by every worker process on
/// the same database and bucket. Bounded by `maxBytes`, least recently used evicted first.
public final class ObjectRenderCache: RenderCache {
    let objects: any ObjectStore
    let index: any RenderCacheIndex
    let maxBytes: Int
    let ffmpegPath: String
    let logger: Logger
    private let version = Mutex<String?>(nil)

    public init(objects: any ObjectStore, index: any RenderCacheIndex, maxBytes: Int, ffmpegPath: String, logger: Logger) {
        self.objects = objects
        self.index = index
        self.maxBytes = maxBytes
        self.ffmpegPath = ffmpegPath
        self.logger = logger
    }

    public func engine() async -> String {
        if let known = version.withLock({ $0 }) { return known }
        let output = OutputCapture()
        let outcome = try? await ProcessRunner.run(ffmpegPath, ["-hide_banner", "-version"]) { output.append($0) }
        let line = outcome?.succeeded == true ? output.text.split(separator: "\n").first.map(String.init) : nil
        // Without a version the keys would match renders by another ffmpeg: a fresh value keeps them apart.
        let engine = line ?? "unknown ffmpeg \(UUID())"
        version.withLock { $0 = $0 ?? engine }
        return version.withLock { $0 } ?? engine
    }

    public func entry(_ key: String) async -> RenderCacheEntry? {
        do {
            guard let entry = try await index.cacheEntry(key, usedAt: Date()) else { return nil }
            guard try await objects.size(of: entry.objectKey) != nil else {
                // Its bytes are gone (removed from the bucket by hand?): forget it, so the next render stores it again.
                try await index.forgetCacheEntry(key, objectKey: entry.objectKey)
                return nil
            }
            return entry
        } catch {
            logger.warning("render cache lookup failed", metadata: ["error": "\(error)"])
            return nil
        }
    }

    public func fetch(_ entry: RenderCacheEntry, to file: URL) async -> Bool {
        do {
            try await objects.download(key: entry.objectKey, to: file)
            return true
        } catch {
            logger.warning("render cache fetch failed", metadata: ["key": "\(entry.key)", "error": "\(error)"])
            return false
        }
    }

    public func store(_ key: String, file: URL, fileExtension: String) async {
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        let objectKey = ObjectKeys.cached(key, fileExtension: fileExtension)
        do {
            try await objects.put(key: objectKey, file: file, contentType: "application/octet-stream")
            try await record(RenderCacheEntry(key: key, objectKey: objectKey, sizeBytes: size, createdAt: Date(), lastUsedAt: Date()))
        } catch {
            logger.warning("render cache store failed", metadata: ["key": "\(key)", "error": "\(error)"])
        }
    }

    public func adopt(
        _ key: String, objectKey: String, fileExtension: String, contentType: String, details: RenderCacheEntry.Details
    ) async {
        let target = ObjectKeys.cached(key, fileExtension: fileExtension)
        do {
            // Another worker's equal render may be there already: the first stays.
            if try await index.cacheEntry(key, usedAt: Date()) != nil { return }
            var details = details
            if let thumbnail = details.thumbnailKey {
                let cached = ObjectKeys.cached(key, fileExtension: "jpg")
                try await objects.copy(from: thumbnail, to: cached, contentType: "image/jpeg")
                details.thumbnailKey = cached
            }
            try await objects.copy(from: objectKey, to: target, contentType: contentType)
            let size = try await objects.size(of: target) ?? 0
            try await record(
                RenderCacheEntry(key: key, objectKey: target, sizeBytes: size, details: details, createdAt: Date(), lastUsedAt: Date()))
        } catch {
            logger.warning("render cache store failed", metadata: ["key": "\(key)", "error": "\(error)"])
        }
    }

    /// Records an entry — or, when an equal one got there first, deletes this one's objects —
    /// then evicts what no longer fits and deletes its objects.
    func record(_ entry: RenderCacheEntry) async throws {
        guard try await index.recordCacheEntry(entry) else {
            try? await objects.delete(key: entry.objectKey)
            if let thumbnail = entry.details?.thumbnailKey { try? await objects.delete(key: thumbnail) }
            return
        }
        Counter(label: "reel_render_cache_stored_bytes_total").increment(by: entry.sizeBytes)
        for evicted in try await index.evictCache(toBytes: maxBytes) {
            try? await objects.delete(key: evicted.objectKey)
            if let thumbnail = evicted.details?.thumbnailKey { try? await objects.delete(key: thumbnail) }
            Counter(label: "reel_render_cache_evictions_total").increment()
        }
    }
}
