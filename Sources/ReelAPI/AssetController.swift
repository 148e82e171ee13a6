import Crypto
import Foundation
import Hummingbird
import ReelCore
import ReelObjects

/// `POST /api/v1/assets`: a raw body streamed to storage, usable as `asset://ID`.
struct AssetController {
    let services: ReelServices

    func addRoutes(to group: RouterGroup<ReelRequestContext>) {
        group.post(use: upload)
        group.get(":id", use: show)
    }

    @Sendable func show(_ request: Request, context: ReelRequestContext) async throws -> Response {
        guard let text = context.parameters.get("id"), let id = CompositionValidator.assetID("asset://" + text),
            let size = try await services.objects.size(of: ObjectKeys.asset(id))
        else { throw ReelError.notFound("asset") }
        let name = id.uuidString.lowercased()
        return try JSONCoding.response(AssetDTO(id: name, url: "asset://\(name)", sizeBytes: size))
    }

    @Sendable func upload(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let limit = services.configuration.maxAssetBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw ReelError.payloadTooLarge(limit: limit)
        }
        let folder = services.configuration.scratchDirectory.appendingPathComponent("uploads")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let id = UUID()
        let file = folder.appendingPathComponent(id.uuidString.lowercased())
        guard FileManager.default.createFile(atPath: file.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: file.path)
        else { throw ReelError.internalError() }
        defer { try? FileManager.default.removeItem(at: file) }
        var hasher = SHA256()
        var size = 0
        do {
            defer { try? handle.close() }
            for try await buffer in request.body {
                size += buffer.readableBytes
                if size > limit { throw ReelError.payloadTooLarge(limit: limit) }
                try buffer.withUnsafeReadableBytes { bytes in
                    hasher.update(bufferPointer: bytes)
                    try handle.write(contentsOf: Data(bytes))
                }
            }
        }
        guard size > 0 else { throw ReelError.validation(field: "body", "the upload is empty", type: "missing") }
        let contentType = request.headers[.contentType] ?? "application/octet-stream"
        try await services.objects.put(key: ObjectKeys.asset(id), file: file, contentType: contentType)
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        let dto = AssetDTO(
            id: id.uuidString.lowercased(),
            url: "asset://\(id.uuidString.lowercased())",
            sizeBytes: size,
            contentType: contentType,
            sha256: digest
        )
        return try JSONCoding.response(dto, status: .created, headers: [.location: "/api/v1/assets/\(id.uuidString.lowercased())"])
    }
}
