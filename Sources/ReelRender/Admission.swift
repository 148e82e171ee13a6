import Synchronization

/// Counts callers in, by key, up to a bound each: a tenant's previews under way, or all of a
/// process's previews waiting on workers (one key).
public final class Admission: Sendable {
    private let counts = Mutex([String: Int]())
    /// Callers one key may have in at once.
    public let limit: Int

    public init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// `body` with `key` counted in, or `refusal` when it already has ``limit`` callers in.
    public func run<T: Sendable>(_ key: String, refusal: PreviewRefusal, _ body: () async throws -> T) async throws -> T {
        let admitted = counts.withLock { counts in
            guard counts[key, default: 0] < limit else { return false }
            counts[key, default: 0] += 1
            return true
        }
        guard admitted else { throw refusal }
        defer { counts.withLock { $0[key] = $0[key].flatMap { $0 > 1 ? $0 - 1 : nil } } }
        return try await body()
    }
}
