import Foundation
import ReelCore

/// Templates, each visible to its tenant only (`tenant` nil sees every one).
public protocol TemplateStore: Sendable {
    func insertTemplate(_ template: TemplateRecord) async throws
    func template(_ id: UUID, tenant: String?) async throws -> TemplateRecord?
    /// Newest first, and how many there are in all.
    func templates(tenant: String?, offset: Int, limit: Int) async throws -> (items: [TemplateRecord], total: Int)
    /// Replaces the body and `updated_at`; false when no such template is visible.
    func replaceTemplate(_ template: TemplateRecord, tenant: String?) async throws -> Bool
    func deleteTemplate(_ id: UUID, tenant: String?) async throws -> Bool
}
