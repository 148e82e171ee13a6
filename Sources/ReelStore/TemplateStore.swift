import Foundation
import ReelCore

/// Templates, each visible to its tenant only (`tenant` nil sees every one).
public protocol TemplateStore: Sendable {
    /// Stores `template`, and with it `idempotency`'s answer under its key; when the key already
    /// holds a live answer, stores nothing and returns that answer.
    func insertTemplate(_ template: TemplateRecord, idempotency: IdempotencyRecord?) async throws -> IdempotencyRecord?
    func template(_ id: UUID, tenant: String?) async throws -> TemplateRecord?
    /// Newest first, and how many there are in all.
    func templates(tenant: String?, offset: Int, limit: Int) async throws -> (items: [TemplateRecord], total: Int)
    /// Replaces the body and `updated_at`; false when no such template is visible.
    func replaceTemplate(_ template: TemplateRecord, tenant: String?) async throws -> Bool
    func deleteTemplate(_ id: UUID, tenant: String?) async throws -> Bool
}
