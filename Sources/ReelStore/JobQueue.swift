import Foundation
import ReelCore

/// A job a worker holds under a lease.
public struct ClaimedJob: Sendable, Hashable {
    public var id: UUID
    /// Proves ownership: every write of the worker checks it.
    public var token: String
    public var attempt: Int
    public var request: CompositionRequest
    /// When the job became claimable (queued, or its retry delay over): the queue wait ends at the claim.
    public var readyAt: Date
    /// The id of the HTTP request that created the composition, for the worker's log lines.
    public var requestID: String?
    /// The row's own limit: a transient failure on this attempt retries only below it.
    public var maxAttempts: Int

    public init(
        id: UUID, token: String, attempt: Int, request: CompositionRequest, readyAt: Date, requestID: String? = nil,
        maxAttempts: Int = RetryPolicy().maxAttempts
    ) {
        self.id = id
        self.token = token
        self.attempt = attempt
        self.request = request
        self.readyAt = readyAt
        self.requestID = requestID
        self.maxAttempts = maxAttempts
    }
}

/// Whether a worker still owns its job.
public enum LeaseState: Sendable, Hashable {
    case held
    /// Cancelled, deleted, or rescued and handed to another worker.
    case lost
}

/// The job queue over the same rows as ``CompositionStore``. Every change is decided by
/// ``JobLifecycle`` as a ``JobUpdate``; a driver only applies it — one statement, and with the
/// update's event, the event row in the same transaction — so the drivers cannot drift apart.
public protocol JobQueue: Sendable {
    /// Applies a claim (``JobUpdate/Target/next(readyBy:)``): the job it took, if one was ready.
    func claim(_ update: JobUpdate) async throws -> ClaimedJob?
    /// Applies `update` to the rows its target names; returns the ids it changed.
    @discardableResult
    func apply(_ update: JobUpdate) async throws -> [UUID]
    /// Running jobs whose lease ran out before `date`, at most `limit`.
    func expiredLeases(before date: Date, limit: Int) async throws -> [ExpiredLease]
    /// Whether the composition still exists (a worker that lost its lease tells deletion from takeover).
    func exists(_ id: UUID) async throws -> Bool
    /// Resolves once a job may be waiting; `after` is the generation read before the last empty claim.
    var wakeups: WakeSignal { get }
    /// Longest wait of an idle worker between claims when no wake-up arrives.
    var idlePoll: Duration { get }
    /// Records that a worker process is alive (inserted or refreshed).
    func beat(_ worker: WorkerHeartbeat) async throws
    /// Forgets a worker that stopped gracefully.
    func retire(worker id: String) async throws
}

extension JobQueue {
    /// Claims the next runnable job for `worker` under a new lease.
    public func claim(worker: String, leaseSeconds: Double, at date: Date) async throws -> ClaimedJob? {
        try await claim(JobLifecycle().claim(worker: worker, token: UUID().uuidString.lowercased(), leaseSeconds: leaseSeconds, at: date))
    }

    /// Renews the job's lease and records its progress; `lost` once it was cancelled, deleted or taken over.
    public func heartbeat(_ job: ClaimedJob, progress: ProgressUpdate?, leaseSeconds: Double, at date: Date) async throws -> LeaseState {
        let update = JobLifecycle().heartbeat(id: job.id, token: job.token, progress: progress, leaseSeconds: leaseSeconds, at: date)
        return try await apply(update).isEmpty ? .lost : .held
    }

    /// Applies what `lifecycle` decides for `action` on `job`; `lost` when the worker no longer owned it.
    public func record(
        _ action: JobLifecycle.Action, of job: ClaimedJob, result: RenderResult? = nil, at date: Date
    ) async throws
        -> LeaseState
    {
        guard let update = JobLifecycle().update(for: action, id: job.id, token: job.token, result: result, at: date) else {
            return .lost
        }
        return try await apply(update).isEmpty ? .lost : .held
    }

    /// Re-queues or fails (by each row's own `max_attempts`) running jobs whose lease expired; returns how many.
    public func rescueExpired(at date: Date) async throws -> Int {
        var rescued = 0
        for lease in try await expiredLeases(before: date, limit: 100) {
            rescued += try await apply(JobLifecycle().rescue(lease, at: date)).count
        }
        return rescued
    }
}
