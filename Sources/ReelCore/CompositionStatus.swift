/// Where a composition is in its life.
public enum CompositionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pending, queued, processing, completed, failed, cancelled

    /// True once nothing more will happen to the composition.
    public var isTerminal: Bool {
        switch self {
        case .completed, .failed, .cancelled: true
        case .pending, .queued, .processing: false
        }
    }
}
