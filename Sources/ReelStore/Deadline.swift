import Synchronization

/// Runs an operation against a deadline without waiting for an operation that ignores
/// cancellation: a PostgresNIO query whose connection the server terminated (57P01, as in a
/// restart) can stay suspended for good, and a task group would wait for it forever.
enum Deadline {
    /// `body`'s result, or nil once `timeout` has passed; then `body` is cancelled and left to end
    /// on its own. Cancelling the caller cancels `body` and throws `CancellationError`.
    static func run<T: Sendable>(within timeout: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T? {
        let race = Race<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                guard race.start(continuation) else { return }
                race.track(
                    Task {
                        do {
                            race.finish(.success(try await body()))
                        } catch {
                            race.finish(.failure(error))
                        }
                    })
                race.track(
                    Task {
                        try? await Task.sleep(for: timeout)
                        race.finish(.success(nil))
                    })
            }
        } onCancel: {
            race.finish(.failure(CancellationError()))
        }
    }

    /// The first of the body, the timer and the caller's cancellation to finish resumes the
    /// caller and cancels the others.
    private final class Race<T: Sendable>: Sendable {
        private enum Phase {
            case starting
            case waiting(CheckedContinuation<T?, any Error>)
            case finished(Result<T?, any Error>)
            case resumed
        }
        private struct State {
            var phase = Phase.starting
            var tasks: [Task<Void, Never>] = []
        }
        private let state = Mutex(State())

        /// Whether the race runs; false when the caller was cancelled first (then it is resumed).
        func start(_ continuation: CheckedContinuation<T?, any Error>) -> Bool {
            let early: Result<T?, any Error>? = state.withLock { state in
                guard case .finished(let result) = state.phase else {
                    state.phase = .waiting(continuation)
                    return nil
                }
                state.phase = .resumed
                return result
            }
            guard let early else { return true }
            continuation.resume(with: early)
            return false
        }

        func track(_ task: Task<Void, Never>) {
            let over = state.withLock { state in
                if case .resumed = state.phase { return true }
                state.tasks.append(task)
                return false
            }
            if over { task.cancel() }
        }

        func finish(_ result: Result<T?, any Error>) {
            let (continuation, tasks) = state.withLock { state -> (CheckedContinuation<T?, any Error>?, [Task<Void, Never>]) in
                switch state.phase {
                case .starting:
                    state.phase = .finished(result)
                    return (nil, [])
                case .waiting(let continuation):
                    state.phase = .resumed
                    defer { state.tasks = [] }
                    return (continuation, state.tasks)
                case .finished, .resumed:
                    return (nil, [])
                }
            }
            continuation?.resume(with: result)
            for task in tasks { task.cancel() }
        }
    }
}
