import Foundation
import PostgresNIO
import ReelCore

extension PostgresStore: TemplateStore {
    public func insertTemplate(_ template: TemplateRecord, idempotency: IdempotencyRecord?) async throws -> IdempotencyRecord? {
        let (id, tenant, name, body, created, updated) = (
            template.id, template.tenant, template.body.name, try RecordCoding.encode(template.body), template.createdAt,
            template.updatedAt
        )
        return try await perform {
            try await self.client.withTransaction(logger: self.logger) { connection -> IdempotencyRecord? in
                if let idempotency, let existing = try await self.claim(idempotency, on: connection, logger: self.logger) {
                    return existing
                }
                try await connection.query(
                    """
                    INSERT INTO templates (id, tenant, name, body, created_at, updated_at)
                    VALUES (\(id), \(tenant), \(name), \(body), \(created), \(updated))
                    """,
                    logger: self.logger
                )
                return idempotency
            }
        }
    }

    public func template(_ id: UUID, tenant: String?) async throws -> TemplateRecord? {
        try await rows(
            """
            SELECT id, tenant, body, created_at, updated_at FROM templates
            WHERE id = \(id) AND (\(tenant)::text IS NULL OR tenant = \(tenant))
            """
        ).first.map(Self.template)
    }

    public func templates(tenant: String?, offset: Int, limit: Int) async throws -> (items: [TemplateRecord], total: Int) {
        let items = try await rows(
            """
            SELECT id, tenant, body, created_at, updated_at FROM templates WHERE (\(tenant)::text IS NULL OR tenant = \(tenant))
            ORDER BY created_at DESC, id LIMIT \(limit) OFFSET \(offset)
            """
        ).map(Self.template)
        let total =
            try await rows("SELECT count(*) FROM templates WHERE (\(tenant)::text IS NULL OR tenant = \(tenant))")
            .first?.decode(Int.self) ?? 0
        return (items, total)
    }

    public func replaceTemplate(_ template: TemplateRecord, tenant: String?) async throws -> Bool {
        let (id, name, body, updated) = (template.id, template.body.name, try RecordCoding.encode(template.body), template.updatedAt)
        return try await rows(
            """
            UPDATE templates SET name = \(name), body = \(body), updated_at = \(updated)
            WHERE id = \(id) AND (\(tenant)::text IS NULL OR tenant = \(tenant)) RETURNING id
            """
        ).isEmpty == false
    }

    public func deleteTemplate(_ id: UUID, tenant: String?) async throws -> Bool {
        try await rows(
            "DELETE FROM templates WHERE id = \(id) AND (\(tenant)::text IS NULL OR tenant = \(tenant)) RETURNING id"
        ).isEmpty == false
    }

    static func template(_ row: PostgresRow) throws -> TemplateRecord {
        let columns = try row.decode((UUID, String, String, Date, Date).self)
        return TemplateRecord(
            id: columns.0, tenant: columns.1, body: try RecordCoding.decode(columns.2), createdAt: columns.3, updatedAt: columns.4)
    }
}
