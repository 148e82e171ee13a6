import Foundation
import Hummingbird

/// Counts every request and times it, by method and matched route (not raw path, so IDs
/// do not explode the label set).
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = ReelRequestContext
    let registry: MetricsRegistry

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        registry.record(
            method: request.method.rawValue,
            route: context.endpointPath ?? "unmatched",
            status: response.status.code,
            duration: ContinuousClock.now - start
        )
        return response
    }
}
