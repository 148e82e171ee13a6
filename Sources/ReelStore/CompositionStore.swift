import Foundation
import ReelCore

/// One page of a composition listing.
public struct CompositionPage: Sendable {
    public var items: [CompositionRecord]
    public var total: Int

    public init(items: [CompositionRecord], total: Int) {
        self.items = items
        self.total = total
    }
}

/// What a cancel request did.
public enum CancelOutcome: Sendable {
    case cancelled(CompositionRecord)
    case alreadyFinished(CompositionStatus)
    case notFound
}

/// Queue and status counts for health checks and metrics.
public struct QueueStats: Sendable, Hashable {
    /// Queued jobs per priority (jobs waiting for a retry included).
    public var queued: [Priority: Int]
    public var byStatus: [CompositionStatus: Int]

    public init(queued: [Priority: Int], byStatus: [CompositionStatus: Int]) {
        self.queued = queued
        self.byStatus = byStatus
    }

    public var depth: Int { queued.values.reduce(0, +) }
}

/// Durable state of compositions. `insert` stores a composition and enqueues its job in
/// one transaction, so a stored composition is always queued.
public protocol CompositionStore: Sendable {
    /// Creates or upgrades the schema. Safe to run from several processes at once.
    func migrate() async throws
    /// Stores a new composition as `queued`. Throws `queue_full` when `maxQueued` jobs wait.
    func insert(_ record: CompositionRecord, maxQueued: Int?) async throws
    func fetch(_ id: UUID) async throws -> CompositionRecord?
    /// The progress columns alone (for `/status`, the hottest read).
    func fetchProgress(_ id: UUID) async throws -> CompositionProgress?
    /// Newest first.
    func list(status: CompositionStatus?, offset: Int, limit: Int) async throws -> CompositionPage
    /// Removes a composition; returns it so its objects can be removed too.
    func delete(_ id: UUID) async throws -> CompositionRecord?
    /// Cancels a queued or running composition; a running job loses its lease.
    func cancel(_ id: UUID, at date: Date) async throws -> CancelOutcome
    /// Cancels every queued and running composition; returns their IDs.
    func cancelAll(at date: Date) async throws -> [UUID]
    func stats() async throws -> QueueStats
    /// Throws when the database cannot answer.
    func ping() async throws
    /// Render workers whose last heartbeat is not older than `since`.
    func workers(seenSince since: Date) async throws -> [WorkerHeartbeat]
}
