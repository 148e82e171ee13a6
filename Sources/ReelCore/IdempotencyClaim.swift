import Foundation

/// An `Idempotency-Key` a new composition claims. It is kept on the composition's own row, not
/// beside it as an ``IdempotencyRecord``: one row written per POST instead of two, which kept the
/// key's cost within its 10 % budget (docs/benchmarks.md). A replay rebuilds the first answer
/// from the composition as it was created; deleting the composition lets go of its key.
public struct IdempotencyClaim: Sendable, Hashable {
    public var key: String
    /// SHA-256 of the request (method, path, body): the same key with another request is refused.
    public var fingerprint: String
    public var expiresAt: Date

    public init(key: String, fingerprint: String, expiresAt: Date) {
        self.key = key
        self.fingerprint = fingerprint
        self.expiresAt = expiresAt
    }
}
