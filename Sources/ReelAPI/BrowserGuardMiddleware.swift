import Foundation
import Hummingbird
import ReelCore
import ReelRender

/// Keeps web pages an operator happens to visit from using Reel on their behalf:
/// a request naming Reel by a host name it does not answer to is refused (DNS rebinding), and a
/// write whose `Origin` (or `Sec-Fetch-Site`) says it comes from another site is refused (CSRF).
/// Reel sends no CORS headers, so no other origin can read its answers either — except the
/// origins an operator lists in `REEL_CORS_ORIGINS`, whose writes pass.
struct BrowserGuardMiddleware: RouterMiddleware {
    typealias Context = ReelRequestContext

    /// Host names accepted besides IP literals and `localhost`; nil accepts any (also when API
    /// keys are required: a rebinding page has no key).
    let hostNames: Set<String>?
    /// Origins the operator lets call the API from the browser (`REEL_CORS_ORIGINS`).
    let corsOrigins: Set<String>

    init(configuration: ReelConfiguration) {
        corsOrigins = Set(configuration.corsOrigins)
        if configuration.allowedHosts.contains("*") || configuration.keysRequired {
            hostNames = nil
        } else {
            var names = Set(configuration.allowedHosts)
            if let publicHost = URLComponents(string: configuration.resolvedPublicURL)?.host?.lowercased() {
                names.insert(publicHost)
            }
            hostNames = names
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let authority = request.head.authority, let host = HostHeader.parse(authority)?.host, !accepts(host: host) {
            throw APIError(
                status: .misdirectedRequest, code: "misdirected_request",
                message: "this server does not answer to the host name \(host); add it to REEL_ALLOWED_HOSTS")
        }
        if Self.unsafeMethods.contains(request.method), let reason = Self.crossSiteReason(request),
            request.headers[.origin].map({ corsOrigins.contains($0.lowercased()) }) != true
        {
            throw ReelError(code: "forbidden", kind: .forbidden, message: "cross-site requests cannot change anything (\(reason))")
        }
        return try await next(request, context)
    }

    static let unsafeMethods: Set<HTTPRequest.Method> = [.post, .put, .patch, .delete]

    func accepts(host: String) -> Bool {
        guard let hostNames else { return true }
        let host = host.lowercased()
        return host == "localhost" || host.hasSuffix(".localhost") || AddressGuard.isIPLiteral(host) || hostNames.contains(host)
    }

    /// Why the request comes from another site, or nil when it does not.
    static func crossSiteReason(_ request: Request) -> String? {
        if let site = request.headers[.secFetchSite]?.lowercased(), site != "same-origin", site != "none" {
            return "Sec-Fetch-Site: \(site)"
        }
        guard let origin = request.headers[.origin] else { return nil }
        guard
            let originHost = URLComponents(string: origin).flatMap({ components in
                components.host.map { (host: $0.lowercased(), port: components.port) }
            }),
            let authority = request.head.authority.flatMap(HostHeader.parse)
        else { return "Origin: \(origin.prefix(100))" }
        let samePort = originHost.port == nil || authority.port == nil || originHost.port == authority.port
        return originHost.host == authority.host && samePort ? nil : "Origin: \(origin.prefix(100))"
    }
}
