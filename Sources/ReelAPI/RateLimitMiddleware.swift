import Foundation
import Hummingbird
import ReelCore
import Synchronization

/// Token buckets per API key (per client address with keys off), one for writes and one for
/// reads. Beyond them: 429 `rate_limited` with `Retry-After`; every limited answer carries the
/// `RateLimit-Policy` and `RateLimit` headers of draft-ietf-httpapi-ratelimit-headers. Buckets
/// live in this process: with several API processes a client gets each one's allowance.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = ReelRequestContext

    let write: RateLimit?
    let read: RateLimit?
    let buckets: RateLimitBuckets

    init(write: RateLimit?, read: RateLimit?, clock: @escaping @Sendable () -> Double = RateLimitBuckets.uptime) {
        self.write = write
        self.read = read
        buckets = RateLimitBuckets(clock: clock)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let isWrite = ![.get, .head].contains(request.method)
        guard let limit = isWrite ? write : read, !["/health", "/api/v1/health", "/livez", "/readyz"].contains(request.uri.path) else {
            return try await next(request, context)
        }
        let policy = isWrite ? "write" : "read"
        let client = context.principal.keyID.map { "key:\($0)" } ?? "ip:\(context.remoteAddress?.ipAddress ?? "unknown")"
        let decision = buckets.take("\(policy) \(client)", limit: limit)
        let headers: HTTPFields = [
            .rateLimitPolicy:
                "\"\(policy)\";q=\(Int(clamping: limit.burst));w=\(Int(clamping: (limit.burst / limit.perSecond).rounded(.up)))",
            .rateLimit: "\"\(policy)\";r=\(decision.remaining);t=\(Int(clamping: decision.resetAfter.rounded(.up)))",
        ]
        guard decision.allowed else {
            throw APIError(
                ReelError(
                    code: "rate_limited", kind: .overloaded,
                    message:
                        "too many \(policy)s: the limit is \(NumberText.plain(limit.perSecond)) a second (bursts of \(Int(clamping: limit.burst)))",
                    retryAfter: max(1, Int(clamping: decision.retryAfter.rounded(.up)))),
                headers: headers)
        }
        var response = try await next(request, context)
        for field in headers { response.headers[field.name] = field.value }
        return response
    }

}

/// The buckets of every client, forgotten once full again (so idle clients cost nothing).
final class RateLimitBuckets: Sendable {
    let clock: @Sendable () -> Double
    private let state = Mutex<(buckets: [String: TokenBucket], sweptAt: Double)>(([:], 0))

    init(clock: @escaping @Sendable () -> Double) {
        self.clock = clock
    }

    static let uptime: @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    func take(_ client: String, limit: RateLimit) -> TokenBucket.Decision {
        let now = clock()
        return state.withLock { state in
            if now - state.sweptAt > 60 {
                state.buckets = state.buckets.filter { !$0.value.isFull(at: now) }
                state.sweptAt = now
            }
            var bucket = state.buckets[client] ?? TokenBucket(rate: limit.perSecond, capacity: limit.burst, now: now)
            let decision = bucket.take(now: now)
            state.buckets[client] = bucket
            return decision
        }
    }
}
