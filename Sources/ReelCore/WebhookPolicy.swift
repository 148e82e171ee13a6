import Foundation

/// When a webhook delivery ends and when it is tried again: decided here, applied by the
/// store. Retries back off exponentially with jitter from `baseDelay` up to `maxDelay`, for at
/// most `maxAge` seconds after the event; a 2xx ends it, 410 Gone stops that endpoint.
public struct WebhookPolicy: Sendable, Hashable {
    /// What an attempt got back.
    public enum Outcome: Sendable, Hashable {
        case answered(status: Int)
        /// No answer: refused by the address guard, connection error, timeout.
        case noAnswer(String)
    }

    /// What happens to the delivery after an attempt.
    public enum Decision: Sendable, Hashable {
        case delivered
        case retry(at: Date)
        /// The receiver answered 410: this delivery and the endpoint's others for the composition stop.
        case gone
        /// Out of time (`maxAge`): given up.
        case expired
    }

    public var baseDelay: Double
    public var maxDelay: Double
    public var maxAge: Double
    public var jitter: Double

    public init(baseDelay: Double = 5, maxDelay: Double = 3_600, maxAge: Double = 86_400, jitter: Double = 0.2) {
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxAge = maxAge
        self.jitter = jitter
    }

    /// The decision after attempt number `attempt` (1-based) of a delivery whose event happened
    /// at `eventAt`; `unit` is a random number in 0..<1 for the jitter.
    public func decide(_ outcome: Outcome, attempt: Int, eventAt: Date, now: Date, random unit: Double) -> Decision {
        if case .answered(let status) = outcome {
            if (200..<300).contains(status) { return .delivered }
            if status == 410 { return .gone }
        }
        let delay = RetryPolicy(maxAttempts: .max, baseDelay: baseDelay, maxDelay: maxDelay, jitter: jitter)
            .delay(afterAttempt: attempt, unit: unit)
        let next = now.addingTimeInterval(delay)
        return next.timeIntervalSince(eventAt) > maxAge ? .expired : .retry(at: next)
    }
}
