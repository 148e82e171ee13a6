import Crypto
import Foundation
import Hummingbird
import ReelCore
import ReelObjects
import ReelRender
import ReelStore

/// `POST /api/v1/assets`: a raw body streamed to storage, usable as `asset://ID`, read by
/// ffprobe and given a thumbnail on the way; `GET /api/v1/assets`: a tenant's uploads.
struct AssetController {
    let services: ReelServices

    func addRoutes(to group: RouterGroup<ReelRequestContext>) {
        group.post(use: upload)
        group.get(use: list)
        group.get(":id", use: show)
    }

    @Sendable func show(_ request: Request, context: ReelRequestContext) async throws -> AssetDTO {
        guard let asset = try await Self.find(try context.id(of: "asset"), for: context.principal, services: services)
        else { throw ReelError.notFound("asset") }
        return dto(asset)
    }

    @Sendable func list(_ request: Request, context: ReelRequestContext) async throws -> AssetListDTO {
        let query = request.uri.queryParameters
        let offset = try PageQuery.integer(query["offset"], name: "offset", default: 0, range: 0...Int(Int32.max))
        let limit = try PageQuery.integer(query["limit"], name: "limit", default: 20, range: 1...100)
        let page = try await services.store.assets(offset: offset, limit: limit, tenant: context.principal.tenantFilter)
        return AssetListDTO(assets: page.items.map(dto), total: page.total, offset: offset, limit: limit)
    }

    /// The asset as answered, its thumbnail linked for the download links' lifetime.
    func dto(_ asset: AssetRecord) -> AssetDTO {
        let thumbnail =
            asset.media?.thumbnail == true
            ? services.objectURL(ObjectKeys.assetThumbnail(asset.id), expires: services.defaultLinkExpiry) : nil
        return AssetDTO(asset, thumbnailURL: thumbnail)
    }

    /// The asset if the caller may use it: one its tenant uploaded (any, for admins and with keys
    /// off). Uploads from before assets were recorded are found by their object alone, with keys off.
    static func find(_ id: UUID, for principal: Principal, services: ReelServices) async throws -> AssetRecord? {
        if let asset = try await services.store.asset(id, tenant: principal.tenantFilter) { return asset }
        guard principal.keyID == nil, let size = try await services.objects.size(of: ObjectKeys.asset(id)) else { return nil }
        return AssetRecord(id: id, tenant: "", sizeBytes: size, contentType: "application/octet-stream", sha256: "", createdAt: Date())
    }

    @Sendable func upload(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let limit = services.configuration.maxAssetBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw ReelError.payloadTooLarge(limit: limit)
        }
        let folder = services.configuration.uploadDirectory
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
        let digest = Hex.string(hasher.finalize())
        let tenant = context.principal.tenant
        let idempotent = try IdempotentWrite(
            request, tenant: tenant, bodyDigest: "\(contentType)\n\(digest)", lifetime: services.configuration.idempotencyLifetime)
        if let idempotent, let stored = try await services.store.idempotencyRecord(tenant: tenant, key: idempotent.key, at: Date()) {
            return try idempotent.replay(stored)
        }
        let media = try await inspect(file, id: id, in: folder)
        try await services.objects.put(key: ObjectKeys.asset(id), file: file, contentType: contentType)
        let asset = AssetRecord(
            id: id, tenant: tenant, sizeBytes: size, contentType: contentType, sha256: digest, createdAt: Date(), media: media)
        let location = "/api/v1/assets/\(id.uuidString.lowercased())"
        let answer = try JSONCoding.text(dto(asset))
        let ours = idempotent?.record(status: .created, body: answer, location: location)
        let kept = try await services.store.insertAsset(asset, idempotency: ours)
        if let idempotent, let kept, kept.body != answer {
            // A concurrent upload with the same key won: this copy is not needed.
            try? await services.objects.delete(key: ObjectKeys.asset(id))
            try? await services.objects.delete(key: ObjectKeys.assetThumbnail(id))
            return try idempotent.replay(kept)
        }
        return JSONCoding.response(text: answer, status: .created, headers: [.location: location])
    }

    /// What ffprobe reads of the upload, its thumbnail stored; nil when it is not media; 429
    /// when the process reads too many at once.
    func inspect(_ file: URL, id: UUID, in folder: URL) async throws -> AssetMedia? {
        let inspector = AssetInspector(
            ffmpegPath: services.configuration.ffmpegPath, ffprobePath: services.configuration.ffprobePath,
            niceness: Int32(clamping: services.configuration.renderNiceness), gate: services.inspections)
        let inspected: (media: AssetMedia, thumbnail: Data?)?
        do {
            inspected = try await inspector.inspect(file)
        } catch is SlotGate.Full {
            throw ReelError(
                code: "uploads_busy", kind: .overloaded, message: "too many uploads are being read at once, try again shortly",
                retryAfter: 2)
        }
        guard let (media, thumbnail) = inspected else { return nil }
        guard let thumbnail else { return media }
        let picture = folder.appendingPathComponent("\(id.uuidString.lowercased()).jpg")
        defer { try? FileManager.default.removeItem(at: picture) }
        try thumbnail.write(to: picture)
        try await services.objects.put(key: ObjectKeys.assetThumbnail(id), file: picture, contentType: "image/jpeg")
        return media
    }
}
