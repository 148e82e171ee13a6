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

    public init(id: UUID, token: String, attempt: Int, request: CompositionRequest, readyAt: Date, requestID: String? = nil) {
        self.id = id
        self.token = token
        self.attempt = attempt
        self.request = request
        self.readyAt = readyAt
        self.requestID = requestID
    }
}

/// Progress to record with a heartbeat.
public struct ProgressUpdate: Sendable, Hashable {
    public var stage: RenderStage
    public var overall: Double
    public var stages: [StageState]

    public init(stage: RenderStage, overall: Double, stages: [StageState]) {
        self.stage = stage
        self.overall = overall
        self.stages = stages
    }
}

/// Whether a worker still owns its job.
public enum LeaseState: Sendable, Hashable {
    case held
    /// Cancelled, deleted, or rescued and handed to another worker.
    case lost
}

/// The job queue over the same rows as ``CompositionStore``: claims under a lease,
/// heartbeats, and the ends of a job, each checking the lease token.
public protocol JobQueue: Sendable {
    /// Claims the next runnable job: `high` before `default` before `low`, FIFO within each.
    func claim(worker: String, leaseSeconds: Double, at date: Date) async throws -> ClaimedJob?
    /// Whether the composition still exists (a worker that lost its lease tells deletion from takeover).
    func exists(_ id: UUID) async throws -> Bool
    /// Renews the lease and records progress.
    func heartbeat(
        _ job: ClaimedJob, progress: ProgressUpdate?, leaseSeconds: Double, at date: Date
    ) async throws
        -> LeaseState
    func complete(_ job: ClaimedJob, result: RenderResult, at date: Date) async throws -> LeaseState
    /// Schedules another attempt at `runAt`, keeping the message for `/status`.
    func retry(_ job: ClaimedJob, message: String, runAt: Date, at date: Date) async throws -> LeaseState
    func fail(_ job: ClaimedJob, message: String, at date: Date) async throws -> LeaseState
    /// Hands the job back without counting the attempt (graceful shutdown).
    func release(_ job: ClaimedJob, at date: Date) async throws
    /// Re-queues running jobs whose lease expired (fails them after `maxAttempts`); returns how many.
    func rescueExpired(at date: Date, maxAttempts: Int) async throws -> Int
    /// Resolves once a job may be waiting; `after` is the generation read before the last empty claim.
    var wakeups: WakeSignal { get }
    /// Longest wait of an idle worker between claims when no wake-up arrives.
    var idlePoll: Duration { get }
    /// Records that a worker process is alive (inserted or refreshed).
    func beat(_ worker: WorkerHeartbeat) async throws
    /// Forgets a worker that stopped gracefully.
    func retire(worker id: String) async throws
}
