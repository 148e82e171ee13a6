import Foundation

/// A recorded change of a composition, as `/events`, webhooks and streams deliver it. `id` grows
/// with every event of the database; `payload` is the JSON text of ``JobSnapshot/payload``,
/// stored once so every delivery sends the same bytes.
public struct CompositionEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case queued = "composition.queued"
        case processing = "composition.processing"
        case retrying = "composition.retrying"
        case completed = "composition.completed"
        case failed = "composition.failed"
        case cancelled = "composition.cancelled"
        case deleted = "composition.deleted"

        /// True when nothing follows it (a stream of one composition ends there).
        public var isTerminal: Bool {
            switch self {
            case .completed, .failed, .cancelled, .deleted: true
            case .queued, .processing, .retrying: false
            }
        }
    }

    public var id: Int64
    public var compositionID: UUID
    public var tenant: String
    public var kind: Kind
    public var payload: String
    public var createdAt: Date

    public init(id: Int64, compositionID: UUID, tenant: String, kind: Kind, payload: String, createdAt: Date) {
        self.id = id
        self.compositionID = compositionID
        self.tenant = tenant
        self.kind = kind
        self.payload = payload
        self.createdAt = createdAt
    }
}
