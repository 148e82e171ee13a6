import Foundation
import Hummingbird
import NIOCore
import ReelCore
import ReelStore

/// `/api/v1/keys`: API keys, for admin keys only (``AuthMiddleware``). A new key's secret is in
/// the answer to its creation and nowhere else.
struct KeyController {
    let store: any AccessStore

    func addRoutes(to group: RouterGroup<ReelRequestContext>) {
        group.post(use: create)
        group.get(use: list)
        group.delete(":id", use: revoke)
    }

    struct CreateRequest: Decodable {
        var name: String
        var scope: KeyScope
        var tenant: String?
    }

    @Sendable func create(_ request: Request, context: ReelRequestContext) async throws -> EditedResponse<KeyDTO> {
        try JSONCoding.requireJSON(request)
        let body = try await request.body.collect(upTo: 16 << 10)
        let input = try JSONCoding.decode(CreateRequest.self, from: body)
        var problems: [FieldError] = []
        if input.name.isEmpty || input.name.count > 100 {
            problems.append(FieldError(field: "name", message: "must be 1 to 100 characters", errorType: "length"))
        }
        let tenant = input.tenant ?? "default"
        if !Self.isTenantName(tenant) {
            problems.append(FieldError(field: "tenant", message: "must be 1 to 64 letters, digits, '-', '_' or '.'", errorType: "format"))
        }
        if !problems.isEmpty { throw ReelError.validation(problems) }
        let (record, secret) = try await APIKeySecret.create(name: input.name, scope: input.scope, tenant: tenant, in: store)
        return EditedResponse(status: .created, response: KeyDTO(record, secret: secret))
    }

    @Sendable func list(_ request: Request, context: ReelRequestContext) async throws -> KeyListDTO {
        KeyListDTO(keys: try await store.keys().map { KeyDTO($0) })
    }

    @Sendable func revoke(_ request: Request, context: ReelRequestContext) async throws -> Response {
        guard try await store.revokeKey(try context.id(of: "key"), at: Date())
        else { throw ReelError.notFound("key") }
        return Response(status: .noContent)
    }

    static func isTenantName(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
    }
}

/// An API key as listed; `key` (the secret) only in the answer to its creation.
struct KeyDTO: ResponseEncodable {
    let record: APIKeyRecord
    var secret: String? = nil

    init(_ record: APIKeyRecord, secret: String? = nil) {
        self.record = record
        self.secret = secret
    }

    enum CodingKeys: String, CodingKey {
        case id, name, hint, scope, tenant, key
        case createdAt = "created_at"
        case revokedAt = "revoked_at"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(record.id.uuidString.lowercased(), forKey: .id)
        try c.encode(record.name, forKey: .name)
        try c.encode(record.hint, forKey: .hint)
        try c.encode(record.scope, forKey: .scope)
        try c.encode(record.tenant, forKey: .tenant)
        try c.encode(record.createdAt, forKey: .createdAt)
        try c.encode(record.revokedAt, forKey: .revokedAt)
        try c.encodeIfPresent(secret, forKey: .key)
    }
}

/// `GET /api/v1/keys`: every key, secrets never included.
struct KeyListDTO: ResponseEncodable {
    var keys: [KeyDTO]
}
