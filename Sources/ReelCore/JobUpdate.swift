import Foundation

/// One change to composition jobs, decided by ``JobLifecycle`` and applied by a store driver as
/// one `UPDATE` (and, with an ``event``, the event row in the same transaction). The driver
/// only translates fields to columns: every value is decided here. A nil field keeps its column.
public struct JobUpdate: Sendable, Hashable {
    /// The rows the change may touch.
    public enum Target: Sendable, Hashable {
        /// The next claimable job: queued, ready by `readyBy`, `high` before `default` before
        /// `low`, FIFO within each.
        case next(readyBy: Date)
        /// The running job whose lease `token` holds; with `expiredBefore`, only while that lease
        /// ran out before then (a rescue must not take a job whose worker just renewed it).
        case leased(id: UUID, token: String, expiredBefore: Date? = nil)
        /// Compositions not finished yet (pending, queued, processing): one, or all with a nil
        /// `id`; of `tenant`, or of every tenant with nil.
        case unfinished(id: UUID?, tenant: String?)
    }

    /// How the attempt counter moves.
    public enum Attempt: Sendable, Hashable {
        case keep
        /// A claim starts the next attempt.
        case next
        /// A released job's attempt does not count.
        case giveBack
    }

    /// What happens to the lease.
    public enum Lease: Sendable, Hashable {
        case keep
        case grant(token: String, worker: String, until: Date)
        case renew(until: Date)
        case drop
    }

    /// What happens to the stored error message.
    public enum Message: Sendable, Hashable {
        case keep
        case clear
        case set(String)
    }

    public var target: Target
    public var status: CompositionStatus?
    public var stage: RenderStage?
    public var progress: Double?
    public var stages: [StageState]?
    public var errorMessage: Message = .keep
    public var result: RenderResult?
    public var runAt: Date?
    public var attempt: Attempt = .keep
    public var lease: Lease = .keep
    /// Set only where the column is still empty (the first claim).
    public var startedAt: Date?
    public var completedAt: Date?
    public var updatedAt: Date?
    /// The event the change records; nil for a heartbeat.
    public var event: CompositionEvent.Kind?
    /// Whether the job is claimable afterwards, so idle workers should look.
    public var wakesWorkers = false

    public init(target: Target) {
        self.target = target
    }
}
