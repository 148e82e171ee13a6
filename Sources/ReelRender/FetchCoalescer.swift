import Synchronization

/// Lets concurrent fetches of one thing (a source's download, a file's probe) share a single
/// run: the first caller for a key does the work and every caller that arrives while it runs
/// gets its answer. A follower that gets an error does its own fetch, so one job's cancellation
/// never fails another job; a follower cancelled while it waits stops waiting at once.
public final class FetchCoalescer<Value: Sendable>: Sendable {
    private struct Table {
        var nextID = 0
        var waiting: [String: [(id: Int, continuation: CheckedContinuation<Value, any Error>)]] = [:]
    }
    private let table = Mutex(Table())

    public init() {}

    /// The callers waiting on `key`'s fetch in flight, nil when none is in flight.
    func followers(of key: String) -> Int? { table.withLock { $0.waiting[key]?.count } }

    /// Runs `body` for `key`, or waits for the run already in flight.
    public func run(_ key: String, _ body: () async throws -> Value) async throws -> Value {
        let follower = table.withLock { table -> Int? in
            guard table.waiting[key] == nil else {
                table.nextID += 1
                return table.nextID
            }
            table.waiting[key] = []
            return nil
        }
        if let follower {
            do {
                return try await withTaskCancellationHandler {
                    try await withCheckedThrowingContinuation { continuation in
                        let joined = table.withLock { table in
                            guard table.waiting[key] != nil else { return false }
                            table.waiting[key]!.append((follower, continuation))
                            return true
                        }
                        if !joined { continuation.resume(throwing: FetchFinished()) }
                        if joined, Task.isCancelled { leave(key, follower) }
                    }
                } onCancel: {
                    leave(key, follower)
                }
            } catch is Left {
                throw CancellationError()
            } catch {
                // The run failed, or was cancelled by its own caller: this one fetches for itself.
                try Task.checkCancellation()
                return try await body()
            }
        }
        let result: Result<Value, any Error>
        do {
            result = .success(try await body())
        } catch {
            result = .failure(error)
        }
        for waiter in table.withLock({ $0.waiting.removeValue(forKey: key) ?? [] }) { waiter.continuation.resume(with: result) }
        return try result.get()
    }

    /// Takes `follower` out of `key`'s line and ends its wait with a cancellation.
    private func leave(_ key: String, _ follower: Int) {
        let continuation = table.withLock { table -> CheckedContinuation<Value, any Error>? in
            guard let index = table.waiting[key]?.firstIndex(where: { $0.id == follower }) else { return nil }
            return table.waiting[key]!.remove(at: index).continuation
        }
        continuation?.resume(throwing: Left())
    }

    /// A follower stopped waiting because its own task was cancelled.
    private struct Left: Error {}
}

/// The run a caller meant to join ended before it could.
struct FetchFinished: Error {}
