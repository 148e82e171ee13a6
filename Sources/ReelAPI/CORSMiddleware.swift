import HTTPTypes
import Hummingbird
import ReelCore

/// CORS for the origins an operator lists (`REEL_CORS_ORIGINS`), and only those: their
/// preflights are answered here (204, the methods and headers the API reads), and their answers
/// name them in `Access-Control-Allow-Origin`. Without the setting no CORS header is sent.
struct CORSMiddleware: RouterMiddleware {
    typealias Context = ReelRequestContext

    let origins: Set<String>

    static let allowMethods = "GET, HEAD, POST, PUT, DELETE"
    static let allowHeaders = "Authorization, X-API-Key, Content-Type, Idempotency-Key, Prefer, Last-Event-ID, X-Request-Id, Accept"
    static let exposeHeaders =
        "Location, X-Request-Id, Retry-After, Idempotent-Replayed, Preference-Applied, RateLimit, RateLimit-Policy, "
        + "Reel-Preview-Cache, Reel-Preview-Sheet, Reel-Frame-Times, ETag"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin]?.lowercased(), origins.contains(origin) else {
            // Answers differ by origin: a shared cache must not give one origin's to another.
            var response = try await next(request, context)
            response.headers.append(HTTPField(name: .vary, value: "Origin"))
            return response
        }
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            return Response(
                status: .noContent,
                headers: [
                    .accessControlAllowOrigin: origin, .accessControlAllowMethods: Self.allowMethods,
                    .accessControlAllowHeaders: Self.allowHeaders, .accessControlMaxAge: "600", .vary: "Origin",
                ])
        }
        // Outside ErrorMiddleware: an error is an answer by now, and the origin may read it too.
        var response = try await next(request, context)
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.accessControlExposeHeaders] = Self.exposeHeaders
        response.headers.append(HTTPField(name: .vary, value: "Origin"))
        return response
    }
}
