import Foundation
import Hummingbird
import ReelCore
import ReelObjects

/// `GET /files/KEY?expires=…&signature=…`: objects Reel serves itself, behind an expiring
/// signature, with HTTP Range support so players can seek.
struct FileController {
    let services: ReelServices
    let fileIO = FileIO()

    func addRoutes(to router: Router<ReelRequestContext>) {
        router.get("files/**", use: serve)
        router.get("files/folder/:expires/:signature/**", use: serveFolder)
    }

    @Sendable func serve(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let key = context.parameters.getCatchAll().joined(separator: "/")
        let query = request.uri.queryParameters
        guard let expires = query["expires"].flatMap({ Int($0) }), let signature = query["signature"].map(String.init),
            services.signer.isValid(objectKey: key, expires: expires, signature: signature)
        else {
            throw ReelError(code: "unauthorized", kind: .forbidden, message: "the link is invalid or has expired")
        }
        return try await send(key, request: request, context: context)
    }

    /// `GET /files/folder/EXPIRES/SIGNATURE/KEY`: any object in the folder the signature covers.
    /// The signature sits in the path, so the relative links inside an HLS playlist or a
    /// storyboard track resolve to links that carry it.
    @Sendable func serveFolder(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let key = context.parameters.getCatchAll().joined(separator: "/")
        guard let expires = context.parameters.get("expires").flatMap({ Int($0) }), let signature = context.parameters.get("signature"),
            !key.split(separator: "/").contains(".."),
            services.signer.isValid(folder: URLSigner.folder(of: key), expires: expires, signature: signature)
        else {
            throw ReelError(code: "unauthorized", kind: .forbidden, message: "the link is invalid or has expired")
        }
        return try await send(key, request: request, context: context)
    }

    func send(_ key: String, request: Request, context: ReelRequestContext) async throws -> Response {
        guard let path = services.objects.localPath(for: key), let size = try await services.objects.size(of: key) else {
            throw ReelError.notFound("file")
        }
        var headers: HTTPFields = [
            .acceptRanges: "bytes",
            .contentType: Self.contentType(for: key),
            .cacheControl: "private, max-age=3600",
        ]
        let range: ClosedRange<Int>
        let status: HTTPResponse.Status
        if let header = request.headers[.range] {
            guard let parsed = ByteRange.parse(header, size: size) else {
                headers[.contentRange] = "bytes */\(size)"
                return Response(status: .rangeNotSatisfiable, headers: headers)
            }
            range = parsed
            status = .partialContent
            headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(size)"
        } else {
            range = 0...max(size - 1, 0)
            status = .ok
        }
        headers[.contentLength] = String(size == 0 ? 0 : range.count)
        if size == 0 {
            return Response(status: status, headers: headers)
        }
        let body = try await fileIO.loadFile(path: path, range: range, context: context)
        return Response(status: status, headers: headers, body: body)
    }

    static func contentType(for key: String) -> String {
        let fileExtension = (key as NSString).pathExtension.lowercased()
        if let format = OutputFormat(rawValue: fileExtension) { return format.contentType }
        if let format = ImageFormat(rawValue: fileExtension == "jpeg" ? "jpg" : fileExtension) { return format.contentType }
        switch fileExtension {
        case "m3u8": return OutputFormat.hls.contentType
        case "m4s": return "video/iso.segment"
        case "vtt": return "text/vtt; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
