import Synchronization

/// Lets concurrent fetches of one thing (a source's download, a file's probe) share a single
/// run: the first caller for a key does the work and every caller that arrives while it runs
/// gets its answer. A follower that gets an error does its own fetch, so one job's cancellation
/// never fails another job.
public final class FetchCoalescer<Value: Sendable>: Sendable {
    private let waiting = Mutex<[String: [CheckedContinuation<Value, any Error>]]>([:])

    public init() {}

    /// The callers waiting on `key`'s fetch in flight, nil when none is in flight.
    func followers(of key: String) -> Int? { waiting.withLock { $0[key]?.count } }

    /// Runs `body` for `key`, or waits for the run already in flight.
    public func run(_ key: String, _ body: () async throws -> Value) async throws -> Value {
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
                    if !joined { continuation.resume(throwing: FetchFinished()) }
                }
            } catch {
                return try await body()
            }
        }
        let result: Result<Value, any Error>
        do {
            result = .success(try await body())
        } catch {
            result = .failure(error)
        }
        for follower in waiting.withLock({ $0.removeValue(forKey: key) ?? [] }) { follower.resume(with: result) }
        return try result.get()
    }
}

/// The run a caller meant to join ended before it could.
struct FetchFinished: Error {}
