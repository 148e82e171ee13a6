import Foundation
import Hummingbird
import NIOCore
import ReelCore
import ReelObjects
import ReelRender
import ReelStore

/// The `/api/v1/compositions` routes.
struct CompositionController {
    let services: ReelServices

    var baseURL: String { services.configuration.resolvedPublicURL }

    func addRoutes(to group: RouterGroup<ReelRequestContext>) {
        group.post(use: create)
        group.get(use: list)
        group.post("cancel-all", use: cancelAll)
        group.post("validate", use: validate)
        group.get(":id", use: show)
        group.delete(":id", use: delete)
        group.get(":id/status", use: status)
        group.get(":id/metadata", use: metadata)
        group.get(":id/download", use: download)
        group.post(":id/cancel", use: cancel)
    }

    @Sendable func create(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let body = try await Self.collectJSON(request, limit: services.configuration.maxBodyBytes)
        let unknown = UnknownFields()
        let composition = try Self.decodeMerging(body, unknownFields: unknown, maxBytes: services.configuration.maxBodyBytes)
        return try await CompositionIntake(services: services).submit(
            composition, unknown: unknown, bodyDigest: IdempotentWrite.digest(body.readableBytesView), request: request, context: context)
    }

    /// `POST /compositions/validate`: a create's decoding and checks (its sources' ownership
    /// included; a webhook's host name is not resolved, an address is checked), nothing stored.
    /// Problems are the answer, not an error: 200 `{valid, problems, warnings, duration}`.
    @Sendable func validate(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let body = try await Self.collectJSON(request, limit: services.configuration.maxBodyBytes)
        let unknown = UnknownFields()
        var problems: [FieldError] = []
        var duration: Double?
        do {
            let composition = try Self.decodeMerging(body, unknownFields: unknown, maxBytes: services.configuration.maxBodyBytes)
            duration = composition.duration
            // A webhook's name is not resolved on every keystroke.
            try await CompositionIntake(services: services).check(
                composition, unknown: unknown, strict: CompositionIntake.prefersStrict(request), principal: context.principal,
                resolving: false)
        } catch let error as ReelError where error.kind == .invalid {
            problems = error.details.isEmpty ? [FieldError(field: "body", message: error.message, errorType: error.code)] : error.details
        }
        return try JSONCoding.response(
            ValidationDTO(
                valid: problems.isEmpty, problems: problems, warnings: UnknownFields.warnings(unknown.all),
                duration: problems.isEmpty ? duration : nil))
    }

    /// A JSON body of at most `limit` bytes (415 when it is not JSON, 413 when larger).
    static func collectJSON(_ request: Request, limit: Int) async throws -> ByteBuffer {
        try JSONCoding.requireJSON(request)
        do {
            return try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw ReelError.payloadTooLarge(limit: limit)
        }
    }

    /// The composition in `body`; with a top-level `merge` (`{"NAME": value}`, or Shotstack's
    /// `[{"find": "NAME", "replace": value}]`) its `{{NAME}}` placeholders are filled first, the
    /// result no larger than `maxBytes` (a posted body's own bound).
    static func decodeMerging(_ body: ByteBuffer, unknownFields: UnknownFields, maxBytes: Int) throws -> CompositionRequest {
        guard body.readableBytesView.firstRange(of: Array(#""merge""#.utf8)) != nil,
            case .object(var members) = try JSONCoding.decode(JSONValue.self, from: body),
            let merge = members.removeValue(forKey: "merge")
        else { return try JSONCoding.decode(CompositionRequest.self, from: body, unknownFields: unknownFields) }
        let values = try inlineValues(merge)
        let composition = JSONValue.object(members)
        let placeholders = Merge.placeholders(in: composition)
        if let tooMany = Merge.tooManyUses(placeholders.count, at: "merge") { throw ReelError.validation([tooMany]) }
        var problems: [FieldError] = []
        let used = placeholders.first
        for (name, path) in used.sorted(by: { $0.key < $1.key }) where values[name] == nil {
            problems.append(FieldError(field: path, message: "uses {{\(name)}}, which merge gives no value", errorType: "missing"))
        }
        for name in values.keys.sorted() where used[name] == nil {
            problems.append(FieldError(field: "merge.\(name)", message: "no {{\(name)}} in the composition uses it", errorType: "unknown"))
        }
        if !problems.isEmpty { throw ReelError.validation(problems) }
        let merged: JSONValue
        do {
            merged = try Merge.apply(values, to: composition, maxBytes: maxBytes)
        } catch {
            throw ReelError.validation([error.problem(at: error.name.map { "merge.\($0)" } ?? "merge")])
        }
        return try JSONCoding.decode(
            CompositionRequest.self, from: ByteBuffer(bytes: try JSONEncoder().encode(merged)), unknownFields: unknownFields)
    }

    /// Inline merge values by name, from an object or from find/replace pairs.
    static func inlineValues(_ merge: JSONValue) throws -> [String: JSONValue] {
        var values: [String: JSONValue] = [:]
        switch merge {
        case .object(let members): values = members
        case .array(let pairs):
            for (index, pair) in pairs.enumerated() {
                guard case .object(let members) = pair else {
                    throw ReelError.validation(field: "merge[\(index)]", "must be {\"find\": NAME, \"replace\": value}", type: "type")
                }
                guard let find = members["find"] else {
                    throw ReelError.validation(field: "merge[\(index)].find", "is required", type: "missing")
                }
                guard case .string(let name) = find else {
                    throw ReelError.validation(field: "merge[\(index)].find", "must be a string: the NAME of {{NAME}}", type: "type")
                }
                guard let replace = members["replace"] else {
                    throw ReelError.validation(field: "merge[\(index)].replace", "is required", type: "missing")
                }
                values[name] = replace
            }
        default:
            throw ReelError.validation(field: "merge", "must be an object of NAME: value, or a list of {find, replace}", type: "type")
        }
        if let bad = values.keys.sorted().first(where: { !Merge.isName($0) }) {
            throw ReelError.validation(field: "merge.\(bad)", "a name is a letter or _ then letters, digits or _", type: "format")
        }
        return values
    }

    @Sendable func list(_ request: Request, context: ReelRequestContext) async throws -> ListDTO {
        let query = request.uri.queryParameters
        var status: CompositionStatus?
        if let text = query["status"].map(String.init) {
            guard let parsed = CompositionStatus(rawValue: text) else {
                throw ReelError.validation(
                    field: "status",
                    "must be one of \(CompositionStatus.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            status = parsed
        }
        let offset = try PageQuery.integer(query["offset"], name: "offset", default: 0, range: 0...Int(Int32.max))
        let limit = try PageQuery.integer(query["limit"], name: "limit", default: 20, range: 1...100)
        let page = try await services.store.list(status: status, offset: offset, limit: limit, tenant: context.principal.tenantFilter)
        return ListDTO(
            compositions: page.items.map { CompositionDTO(record: $0, baseURL: baseURL) }, total: page.total, offset: offset, limit: limit)
    }

    func record(_ context: ReelRequestContext) async throws -> CompositionRecord {
        guard let record = try await services.store.fetch(try context.id(of: "composition"), tenant: context.principal.tenantFilter)
        else { throw ReelError.notFound("composition") }
        return record
    }

    @Sendable func show(_ request: Request, context: ReelRequestContext) async throws -> CompositionDTO {
        CompositionDTO(record: try await record(context), baseURL: baseURL)
    }

    @Sendable func status(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let id = try context.id(of: "composition")
        guard let progress = try await services.store.fetchProgress(id, tenant: context.principal.tenantFilter)
        else { throw ReelError.notFound("composition") }
        return Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: StatusJSON.render(progress)))
        )
    }

    @Sendable func metadata(_ request: Request, context: ReelRequestContext) async throws -> MetadataDTO {
        let record = try await record(context)
        let outputURL = record.result.map { services.objectURL($0.outputKey, expires: services.defaultLinkExpiry) }
        return MetadataDTO(record: record, outputURL: outputURL)
    }

    /// Each MP4 rendition's link, largest first, the output's own included; nil without renditions.
    func renditionLinks(_ result: RenderResult, record: CompositionRecord, expires: Int) -> [RenditionLinkDTO]? {
        // As rendered: a draft has no renditions.
        let output = record.request.asRendered.output
        let ladder = output.ladder
        guard output.format == .mp4, let top = ladder.first else { return nil }
        let others = ladder.dropFirst().compactMap { rendition in
            result.sidecarKeys?["rendition:\(rendition.name)"].map {
                RenditionLinkDTO(
                    name: rendition.name, width: rendition.width, height: rendition.height, url: services.objectURL($0, expires: expires))
            }
        }
        return [
            RenditionLinkDTO(
                name: top.name, width: top.width, height: top.height, url: services.objectURL(result.outputKey, expires: expires))
        ]
            + others
    }

    @Sendable func download(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let record = try await record(context)
        guard record.status == .completed, let result = record.result else {
            throw ReelError.notReady("composition is \(record.status.rawValue), not completed; its video is not ready")
        }
        let lifetime = try PageQuery.integer(
            request.uri.queryParameters["expires_in"],
            name: "expires_in",
            default: services.configuration.downloadURLLifetime,
            range: 1...services.configuration.maxDownloadURLLifetime
        )
        let expires = Int(clamping: Date().timeIntervalSince1970) + lifetime
        let format = record.request.output.format
        let draft = record.request.output.quality == .draft
        let dto = DownloadDTO(
            compositionID: record.id.uuidString.lowercased(),
            downloadURL: format == .hls
                ? services.folderURL(result.outputKey, expires: expires) : services.objectURL(result.outputKey, expires: expires),
            expiresAt: Date(timeIntervalSince1970: Double(expires)),
            fileSizeBytes: result.output.sizeBytes,
            format: format.rawValue,
            filename: Self.filename(title: record.request.title + (draft ? "-draft" : ""), format: format),
            thumbnailURL: result.thumbnailKey.map { services.objectURL($0, expires: expires) },
            captionsURL: result.sidecarKeys?["captions"].map { services.objectURL($0, expires: expires) },
            posterURL: result.sidecarKeys?["poster"].map { services.objectURL($0, expires: expires) },
            storyboardURL: result.sidecarKeys?["storyboard"].map { services.objectURL($0, expires: expires) },
            storyboardVTTURL: result.sidecarKeys?["storyboard_vtt"].map { services.folderURL($0, expires: expires) },
            renditions: renditionLinks(result, record: record, expires: expires),
            draft: draft ? true : nil
        )
        return try JSONCoding.response(dto)
    }

    /// A file name from the title: letters, digits, `-` and `_` only.
    static func filename(title: String, format: OutputFormat) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        var name = String(title.map { allowed.contains($0) ? $0 : "_" }.prefix(80))
        while name.contains("__") { name = name.replacingOccurrences(of: "__", with: "_") }
        name = name.trimmingCharacters(in: CharacterSet(charactersIn: "_"))
        return (name.isEmpty ? "composition" : name) + "." + format.fileExtension
    }

    @Sendable func cancel(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let id = try context.id(of: "composition")
        let now = Date()
        let idempotent = try IdempotentWrite(
            request, tenant: context.principal.tenant, bodyDigest: "", lifetime: services.configuration.idempotencyLifetime)
        let answer = try JSONCoding.text(
            CancelDTO(compositionID: id.uuidString.lowercased(), message: "composition cancelled", cancelledAt: now))
        let outcome = try await services.store.cancel(
            id, at: now, tenant: context.principal.tenantFilter, idempotency: idempotent?.record(status: .ok, body: answer, location: nil))
        switch outcome {
        case .cancelled:
            return JSONCoding.response(text: answer, status: .ok)
        case .replayed(let stored):
            guard let idempotent else { throw ReelError.conflict("composition is already cancelled") }
            return try idempotent.replay(stored)
        case .alreadyFinished(let status):
            throw ReelError.conflict("composition is already \(status.rawValue) and cannot be cancelled")
        case .notFound:
            throw ReelError.notFound("composition")
        }
    }

    @Sendable func cancelAll(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let ids = try await services.store.cancelAll(at: Date(), tenant: context.principal.tenantFilter)
        return try JSONCoding.response(
            CancelAllDTO(
                cancelledCount: ids.count,
                failedCount: 0,
                cancelledIDs: ids.map { $0.uuidString.lowercased() },
                failedIDs: [],
                message: "cancelled \(ids.count) composition\(ids.count == 1 ? "" : "s")"
            )
        )
    }

    @Sendable func delete(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let id = try context.id(of: "composition")
        guard try await services.store.delete(id, tenant: context.principal.tenantFilter) != nil
        else { throw ReelError.notFound("composition") }
        try await services.objects.delete(prefix: ObjectKeys.outputPrefix(id))
        return Response(status: .noContent)
    }
}
