import Synchronization

/// Counts key revocations this process has heard of: its own, and (PostgreSQL) every other
/// process's, announced on the `reel_keys` channel. A cache of verified keys trusts an entry only
/// while the count is what it was when the entry was made, so a revocation drops it at once.
public final class RevocationCounter: Sendable {
    private let count = Atomic<Int>(0)

    public init() {}

    public var value: Int { count.load(ordering: .acquiring) }

    public func bump() { count.add(1, ordering: .releasing) }
}
