import Foundation
import Hummingbird
import ReelCore
import ReelStore

/// Checks the API key of every request that needs one (`Authorization: Bearer KEY` or
/// `X-API-Key: KEY`) and sets the request's ``Principal``. A missing or unknown key is 401 with
/// `WWW-Authenticate`, a key whose scope does not cover the route is 403. Keys are found by
/// ``KeyVerifier``.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = ReelRequestContext

    let keys: KeyVerifier

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The route the router matched decides, not the path as sent: `/api/v1//keys` is the keys
        // route to the router, and must be to the scope check too.
        let access = RouteAccess(method: request.method, path: context.endpointPath ?? request.uri.path)
        guard access != .open else { return try await next(request, context) }
        guard let secret = Self.presentedKey(request) else {
            throw Self.unauthorized("send an API key as Authorization: Bearer KEY (or X-API-Key: KEY)")
        }
        guard let key = try await keys.key(for: secret) else { throw Self.unauthorized("the API key is unknown or revoked") }
        if case .scope(let needed) = access, !key.scope.covers(needed) {
            throw ReelError(
                code: "forbidden", kind: .forbidden,
                message: "a \(key.scope.rawValue) key cannot do this; it needs the \(needed.rawValue) scope"
            )
        }
        var context = context
        context.principal = Principal(tenant: key.tenant, scope: key.scope, keyID: key.id)
        context.presentedKey = secret
        return try await next(request, context)
    }

    /// The key of `Authorization: Bearer KEY` or `X-API-Key: KEY`, still inside its header.
    /// Scheme and spaces are read byte by byte: Foundation's `trimmingCharacters(in:)`, then an
    /// array of the lowercased scheme and a copied String took 6 % and 2 % of a request's CPU on
    /// this path (perf, keys-on bench).
    static func presentedKey(_ request: Request) -> Substring? {
        if let authorization = request.headers.first(.authorization), authorization.utf8.count > 7,
            zip(authorization.utf8, "bearer ".utf8).allSatisfy({ $0 | 0x20 == $1 })  // ASCII lowercase; the space stays a space
        {
            return trimmed(authorization.dropFirst(7))
        }
        return request.headers.first(.xAPIKey).map { trimmed($0[...]) }
    }

    /// A header value without its surrounding spaces and tabs (RFC 9110's optional whitespace).
    static func trimmed(_ value: Substring) -> Substring {
        let utf8 = value.utf8
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else { return "" }
        return value[first...last]
    }

    static func unauthorized(_ message: String) -> APIError {
        APIError(
            ReelError(code: "unauthorized", kind: .unauthenticated, message: message), headers: [.wwwAuthenticate: #"Bearer realm="reel""#])
    }
}

/// What a route asks of the caller's key.
enum RouteAccess: Equatable {
    /// A path as the router matches it, its empty segments gone: `/api/v1//compositions/` is
    /// `/api/v1/compositions`.
    static func route(_ path: String) -> String {
        "/" + path.split(separator: "/").joined(separator: "/")
    }

    /// Liveness and readiness probes, the OpenAPI document, signed file links (their signature
    /// is the key) and the Studio's files (its pages ask for a key when the API does).
    case open
    /// Any live key (the detailed health: monitoring may use a `metrics` key).
    case anyKey
    case scope(KeyScope)

    init(method: HTTPRequest.Method, path: String) {
        let trimmed = Self.route(path)
        switch trimmed {
        case "/health", "/api/v1/health", "/livez", "/readyz", "/openapi.json":
            self = .open
        case "/health/detailed", "/api/v1/health/detailed", "/api/v1/me":
            self = .anyKey
        case "/studio":
            self = .open
        case "/metrics":
            self = .scope(.metrics)
        case _ where trimmed.hasPrefix("/files/") || trimmed.hasPrefix("/studio/"):
            self = .open
        case _ where trimmed == "/api/v1/keys" || trimmed.hasPrefix("/api/v1/keys/"):
            self = .scope(.admin)
        default:
            self = method == .get || method == .head ? .scope(.read) : .scope(.write)
        }
    }
}
