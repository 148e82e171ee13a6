import Foundation
import Hummingbird
import ReelCore
import ReelStore

/// Checks the API key of every request that needs one (`Authorization: Bearer KEY` or
/// `X-API-Key: KEY`) and sets the request's ``Principal``. A missing or unknown key is 401 with
/// `WWW-Authenticate`, a key whose scope does not cover the route is 403. Keys are looked up on
/// every request, so a revoked key stops working at once in every process.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = ReelRequestContext

    let store: any AccessStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let access = RouteAccess(method: request.method, path: request.uri.path)
        guard access != .open else { return try await next(request, context) }
        guard let secret = Self.presentedKey(request) else {
            throw Self.unauthorized("send an API key as Authorization: Bearer KEY (or X-API-Key: KEY)")
        }
        guard let key = try await APIKeySecret.verify(secret, in: store) else {
            throw Self.unauthorized("the API key is unknown or revoked")
        }
        if case .scope(let needed) = access, !key.scope.covers(needed) {
            throw ReelError(
                code: "forbidden", status: 403, message: "a \(key.scope.rawValue) key cannot do this; it needs the \(needed.rawValue) scope"
            )
        }
        var context = context
        context.principal = Principal(tenant: key.tenant, scope: key.scope, keyID: key.id)
        return try await next(request, context)
    }

    static func presentedKey(_ request: Request) -> String? {
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return request.headers[.xAPIKey]?.trimmingCharacters(in: .whitespaces)
    }

    static func unauthorized(_ message: String) -> ReelError {
        ReelError(code: "unauthorized", status: 401, message: message, headers: [("WWW-Authenticate", #"Bearer realm="reel""#)])
    }
}

/// What a route asks of the caller's key.
enum RouteAccess: Equatable {
    /// Liveness, the OpenAPI document and signed file links (their signature is the key).
    case open
    /// Any live key (the detailed health: monitoring may use a `metrics` key).
    case anyKey
    case scope(KeyScope)

    init(method: HTTPRequest.Method, path: String) {
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        switch trimmed {
        case "/health", "/api/v1/health", "/openapi.json":
            self = .open
        case "/health/detailed", "/api/v1/health/detailed":
            self = .anyKey
        case "/metrics":
            self = .scope(.metrics)
        case _ where trimmed.hasPrefix("/files/"):
            self = .open
        case _ where trimmed == "/api/v1/keys" || trimmed.hasPrefix("/api/v1/keys/"):
            self = .scope(.admin)
        default:
            self = [.get, .head].contains(method) ? .scope(.read) : .scope(.write)
        }
    }
}
