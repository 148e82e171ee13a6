import Foundation
import ReelCore

extension SQLiteStore: TemplateStore {
    public func insertTemplate(_ template: TemplateRecord, idempotency: IdempotencyRecord?) async throws -> IdempotencyRecord? {
        let body = try RecordCoding.encode(template.body)
        return try await database.write { db in
            try db.transaction {
                if let idempotency, let existing = try self.claim(idempotency, in: db) { return existing }
                try db.query(
                    "INSERT INTO templates (id, tenant, name, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        .text(template.id.uuidString.lowercased()), .text(template.tenant), .text(template.body.name), .text(body),
                        .real(template.createdAt.timeIntervalSince1970), .real(template.updatedAt.timeIntervalSince1970),
                    ]
                )
                return idempotency
            }
        }
    }

    public func template(_ id: UUID, tenant: String?) async throws -> TemplateRecord? {
        let rows = try database.read { db in
            try db.query(
                "SELECT id, tenant, body, created_at, updated_at FROM templates WHERE id = ? AND (? IS NULL OR tenant = ?)",
                [.text(id.uuidString.lowercased()), tenant.map { .text($0) } ?? .null, tenant.map { .text($0) } ?? .null]
            )
        }
        return try rows.first.map(Self.template)
    }

    public func templates(tenant: String?, offset: Int, limit: Int) async throws -> (items: [TemplateRecord], total: Int) {
        let owner: SQLiteValue = tenant.map { .text($0) } ?? .null
        let (rows, count) = try database.read { db in
            (
                try db.query(
                    """
                    SELECT id, tenant, body, created_at, updated_at FROM templates WHERE (? IS NULL OR tenant = ?)
                    ORDER BY created_at DESC, id LIMIT ? OFFSET ?
                    """,
                    [owner, owner, .integer(Int64(limit)), .integer(Int64(offset))]
                ),
                try db.query("SELECT count(*) FROM templates WHERE (? IS NULL OR tenant = ?)", [owner, owner])
            )
        }
        return (try rows.map(Self.template), try count[0].integer(0, "count"))
    }

    public func replaceTemplate(_ template: TemplateRecord, tenant: String?) async throws -> Bool {
        let body = try RecordCoding.encode(template.body)
        let owner: SQLiteValue = tenant.map { .text($0) } ?? .null
        return try await database.write { db in
            try db.query(
                "UPDATE templates SET name = ?, body = ?, updated_at = ? WHERE id = ? AND (? IS NULL OR tenant = ?) RETURNING id",
                [
                    .text(template.body.name), .text(body), .real(template.updatedAt.timeIntervalSince1970),
                    .text(template.id.uuidString.lowercased()), owner, owner,
                ]
            )
        }.isEmpty == false
    }

    public func deleteTemplate(_ id: UUID, tenant: String?) async throws -> Bool {
        let owner: SQLiteValue = tenant.map { .text($0) } ?? .null
        return try await database.write { db in
            try db.query(
                "DELETE FROM templates WHERE id = ? AND (? IS NULL OR tenant = ?) RETURNING id",
                [.text(id.uuidString.lowercased()), owner, owner])
        }.isEmpty == false
    }

    static func template(_ row: [SQLiteValue]) throws -> TemplateRecord {
        TemplateRecord(
            id: try row.uuid(0, "id"), tenant: try row.text(1, "tenant"), body: try RecordCoding.decode(try row.text(2, "body")),
            createdAt: try row.date(3, "created_at"), updatedAt: try row.date(4, "updated_at"))
    }
}
