import Foundation

/// A stored template: its body, its owner and when it was made and last replaced.
public struct TemplateRecord: Sendable, Hashable {
    public var id: UUID
    /// The tenant of the API key that created it; empty when keys are off.
    public var tenant: String
    public var body: TemplateBody
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: UUID, tenant: String, body: TemplateBody, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.tenant = tenant
        self.body = body
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
