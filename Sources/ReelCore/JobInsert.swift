import Foundation

/// A new composition's row and its first event, decided by ``JobLifecycle/insert(_:)``: a
/// driver binds these values in its `INSERT` and records ``event`` in the same transaction; its
/// SQL decides nothing (no status or counter written as a literal).
public struct JobInsert: Sendable, Hashable {
    public var record: CompositionRecord
    public var status: CompositionStatus
    public var stage: RenderStage
    public var progress: Double
    /// Attempts made so far: a claim starts the first.
    public var attempt: Int
    /// When the job may first be claimed.
    public var runAt: Date
    /// The queue order within a status: `high` before `default` before `low`.
    public var priorityRank: Int
    public var event: CompositionEvent.Kind
    /// Whether idle workers should look (a queued job is claimable at once).
    public var wakesWorkers: Bool
}

extension JobLifecycle {
    /// How `record` enters the queue: queued at once, nothing attempted, in its priority.
    public func insert(_ record: CompositionRecord) -> JobInsert {
        JobInsert(
            record: record, status: .queued, stage: .queued, progress: 0, attempt: 0, runAt: record.createdAt,
            priorityRank: record.request.priority.rank, event: .queued, wakesWorkers: true)
    }
}
