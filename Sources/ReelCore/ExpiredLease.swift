import Foundation

/// A running job whose worker stopped renewing its lease, as the rescuer finds it.
public struct ExpiredLease: Sendable, Hashable {
    public var id: UUID
    public var token: String
    public var attempt: Int
    /// The row's own limit, set when the composition was created.
    public var maxAttempts: Int

    public init(id: UUID, token: String, attempt: Int, maxAttempts: Int) {
        self.id = id
        self.token = token
        self.attempt = attempt
        self.maxAttempts = maxAttempts
    }
}
