import Foundation
import Hummingbird
import NIOCore
import ReelCore
import ReelStore

/// The `/api/v1/templates` routes: templates of the caller's tenant, and compositions made
/// from them by merging values into their placeholders.
struct TemplateController {
    let services: ReelServices

    var baseURL: String { services.configuration.resolvedPublicURL }

    func addRoutes(to group: RouterGroup<ReelRequestContext>) {
        group.post(use: create)
        group.get(use: list)
        group.get(":id", use: show)
        group.put(":id", use: replace)
        group.delete(":id", use: delete)
        group.post(":id/compositions", use: compose)
    }

    @Sendable func create(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let buffer = try await CompositionController.collectJSON(request, limit: services.configuration.maxBodyBytes)
        let body = try checked(buffer)
        let tenant = context.principal.tenant
        let idempotent = try IdempotentWrite(
            request, tenant: tenant, bodyDigest: IdempotentWrite.digest(buffer.readableBytesView),
            lifetime: services.configuration.idempotencyLifetime)
        let now = CompositionIntake.creationTime()
        let record = TemplateRecord(id: UUID(), tenant: tenant, body: body, createdAt: now, updatedAt: now)
        let location = "/api/v1/templates/\(record.id.uuidString.lowercased())"
        let answer = try JSONCoding.text(TemplateDTO(record: record, baseURL: baseURL))
        let ours = idempotent?.record(status: .created, body: answer, location: location)
        let kept = try await services.store.insertTemplate(record, idempotency: ours)
        if let idempotent, let kept, kept.body != answer { return try idempotent.replay(kept) }
        return JSONCoding.response(text: answer, status: .created, headers: [.location: location])
    }

    @Sendable func list(_ request: Request, context: ReelRequestContext) async throws -> TemplateListDTO {
        let query = request.uri.queryParameters
        let offset = try PageQuery.integer(query["offset"], name: "offset", default: 0, range: 0...Int(Int32.max))
        let limit = try PageQuery.integer(query["limit"], name: "limit", default: 20, range: 1...100)
        let page = try await services.store.templates(tenant: context.principal.tenantFilter, offset: offset, limit: limit)
        return TemplateListDTO(
            templates: page.items.map { TemplateDTO(record: $0, baseURL: baseURL) }, total: page.total, offset: offset, limit: limit)
    }

    @Sendable func show(_ request: Request, context: ReelRequestContext) async throws -> TemplateDTO {
        TemplateDTO(record: try await record(context), baseURL: baseURL)
    }

    @Sendable func replace(_ request: Request, context: ReelRequestContext) async throws -> TemplateDTO {
        var record = try await record(context)
        record.body = try await checkedBody(request)
        record.updatedAt = CompositionIntake.creationTime()
        guard try await services.store.replaceTemplate(record, tenant: context.principal.tenantFilter) else {
            throw ReelError.notFound("template")
        }
        return TemplateDTO(record: record, baseURL: baseURL)
    }

    @Sendable func delete(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let id = try context.id(of: "template")
        guard try await services.store.deleteTemplate(id, tenant: context.principal.tenantFilter)
        else { throw ReelError.notFound("template") }
        return Response(status: .noContent)
    }

    /// `POST /api/v1/templates/{id}/compositions`: the template's composition with the merge
    /// values in its placeholders, queued like any composition. A problem in the result names
    /// the path in the template and the merge field that filled it.
    @Sendable func compose(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let template = try await record(context)
        let body = try await CompositionController.collectJSON(request, limit: services.configuration.maxBodyBytes)
        let unknown = UnknownFields()
        let merge = try JSONCoding.decode(TemplateMergeRequest.self, from: body, unknownFields: unknown)
        var (composition, describe) = try Self.merged(template, values: merge.merge, maxBytes: services.configuration.maxBodyBytes)
        if let priority = merge.priority { composition.priority = priority }
        if let webhook = merge.webhookURL { composition.webhookURL = webhook }
        if let metadata = merge.metadata { composition.metadata = metadata }
        return try await CompositionIntake(services: services).submit(
            composition, unknown: unknown,
            bodyDigest: "template \(template.id.uuidString.lowercased())\n" + IdempotentWrite.digest(body.readableBytesView),
            request: request, context: context, describe: describe)
    }

    /// The template's composition with `values` in its placeholders (its defaults for the rest),
    /// and how to name a problem in the result: its path in the template and the merge field
    /// that filled it. The one way a template becomes a composition, for a render or a preview.
    static func merged(
        _ template: TemplateRecord, values given: [String: JSONValue], maxBytes: Int
    ) throws -> (CompositionRequest, describe: @Sendable (FieldError) -> FieldError) {
        let (values, problems) = Merge.resolve(given, fields: template.body.mergeFields)
        if !problems.isEmpty { throw ReelError.validation(problems) }
        let filledBy = Merge.uses(in: template.body.composition).reduce(into: [String: String]()) { $0[$1.path] = $1.name }
        let describe = { @Sendable (problem: FieldError) -> FieldError in
            var described = problem
            described.field = "composition." + problem.field
            if let name = filledBy[problem.field] { described.message += " (from merge.\(name))" }
            return described
        }
        do {
            let merged = try JSONEncoder().encode(Merge.apply(values, to: template.body.composition, maxBytes: maxBytes))
            return (try JSONCoding.decode(CompositionRequest.self, from: ByteBuffer(bytes: merged)), describe)
        } catch let error as ReelError {
            throw error.describing(describe)
        } catch let overflow as Merge.Overflow {
            throw ReelError.validation([overflow.problem(at: overflow.name.map { "merge.\($0)" } ?? "merge")])
        }
    }

    /// The request's body, ``checked(_:)``.
    func checkedBody(_ request: Request) async throws -> TemplateBody {
        try checked(try await CompositionController.collectJSON(request, limit: services.configuration.maxBodyBytes))
    }

    /// A template body that is JSON, has no problems of its own and whose composition, with
    /// its fields at their defaults, decodes as a composition no larger than a posted one.
    func checked(_ buffer: ByteBuffer) throws -> TemplateBody {
        let body = try JSONCoding.decode(TemplateBody.self, from: buffer)
        let problems = body.problems
        if !problems.isEmpty { throw ReelError.validation(problems) }
        do {
            let sample = try body.sampleComposition(maxBytes: services.configuration.maxBodyBytes)
            _ = try JSONCoding.decode(CompositionRequest.self, from: ByteBuffer(bytes: try JSONEncoder().encode(sample)))
        } catch let overflow as Merge.Overflow {
            throw ReelError.validation([overflow.problem(at: overflow.name.map { "merge_fields.\($0).default" } ?? "composition")])
        } catch let error as ReelError {
            throw error.describing { problem in
                var described = problem
                described.field = "composition." + problem.field
                return described
            }
        }
        return body
    }

    func record(_ context: ReelRequestContext) async throws -> TemplateRecord {
        guard let record = try await services.store.template(try context.id(of: "template"), tenant: context.principal.tenantFilter)
        else { throw ReelError.notFound("template") }
        return record
    }
}
