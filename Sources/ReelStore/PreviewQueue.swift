import Foundation
import ReelCore

/// Previews asked of a process that renders none (an API-only process), handed to a worker's
/// preview slot and answered back through the database: a row is queued, taken by one worker,
/// finished with its outcome (wakes the asker in any process), read once and removed.
public protocol PreviewQueue: Sendable {
    /// Signalled when a preview is finished (in this process, or heard through PostgreSQL).
    var previewsFinished: WakeSignal { get }
    /// Signalled when a preview is queued (in this process, or heard by PostgreSQL's listening processes).
    var previewsQueued: WakeSignal { get }
    /// How often an asker looks again without a signal: where one process cannot hear another (SQLite).
    var previewPoll: Duration { get }
    /// Queues `task` (JSON: what to render) for `tenant` and wakes idle preview slots.
    func enqueuePreview(id: UUID, tenant: String, task: String, at date: Date) async throws
    /// The oldest preview queued since `since` (older ones were given up), now `worker`'s.
    func claimPreview(worker: String, since: Date, at date: Date) async throws -> (id: UUID, tenant: String, task: String)?
    /// Records the outcome (JSON: the pictures, or a failure) of a claimed preview and wakes its asker.
    func finishPreview(_ id: UUID, outcome: String, at date: Date) async throws
    /// The outcome of a finished preview, removing it; nil while it is queued or running.
    func takePreviewOutcome(_ id: UUID) async throws -> String?
    /// Removes a preview its asker gave up on, and any left older than `before` (an asker that died).
    func dropPreviews(_ id: UUID?, olderThan before: Date) async throws
}
