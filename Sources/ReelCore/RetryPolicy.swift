/// Exponential backoff with jitter for transient failures, and how many attempts a job gets.
public struct RetryPolicy: Sendable, Hashable {
    public var maxAttempts: Int
    /// Delay before the second attempt, in seconds; doubles each attempt after.
    public var baseDelay: Double
    public var maxDelay: Double
    /// Fraction of the delay drawn at random either way (0.25 = ±25 %).
    public var jitter: Double

    public init(maxAttempts: Int = 3, baseDelay: Double = 2, maxDelay: Double = 300, jitter: Double = 0.25) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
    }

    /// Seconds to wait after failed attempt number `attempt` (1-based); `unit` is a random
    /// number in 0..<1 so the jitter can be tested.
    public func delay(afterAttempt attempt: Int, unit: Double) -> Double {
        let exponent = Double(max(0, attempt - 1))
        let raw = min(maxDelay, baseDelay * pow2(exponent))
        let spread = raw * jitter * (unit * 2 - 1)
        return max(0, min(maxDelay, raw + spread))
    }

    private func pow2(_ exponent: Double) -> Double {
        var value = 1.0
        for _ in 0..<Int(clamping: min(exponent, 62)) { value *= 2 }
        return value
    }
}
