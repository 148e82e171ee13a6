import CompressNIO
import Crypto
import Foundation
import NIOCore
import ReelCore

/// Reel Studio's files as served: decoded once from the binary (``StudioFiles``, embedded at
/// build time from `Studio/`), each with its content type, a strong ETag of its bytes, and a
/// gzip copy when that is smaller.
struct StudioBundle: Sendable {
    struct File: Sendable {
        let body: ByteBuffer
        let gzipped: ByteBuffer?
        let contentType: String
        let eTag: String
    }

    let files: [String: File]

    /// Every file, made the first time the Studio is asked for.
    static let shared = StudioBundle(StudioFiles.all)

    init(_ entries: [(path: String, base64: String)]) {
        var files: [String: File] = [:]
        for entry in entries {
            guard let data = Data(base64Encoded: entry.base64) else { continue }
            let body = ByteBuffer(bytes: data)
            var copy = body
            let gzipped = (try? copy.compress(with: .gzip())).flatMap { $0.readableBytes < body.readableBytes ? $0 : nil }
            files[entry.path] = File(
                body: body, gzipped: gzipped, contentType: Self.contentType(of: entry.path),
                eTag: "\"" + Hex.string(SHA256.hash(data: data).prefix(12)) + "\"")
        }
        self.files = files
    }

    static func contentType(of path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) {
        case "html": "text/html; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        case "webp": "image/webp"
        default: "application/octet-stream"
        }
    }
}
