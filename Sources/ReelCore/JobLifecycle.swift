import Foundation

/// The job state machine as a plain value: every change of a composition's job — claim,
/// progress, complete, retry, fail, release, cancel, rescue — is decided here and returned as
/// a ``JobUpdate`` that a store driver applies. No I/O, so every path is unit-tested, and the
/// drivers cannot disagree about a transition.
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

    /// Backoff between attempts; its `maxAttempts` is what new compositions get (each row keeps
    /// its own, which is what counts).
    public var policy: RetryPolicy

    public init(policy: RetryPolicy = RetryPolicy()) {
        self.policy = policy
    }

    /// The action for `event` on attempt number `attempt` (1-based) of a job allowed `maxAttempts`.
    public func action(for event: Event, attempt: Int, maxAttempts: Int, random unit: Double) -> Action {
        switch event {
        case .succeeded:
            return .complete
        case .failed(let failure) where failure.isTransient && attempt < maxAttempts:
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

    /// Takes the next claimable job for `worker` under a new lease.
    public func claim(worker: String, token: String, leaseSeconds: Double, at date: Date) -> JobUpdate {
        var update = JobUpdate(target: .next(readyBy: date))
        update.status = .processing
        update.attempt = .next
        update.lease = .grant(token: token, worker: worker, until: date.addingTimeInterval(leaseSeconds))
        update.startedAt = date
        update.updatedAt = date
        update.stage = .downloading
        update.progress = 0
        update.stages = RenderStage.initialStages(current: .downloading)
        update.event = .processing
        return update
    }

    /// Renews the lease, with the latest progress when there is some.
    public func heartbeat(id: UUID, token: String, progress: ProgressUpdate?, leaseSeconds: Double, at date: Date) -> JobUpdate {
        var update = JobUpdate(target: .leased(id: id, token: token))
        update.lease = .renew(until: date.addingTimeInterval(leaseSeconds))
        if let progress {
            update.updatedAt = date
            update.progress = progress.overall
            update.stage = progress.stage
            update.stages = progress.stages
        }
        return update
    }

    /// What `action` writes for the job `id` held under `token`; nil for `discard`, which writes nothing.
    public func update(for action: Action, id: UUID, token: String, result: RenderResult?, at date: Date) -> JobUpdate? {
        var update = JobUpdate(target: .leased(id: id, token: token))
        update.updatedAt = date
        update.lease = .drop
        switch action {
        case .complete:
            update.status = .completed
            update.progress = 100
            update.stage = .completed
            update.stages = RenderStage.initialStages(current: .completed)
            update.result = result
            update.errorMessage = .clear
            update.completedAt = date
            update.event = .completed
        case .retry(let delay, let message):
            requeue(&update, at: date.addingTimeInterval(delay))
            update.errorMessage = .set(message)
            update.event = .retrying
        case .fail(let message):
            update.status = .failed
            update.errorMessage = .set(message)
            update.completedAt = date
            update.event = .failed
        case .release:
            requeue(&update, at: date)
            update.attempt = .giveBack
            update.event = .queued
        case .discard:
            return nil
        }
        return update
    }

    /// Cancels one unfinished composition (`id`) or all of them (nil), of `tenant` or of all (nil);
    /// a running job loses its lease, so its worker stops.
    public func cancel(id: UUID?, tenant: String?, at date: Date) -> JobUpdate {
        var update = JobUpdate(target: .unfinished(id: id, tenant: tenant))
        update.status = .cancelled
        update.lease = .drop
        update.updatedAt = date
        update.completedAt = date
        update.event = .cancelled
        return update
    }

    /// A running job whose lease ran out before `date`: its worker stopped. Queued again at once
    /// while the row's own `maxAttempts` allow, else failed.
    public func rescue(_ lease: ExpiredLease, at date: Date) -> JobUpdate {
        var update = JobUpdate(target: .leased(id: lease.id, token: lease.token, expiredBefore: date))
        update.updatedAt = date
        update.lease = .drop
        if lease.attempt >= lease.maxAttempts {
            update.status = .failed
            update.errorMessage = .set("the worker rendering this composition stopped responding \(lease.attempt) times")
            update.completedAt = date
            update.event = .failed
        } else {
            requeue(&update, at: date)
            update.event = .retrying
        }
        return update
    }

    private func requeue(_ update: inout JobUpdate, at runAt: Date) {
        update.status = .queued
        update.stage = .queued
        update.progress = 0
        update.runAt = runAt
        update.wakesWorkers = true
    }
}
