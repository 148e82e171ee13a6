import Crypto
import Foundation
import ReelCore
import Synchronization

/// Keys verified in the last second, by their SHA-256. (Matching a digest reveals nothing of a
/// secret, so the dictionary's ordinary comparison is fine here; the stored hash itself is
/// compared in constant time on every miss.) Looking a key up in the database on every
/// request cost 51 % of `GET …/status` throughput (bench/load_bench.py, security rows), so a
/// verified key is trusted for `lifetime`; a revocation through this process's API drops it at
/// once, one made by another process (or `reel keys revoke`) holds within `lifetime`.
final class KeyCache: Sendable {
    let lifetime: Double
    let clock: @Sendable () -> Double
    private let entries = Mutex<[DigestKey: (key: APIKeyRecord, until: Double)]>([:])
    /// Bound on remembered keys; past it the cache starts over.
    static let capacity = 10_000

    init(lifetime: Double = 1, clock: @escaping @Sendable () -> Double = RateLimitBuckets.uptime) {
        self.lifetime = lifetime
        self.clock = clock
    }

    func key(digest: SHA256.Digest) -> APIKeyRecord? {
        let now = clock()
        return entries.withLock { entries in
            guard let entry = entries[DigestKey(digest)], entry.until > now else { return nil }
            return entry.key
        }
    }

    func remember(_ key: APIKeyRecord, digest: SHA256.Digest) {
        let until = clock() + lifetime
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[DigestKey(digest)] = (key, until)
        }
    }

    func forget(keyID: UUID) {
        entries.withLock { entries in entries = entries.filter { $0.value.key.id != keyID } }
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
