import Foundation
import ReelCore
import ReelStore
import Testing

/// The render cache's index, alike on every driver: lookups mark use, a record replaces, and
/// eviction removes the least recently used until the rest fit.
@Suite("Render cache index conformance")
struct RenderCacheIndexTests {
    static func entry(_ key: String, size: Int, at date: Date, details: RenderCacheEntry.Details? = nil) -> RenderCacheEntry {
        RenderCacheEntry(key: key, objectKey: "cache/\(key).mp4", sizeBytes: size, details: details, createdAt: date, lastUsedAt: date)
    }

    @Test("a recorded entry is found with its details, and a lookup marks it used", arguments: StoreHarness.drivers)
    func lookup(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            let details = RenderCacheEntry.Details(
                info: MediaInfo(formatName: "mp4", duration: 2, sizeBytes: 300), thumbnailKey: "cache/k.jpg",
                appliedEffects: ["text_overlay"], warnings: ["w"])
            #expect(try await store.recordCacheEntry(Self.entry("k", size: 300, at: start, details: details)))
            #expect(try await store.cacheEntry("other", usedAt: start) == nil)
            let later = start.addingTimeInterval(60)
            let found = try #require(try await store.cacheEntry("k", usedAt: later))
            #expect(found.details == details)
            #expect(found.sizeBytes == 300)
            #expect(abs(found.lastUsedAt.timeIntervalSince(later)) < 0.001)
            #expect(abs(found.createdAt.timeIntervalSince(start)) < 0.001)

            // Recording the key again is refused: the first entry stays (a composition may point at it).
            var second = Self.entry("k", size: 500, at: later)
            second.objectKey = "cache/k2.mp4"
            #expect(try await store.recordCacheEntry(second) == false)
            let again = try #require(try await store.cacheEntry("k", usedAt: later))
            #expect(again.objectKey == "cache/k.mp4" && again.sizeBytes == 300 && again.details == details)
            // Forgetting needs the object it names; then the key can be recorded anew.
            try await store.forgetCacheEntry("k", objectKey: "cache/other.mp4")
            #expect(try await store.cacheEntry("k", usedAt: later) != nil)
            try await store.forgetCacheEntry("k", objectKey: "cache/k.mp4")
            #expect(try await store.cacheEntry("k", usedAt: later) == nil)
            #expect(try await store.recordCacheEntry(second))
        }
    }

    @Test("eviction removes the least recently used entries until the rest fit", arguments: StoreHarness.drivers)
    func eviction(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            for (index, key) in ["a", "b", "c", "d"].enumerated() {
                #expect(try await store.recordCacheEntry(Self.entry(key, size: 100, at: start.addingTimeInterval(Double(index)))))
            }
            // "a" is the oldest, but reused now: "b" and "c" are the least recently used.
            _ = try await store.cacheEntry("a", usedAt: start.addingTimeInterval(10))
            #expect(try await store.evictCache(toBytes: 400).isEmpty)
            let evicted = try await store.evictCache(toBytes: 250)
            #expect(Set(evicted.map(\.key)) == ["b", "c"])
            #expect(Set(evicted.map(\.objectKey)) == ["cache/b.mp4", "cache/c.mp4"])
            #expect(try await store.cacheEntry("b", usedAt: start) == nil)
            #expect(try await store.cacheEntry("a", usedAt: start.addingTimeInterval(11)) != nil)
            #expect(try await store.cacheEntry("d", usedAt: start.addingTimeInterval(12)) != nil)
            #expect(Set(try await store.evictCache(toBytes: 0).map(\.key)) == ["a", "d"])
        }
    }

    @Test(
        "an entry that is a composition's output is neither counted nor evicted until the composition is gone",
        arguments: StoreHarness.drivers)
    func referencedOutputs(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            for (index, key) in ["a", "b", "c"].enumerated() {
                #expect(try await store.recordCacheEntry(Self.entry(key, size: 100, at: start.addingTimeInterval(Double(index)))))
            }
            let record = StoreConformanceTests.record()
            try await store.insert(record, maxQueued: nil)
            let job = try #require(try await store.claim(worker: "w", leaseSeconds: 30, at: Date()))
            var result = StoreConformanceTests.result
            result.outputKey = "cache/a.mp4"
            #expect(try await store.record(.complete, of: job, result: result, at: Date()) == .held)
            // "a" is the oldest but a composition's output: "b" goes, and "c" fits beside the uncounted "a".
            #expect(try await store.evictCache(toBytes: 100).map(\.key) == ["b"])
            #expect(try await store.evictCache(toBytes: 0).map(\.key) == ["c"])
            _ = try await store.delete(record.id, tenant: nil)
            #expect(try await store.evictCache(toBytes: 0).map(\.key) == ["a"])
        }
    }
}
