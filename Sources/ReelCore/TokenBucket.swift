/// A token bucket, decided as a value: `capacity` tokens, refilled at `rate` a second; each
/// request takes one. Time is passed in (seconds on any monotonic clock), so tests move it.
public struct TokenBucket: Sendable, Hashable {
    public let rate: Double
    public let capacity: Double
    public private(set) var tokens: Double
    public private(set) var updatedAt: Double

    public init(rate: Double, capacity: Double, now: Double) {
        self.rate = rate
        self.capacity = capacity
        tokens = capacity
        updatedAt = now
    }

    /// What taking a token decided, with what the `RateLimit` headers report.
    public struct Decision: Sendable, Hashable {
        public var allowed: Bool
        /// Whole tokens left.
        public var remaining: Int
        /// Seconds until a token is available again (0 when allowed).
        public var retryAfter: Double
        /// Seconds until the bucket is full again.
        public var resetAfter: Double
    }

    public mutating func take(now: Double) -> Decision {
        tokens = min(capacity, tokens + max(0, now - updatedAt) * rate)
        updatedAt = now
        let allowed = tokens >= 1
        if allowed { tokens -= 1 }
        return Decision(
            allowed: allowed, remaining: Int(clamping: tokens.rounded(.down)), retryAfter: allowed ? 0 : (1 - tokens) / rate,
            resetAfter: (capacity - tokens) / rate)
    }

    /// Whether the bucket would be full by `now`: such a bucket can be forgotten.
    public func isFull(at now: Double) -> Bool {
        tokens + max(0, now - updatedAt) * rate >= capacity
    }
}

/// A rate limit setting: `RATE/s` with an optional burst (`10/s:20`); the burst defaults to twice the rate.
public struct RateLimit: Sendable, Hashable {
    public var perSecond: Double
    public var burst: Double

    public init(perSecond: Double, burst: Double) {
        self.perSecond = perSecond
        self.burst = burst
    }

    /// Parses `RATE/s[:BURST]` (RATE from 0.01 to 100000, BURST at least 1); nil when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard let ratePart = parts.first, ratePart.hasSuffix("/s"), let rate = Double(ratePart.dropLast(2)), rate.isFinite,
            (0.01...100_000).contains(rate)
        else { return nil }
        let burst = parts.count == 2 ? Double(parts[1]) : max(1, (rate * 2).rounded())
        guard let burst, burst.isFinite, (1...1_000_000).contains(burst) else { return nil }
        perSecond = rate
        self.burst = burst
    }
}
