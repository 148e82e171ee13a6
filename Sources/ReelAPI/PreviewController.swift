import Foundation
import Hummingbird
import NIOCore
import NIOFoundationCompat
import ReelCore
import ReelRender
import ReelStore

/// `POST /api/v1/previews`: frames of a composition as its render will show them, without
/// rendering it; `GET /files/previews/KEY/NAME`: the signed links of a JSON answer.
struct PreviewController {
    let services: ReelServices

    /// Seconds a JSON answer's links live (a preview stays cached about as long).
    static let linkLifetime = 600

    func addRoutes(to router: Router<ReelRequestContext>) {
        router.post("api/v1/previews", use: create)
        router.get("files/previews/:key/:name", use: picture)
    }

    @Sendable func create(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let body = try await CompositionController.collectJSON(request, limit: services.configuration.maxBodyBytes)
        let unknown = UnknownFields()
        let preview = try JSONCoding.decode(PreviewRequest.self, from: body, unknownFields: unknown)
        if !preview.problems.isEmpty { throw ReelError.validation(preview.problems) }
        let composition = try await self.composition(for: preview, context: context, unknown: unknown).asRendered
        var problems = preview.problems(for: composition)
        // As a create: fields Reel does not know are warnings, or with Prefer: handling=strict a 422.
        let unknownFields = unknown.all
        if CompositionIntake.prefersStrict(request) {
            problems += UnknownFields.problems(unknownFields)
        }
        if !problems.isEmpty { throw ReelError.validation(problems) }
        guard let engine = services.previews else {
            throw ReelError.unavailable("this process renders no previews (it runs no render slots: REEL_WORKERS=0)")
        }
        let times = preview.requestedTimes
        let width = preview.frameWidth(for: composition)
        let wantsJSON = request.headers[values: .accept].contains { $0.lowercased().contains("application/json") }
        var result: PreviewAnswer
        do {
            let task = PreviewTask(
                composition: composition, times: times, width: width, format: preview.format, separate: wantsJSON && times.count > 1)
            result = try await engine.preview(task, tenant: context.principal.tenant)
        } catch let refusal as PreviewRefusal {
            throw Self.error(refusal)
        } catch let failure as RenderFailure where failure.isTransient {
            throw ReelError.unavailable("the preview could not be made just now: \(failure.message)", retryAfter: 2)
        } catch let failure as RenderFailure {
            throw ReelError(
                code: "preview_failed", kind: .invalid, message: failure.message,
                details: [FieldError(field: "composition", message: failure.message, errorType: "render")])
        }
        // A cached picture was made for the same frames, perhaps asked at other times within them.
        for index in result.image.sheet.tiles.indices where index < times.count {
            result.image.sheet.tiles[index].time = times[index]
        }
        var headers: HTTPFields = [
            .cacheControl: "private, max-age=\(Self.linkLifetime)", .eTag: "\"\(result.key)\"",
            .previewCache: result.cached ? "hit" : "miss",
        ]
        if wantsJSON {
            // Links need the pictures held here: one too large for the cache cannot be linked to.
            guard services.previews?.cached(result.key) != nil else {
                throw ReelError.validation(
                    field: "width", "these pictures are too large to hold for links; ask for a narrower width or the picture itself",
                    type: "range")
            }
            var dto = answer(result, times: times)
            let warnings = (dto.warnings ?? []) + UnknownFields.warnings(unknownFields)
            dto.warnings = warnings.isEmpty ? nil : warnings
            return try JSONCoding.response(dto, headers: headers)
        }
        headers[.contentType] = preview.format.contentType
        if times.count > 1 { headers[.previewSheet] = try JSONCoding.text(result.image.sheet) }
        headers[.previewFrameTimes] = result.image.sheet.tiles.map { NumberText.ffmpeg($0.frameTime) }.joined(separator: ",")
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: result.image.pictures[0])))
    }

    /// The composition a preview names: given inline (merged like a POSTed one), stored, or a
    /// template's with merge values; checked as a create checks it, problems named under `composition.`.
    func composition(for preview: PreviewRequest, context: ReelRequestContext, unknown: UnknownFields) async throws -> CompositionRequest {
        let principal = context.principal
        let inside = { @Sendable (problem: FieldError) -> FieldError in
            var described = problem
            described.field = "composition." + problem.field
            return described
        }
        let composition: CompositionRequest
        var describe = inside
        if let inline = preview.composition {
            do {
                let bytes = ByteBuffer(bytes: try JSONEncoder().encode(inline))
                let inner = UnknownFields()
                composition = try CompositionController.decodeMerging(
                    bytes, unknownFields: inner, maxBytes: services.configuration.maxBodyBytes)
                for field in inner.all { unknown.append("composition." + field) }
            } catch let error as ReelError {
                throw error.describing(inside)
            }
        } else if let id = preview.compositionID {
            guard let record = try await services.store.fetch(id, tenant: principal.tenantFilter) else {
                throw ReelError.notFound("composition")
            }
            return record.request
        } else if let id = preview.templateID {
            guard let template = try await services.store.template(id, tenant: principal.tenantFilter) else {
                throw ReelError.notFound("template")
            }
            (composition, describe) = try TemplateController.merged(
                template, values: preview.merge ?? [:], maxBytes: services.configuration.maxBodyBytes)
        } else {
            throw ReelError.validation(preview.problems)
        }
        let problems = CompositionValidator(limits: services.configuration.limits).problems(in: composition)
        if !problems.isEmpty { throw ReelError.validation(problems.map(describe)) }
        do {
            try await CompositionIntake(services: services).checkSources(composition, principal: principal)
        } catch let error as ReelError {
            throw error.describing(describe)
        }
        return composition
    }

    /// A JSON answer: each frame with a signed link to its picture.
    func answer(_ result: PreviewAnswer, times: [Double]) -> PreviewDTO {
        let expires = Int(clamping: Date().timeIntervalSince1970.rounded(.down)) + Self.linkLifetime
        let base = services.configuration.resolvedPublicURL
        let format = result.image.format
        let frames = result.image.sheet.tiles.enumerated().map { index, tile in
            let name = "\(index).\(format.rawValue)"
            return PreviewDTO.Frame(
                time: tile.time, frameTime: tile.frameTime,
                url: base + services.signer.signedPreviewPath(key: result.key, name: name, expires: expires))
        }
        return PreviewDTO(
            frames: frames, width: result.image.sheet.tileWidth, height: result.image.sheet.tileHeight, format: format,
            cached: result.cached, warnings: result.image.warnings.isEmpty ? nil : result.image.warnings)
    }

    /// `GET /files/previews/KEY/N.EXT?expires=…&signature=…`: picture N of a preview this process holds.
    @Sendable func picture(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let key = context.parameters.get("key") ?? ""
        let name = context.parameters.get("name") ?? ""
        let query = request.uri.queryParameters
        guard let expires = query["expires"].flatMap({ Int($0) }), let signature = query["signature"].map(String.init),
            services.signer.isValid(previewKey: key, name: name, expires: expires, signature: signature)
        else {
            throw ReelError(code: "unauthorized", kind: .forbidden, message: "the link is invalid or has expired")
        }
        let parts = name.split(separator: ".")
        guard parts.count == 2, let index = Int(parts[0]), let image = services.previews?.cached(key),
            image.format.rawValue == parts[1], image.pictures.indices.contains(index)
        else {
            throw ReelError(
                code: "not_found", kind: .notFound, message: "this preview is no longer held; ask POST /api/v1/previews for it again")
        }
        return Response(
            status: .ok, headers: [.contentType: image.format.contentType, .cacheControl: "private, max-age=\(Self.linkLifetime)"],
            body: .init(byteBuffer: ByteBuffer(data: image.pictures[index])))
    }

    static func error(_ refusal: PreviewRefusal) -> ReelError {
        switch refusal {
        case .busy:
            ReelError(code: "previews_busy", kind: .overloaded, message: "every preview slot is busy, try again shortly", retryAfter: 1)
        case .tenantBusy:
            ReelError(
                code: "previews_busy", kind: .overloaded,
                message: "this tenant has as many previews under way as it may, try again shortly",
                retryAfter: 1)
        case .noWorker:
            ReelError.unavailable("no render worker is alive to make previews; start `reel work`", retryAfter: 5)
        case .timedOut(let limit):
            ReelError(
                code: "preview_timeout", kind: .timedOut,
                message: "the preview took longer than \(NumberText.plain(limit.seconds)) s (REEL_PREVIEW_TIMEOUT) and was stopped")
        }
    }
}
