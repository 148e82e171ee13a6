/// The job state machine as a plain value: given what happened to a running job, it says
/// what the queue must do. No I/O, so every path is unit-tested.
public struct JobLifecycle: Sendable, Hashable {
    /// What happened to a claimed job.
    public enum Event: Sendable, Hashable {
        case succeeded
        case failed(RenderFailure)
        /// The process is stopping: hand the job back untouched.
        case shutdown
        /// The job was cancelled or its lease was taken over.
        case lostLease
    }

    /// What the queue must do next.
    public enum Action: Sendable, Hashable {
        case complete
        case retry(after: Double, message: String)
        case fail(message: String)
        case release
        case discard
    }

    public var policy: RetryPolicy

    public init(policy: RetryPolicy = RetryPolicy()) {
        self.policy = policy
    }

    /// The action for `event` on attempt number `attempt` (1-based).
    public func action(for event: Event, attempt: Int, random unit: Double) -> Action {
        switch event {
        case .succeeded:
            return .complete
        case .failed(let failure) where failure.isTransient && attempt < policy.maxAttempts:
            return .retry(after: policy.delay(afterAttempt: attempt, unit: unit), message: failure.message)
        case .failed(let failure):
            let suffix = failure.isTransient ? " (gave up after \(attempt) attempts)" : ""
            return .fail(message: failure.message + suffix)
        case .shutdown:
            return .release
        case .lostLease:
            return .discard
        }
    }
}
