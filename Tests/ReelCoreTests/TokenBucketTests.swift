import ReelCore
import Testing

@Suite("Rate limits")
struct TokenBucketTests {
    @Test("a bucket allows its burst at once, then its rate, and says when to come back")
    func bucket() {
        var bucket = TokenBucket(rate: 2, capacity: 4, now: 100)
        let burst = (0..<5).map { _ in bucket.take(now: 100) }
        #expect(burst.map(\.allowed) == [true, true, true, true, false])
        #expect(burst.map(\.remaining) == [3, 2, 1, 0, 0])
        #expect(burst[4].retryAfter == 0.5)
        #expect(burst[4].resetAfter == 2)
        #expect(!bucket.take(now: 100.4).allowed)
        #expect(bucket.take(now: 100.6).allowed)
        #expect(!bucket.isFull(at: 101))
        #expect(bucket.isFull(at: 103))
        // A clock going backwards never adds tokens.
        var other = TokenBucket(rate: 1, capacity: 1, now: 50)
        #expect(other.take(now: 50).allowed)
        #expect(!other.take(now: 10).allowed)
    }

    @Test("settings read RATE/s with an optional burst", arguments: [("10/s", 10.0, 20.0), ("0.5/s:3", 0.5, 3.0), ("100/s:1", 100.0, 1.0)])
    func parse(text: String, rate: Double, burst: Double) throws {
        let limit = try #require(RateLimit(text))
        #expect(limit.perSecond == rate)
        #expect(limit.burst == burst)
    }

    @Test("malformed limits are refused", arguments: ["10", "10/m", "-1/s", "0/s", "nan/s", "1e400/s", "10/s:0", "10/s:x", "/s"])
    func malformed(text: String) {
        #expect(RateLimit(text) == nil)
        #expect(ReelConfiguration(environment: ["REEL_RATE_LIMIT_WRITE": text]).problems.count == 1)
    }

    @Test("limits are off without keys and on with them, unless set")
    func defaults() {
        #expect(ReelConfiguration(environment: [:]).writeRateLimit == nil)
        let networked = ReelConfiguration(environment: ["REEL_HOST": "0.0.0.0"])
        #expect(networked.writeRateLimit == RateLimit(perSecond: 10, burst: 20))
        #expect(networked.readRateLimit == RateLimit(perSecond: 100, burst: 200))
        #expect(ReelConfiguration(environment: ["REEL_HOST": "0.0.0.0", "REEL_RATE_LIMIT_READ": "off"]).readRateLimit == nil)
    }
}
