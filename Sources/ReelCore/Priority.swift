import Foundation

/// Queue priority: `high` jobs run before `default` before `low`.
public enum Priority: String, Sendable, Hashable, Codable, CaseIterable {
    case high, `default`, low

    /// Sort rank: lower runs first.
    public var rank: Int {
        switch self {
        case .high: 0
        case .default: 1
        case .low: 2
        }
    }

    public init?(rank: Int) {
        guard let match = Self.allCases.first(where: { $0.rank == rank }) else { return nil }
        self = match
    }
}
