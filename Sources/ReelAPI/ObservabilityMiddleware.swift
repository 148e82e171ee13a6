import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ReelCore

/// What every request leaves behind: its id — the client's `X-Request-Id` when it is a short
/// token, otherwise Hummingbird's — answered in `X-Request-Id` and put on every log line of the
/// request as `request_id`; its count and latency by method and matched route (not the raw path,
/// so IDs do not explode the label set); and access lines (method, route, status, duration) at
/// `info`: for every request with `all`, for answers ≥ 400 and requests slower than a second with
/// `errors` (the default: a line costs 17–24 % of a `GET …/status`, docs/benchmarks.md). One
/// middleware for all three: a layer of its own cost metrics a few percent of a cheap request.
struct ObservabilityMiddleware: RouterMiddleware {
    typealias Context = ReelRequestContext
    /// Nil with `REEL_METRICS=off`.
    let metrics: MetricsRegistry?
    /// `all`, `errors` or `off` (`REEL_ACCESS_LOG`).
    let mode: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let id =
            request.headers.first(.xRequestID).flatMap(Self.acceptable) ?? context.logger[metadataKey: "hb.request.id"]?.description
            ?? RequestID().description
        context.requestID = id
        context.logger[metadataKey: "hb.request.id"] = nil
        context.logger[metadataKey: "request_id"] = .string(id)
        let start = ContinuousClock.now
        var response = try await next(request, context)
        response.headers[.xRequestID] = id
        let elapsed = ContinuousClock.now - start
        let (method, route) = (request.method.rawValue, context.endpointPath ?? "unmatched")
        metrics?.record(method: method, route: route, status: response.status.code, duration: elapsed)
        if mode == "all" || (mode == "errors" && (response.status.code >= 400 || elapsed >= .seconds(1))) {
            // Microseconds as `12.345` without `String(format:)`, which costs more than the rest of the line.
            let micros = Int(elapsed.nanoseconds / 1000)
            let fraction = micros % 1000
            let milliseconds = "\(micros / 1000)." + (fraction < 10 ? "00" : fraction < 100 ? "0" : "") + "\(fraction)"
            context.logger.info(
                "\(method) \(request.uri.path) \(response.status.code)",
                metadata: [
                    "method": .string(method),
                    "route": .string(route),
                    "status": .stringConvertible(response.status.code),
                    "duration_ms": .string(milliseconds),
                ]
            )
        }
        return response
    }

    /// A client's id is kept when it is 1–128 characters of letters, digits and `-_.:`; anything
    /// else (a log-injection attempt, a huge value) is replaced.
    static func acceptable(_ value: String) -> String? {
        guard (1...128).contains(value.utf8.count),
            value.utf8.allSatisfy({ byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x3A
            })
        else { return nil }
        return value
    }
}
