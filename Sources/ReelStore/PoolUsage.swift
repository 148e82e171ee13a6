import Synchronization

/// How busy a store's connections are, for `/metrics`: operations holding a connection and
/// operations waiting for one.
public struct PoolUsage: Sendable, Hashable {
    public var size: Int
    public var inUse: Int
    public var waiting: Int

    public init(size: Int, inUse: Int, waiting: Int) {
        self.size = size
        self.inUse = inUse
        self.waiting = waiting
    }
}

/// Counts database operations in flight; those beyond the pool's size are waiting for a connection.
final class PoolLoad: Sendable {
    let size: Int
    private let inFlight = Atomic<Int>(0)

    init(size: Int) { self.size = size }

    func during<T>(_ body: () async throws -> T) async rethrows -> T {
        inFlight.add(1, ordering: .relaxed)
        defer { inFlight.subtract(1, ordering: .relaxed) }
        return try await body()
    }

    var usage: PoolUsage {
        let count = inFlight.load(ordering: .relaxed)
        return PoolUsage(size: size, inUse: min(count, size), waiting: max(0, count - size))
    }
}
