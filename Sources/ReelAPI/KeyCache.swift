import Crypto
import Foundation
import ReelCore
import ReelStore
import Synchronization

/// Keys verified in the last second, by their SHA-256. Looking a key up in the database on every
/// request cost 51 % of `GET …/status` throughput (bench/load_bench.py, security rows), so a
/// verified key is trusted for `lifetime`, and only while no revocation has been heard of since
/// (``RevocationCounter``: this process's own, and on PostgreSQL every process's at once). A
/// revocation nobody announces (`reel keys revoke` on a SQLite file another process serves)
/// holds within `lifetime`. Matching a digest reveals nothing of a secret, so the dictionary's
/// ordinary comparison is fine; the stored hash itself is compared in constant time on a miss.
final class KeyCache: Sendable {
    let lifetime: Double
    let revocations: RevocationCounter
    let clock: @Sendable () -> Double
    private let entries = Mutex<[DigestKey: (key: APIKeyRecord, until: Double, revocations: Int)]>([:])
    /// Bound on remembered keys; past it the cache starts over.
    static let capacity = 10_000

    init(revocations: RevocationCounter, lifetime: Double = 1, clock: @escaping @Sendable () -> Double = RateLimitBuckets.uptime) {
        self.revocations = revocations
        self.lifetime = lifetime
        self.clock = clock
    }

    func key(digest: SHA256.Digest) -> APIKeyRecord? {
        let now = clock()
        let heard = revocations.value
        return entries.withLock { entries in
            guard let entry = entries[DigestKey(digest)], entry.until > now, entry.revocations == heard else { return nil }
            return entry.key
        }
    }

    /// Remembers a key verified when `heard` revocations had been heard of (read before the lookup,
    /// so a revocation racing the lookup voids the entry).
    func remember(_ key: APIKeyRecord, digest: SHA256.Digest, heard: Int) {
        let until = clock() + lifetime
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[DigestKey(digest)] = (key, until, heard)
        }
    }
}

/// A SHA-256 digest as four words: hashable and sendable, with no allocation.
struct DigestKey: Hashable, Sendable {
    let words: (UInt64, UInt64, UInt64, UInt64)

    init(_ digest: SHA256.Digest) {
        words = digest.withUnsafeBytes { bytes in
            (
                bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self), bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self), bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
            )
        }
    }

    static func == (a: DigestKey, b: DigestKey) -> Bool { a.words == b.words }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}
