import ReelCore
import Synchronization

/// The number of queued jobs as last counted, for the `REEL_MAX_QUEUED` check on every insert:
/// counting the queue is O(queued), so a count younger than `maxAge` is reused and bumped by
/// this process's own inserts. The limit stays a soft one: completions make it conservative,
/// other processes' inserts can pass it by what they enqueue within `maxAge`.
final class QueuedCount: Sendable {
    private struct Snapshot {
        var count: Int
        var at: ContinuousClock.Instant
    }
    private let snapshot = Mutex<Snapshot?>(nil)
    let maxAge: Duration

    init(maxAge: Duration = .milliseconds(250)) {
        self.maxAge = maxAge
    }

    /// The cached count, or nil when it must be counted again.
    func current() -> Int? {
        snapshot.withLock { value in
            guard let value, ContinuousClock.now - value.at < maxAge else { return nil }
            return value.count
        }
    }

    @discardableResult
    func store(_ count: Int) -> Int {
        snapshot.withLock { $0 = Snapshot(count: count, at: .now) }
        return count
    }

    /// Throws `queueFull` when the queue (the cached count, or `count()` when that is stale)
    /// holds `limit` jobs or more.
    func check(limit: Int, count: () throws -> Int) throws {
        try Self.enforce(limit, current() ?? store(try count()))
    }

    /// ``check(limit:count:)`` with a count that awaits (a database round trip).
    func check(limit: Int, count: () async throws -> Int) async throws {
        if let cached = current() { return try Self.enforce(limit, cached) }
        try Self.enforce(limit, store(try await count()))
    }

    /// Throws `queueFull` when `queued` has reached `limit`.
    static func enforce(_ limit: Int, _ queued: Int) throws {
        if queued >= limit { throw ReelError.queueFull(retryAfter: 5) }
    }

    /// Counts one more insert into a fresh snapshot.
    func increment() {
        snapshot.withLock { $0?.count += 1 }
    }
}
