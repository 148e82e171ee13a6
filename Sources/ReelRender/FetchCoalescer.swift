import Synchronization

/// Lets concurrent fetches of one source share a single request: the first caller for a key
/// does the work and every caller that arrives while it runs gets its answer. A follower that
/// gets an error does its own fetch, so one job's cancellation never fails another job.
public final class FetchCoalescer: Sendable {
    private let waiting = Mutex<[String: [CheckedContinuation<String, any Error>]]>([:])

    public init() {}

    /// The callers waiting on `key`'s fetch in flight, nil when none is in flight.
    func followers(of key: String) -> Int? { waiting.withLock { $0[key]?.count } }

    /// Runs `body` for `key`, or waits for the run already in flight.
    public func run(_ key: String, _ body: () async throws -> String) async throws -> String {
        let leads = waiting.withLock { table in
            guard table[key] == nil else { return false }
            table[key] = []
            return true
        }
        guard leads else {
            do {
                return try await withCheckedThrowingContinuation { continuation in
                    let joined = waiting.withLock { table in
                        guard table[key] != nil else { return false }
                        table[key]!.append(continuation)
                        return true
                    }
                    if !joined { continuation.resume(throwing: Finished()) }
                }
            } catch {
                return try await body()
            }
        }
        let result: Result<String, any Error>
        do {
            result = .success(try await body())
        } catch {
            result = .failure(error)
        }
        for follower in waiting.withLock({ $0.removeValue(forKey: key) ?? [] }) { follower.resume(with: result) }
        return try result.get()
    }

    /// The run a caller meant to join ended before it could.
    struct Finished: Error {}
}
