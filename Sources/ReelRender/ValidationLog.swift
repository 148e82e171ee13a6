import Synchronization

/// When each source URL was last fetched or revalidated in this process, for fetches that may
/// skip asking again within a short while (previews following a slider). Holds the most recent
/// thousand URLs.
public final class ValidationLog: Sendable {
    private let times = Mutex([String: ContinuousClock.Instant]())

    public init() {}

    /// Whether `url` was checked less than `window` ago.
    public func isFresh(_ url: String, within window: Duration) -> Bool {
        times.withLock { $0[url].map { ContinuousClock.now - $0 < window } ?? false }
    }

    /// Records `url` as checked now.
    public func checked(_ url: String) {
        times.withLock { times in
            if times.count >= 1000 { times = times.filter { ContinuousClock.now - $0.value < .seconds(60) } }
            if times.count >= 1000 { times.removeAll() }
            times[url] = .now
        }
    }
}
