import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ReelCore
import ReelObjects

/// Reel Studio at `/studio/`: its embedded files (``StudioBundle``), revalidated by ETag,
/// gzipped for clients that accept it, under a Content-Security-Policy that allows only the
/// Studio's own files plus pictures and videos from where Reel's signed links point.
struct StudioController {
    let bundle: StudioBundle
    /// The policy sent with every file.
    let policy: String

    init(services: ReelServices, bundle: StudioBundle = .shared) {
        self.bundle = bundle
        self.policy = Self.policy(mediaOrigins: Self.mediaOrigins(services))
    }

    func addRoutes(to router: Router<ReelRequestContext>) {
        // The router matches `/studio` and `/studio/` alike; the page's relative links need the slash.
        router.get("studio") { request, context in
            guard request.uri.path.hasSuffix("/") else { return Response(status: .permanentRedirect, headers: [.location: "/studio/"]) }
            return try await serve(request, context: context)
        }
        router.get("studio/**", use: serve)
    }

    @Sendable func serve(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let path = context.parameters.getCatchAll().joined(separator: "/")  // empty for `/studio/`
        guard let file = bundle.files[path.isEmpty ? "index.html" : path] else { throw ReelError.notFound("studio file") }
        let gzipped = file.gzipped.flatMap { Self.acceptsGzip(request.headers[values: .acceptEncoding]) ? $0 : nil }
        // Each encoding is its own representation, with its own tag.
        let eTag = gzipped == nil ? file.eTag : String(file.eTag.dropLast()) + "-gzip\""
        var headers: HTTPFields = [
            .contentType: file.contentType, .eTag: eTag, .cacheControl: "no-cache", .vary: "Accept-Encoding",
            .contentSecurityPolicy: policy, .xContentTypeOptions: "nosniff", .referrerPolicy: "no-referrer",
        ]
        if let match = request.headers[.ifNoneMatch], Self.matches(match, eTag) {
            return Response(status: .notModified, headers: headers)
        }
        if let gzipped {
            headers[.contentEncoding] = "gzip"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: gzipped))
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: file.body))
    }

    /// Whether `If-None-Match` names `eTag`, by the weak comparison it calls for (RFC 9110 §13.1.2).
    static func matches(_ header: String, _ eTag: String) -> Bool {
        header.split(separator: ",").contains { item in
            let tag = item.trimmingCharacters(in: .whitespaces)
            return tag == "*" || (tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag) == eTag
        }
    }

    /// Whether `Accept-Encoding` lists gzip (or `*`) with a weight above zero.
    static func acceptsGzip(_ values: [String]) -> Bool {
        for item in values.flatMap({ $0.split(separator: ",") }) {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first, coding == "gzip" || coding == "*" else { continue }
            let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return weight > 0
        }
        return false
    }

    /// Where signed links send the browser for videos and pictures: Reel's public URL, and the
    /// object store's when it presigns its own links.
    static func mediaOrigins(_ services: ReelServices) -> [String] {
        var origins: [String] = []
        if let url = URL(string: services.configuration.resolvedPublicURL) { origins.append(origin(of: url)) }
        if let url = services.objects.presignedURL(for: "studio", expires: Date()) { origins.append(origin(of: url)) }
        return origins.filter { !$0.isEmpty }
    }

    static func origin(of url: URL) -> String {
        guard let scheme = url.scheme, let host = url.host else { return "" }
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(bracketed)" + (url.port.map { ":\($0)" } ?? "")
    }

    /// Nothing inline, nothing from elsewhere but media and their tracks; never framed.
    static func policy(mediaOrigins: [String]) -> String {
        let media = (["'self'"] + mediaOrigins).joined(separator: " ")
        return [
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src \(media) blob: data:", "media-src \(media) blob:",
            "connect-src \(media)", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
        ].joined(separator: "; ")
    }
}
