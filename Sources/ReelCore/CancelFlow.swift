import Foundation

/// A cancel through the API, decided once for every driver (River's shape): inside one
/// transaction the flow names the next read or write, the driver performs it and reports what
/// it found, until the flow finishes with an outcome. The drivers keep only their SQL.
public struct CancelFlow: Sendable {
    /// What the driver does next.
    public enum Step: Sendable {
        /// Look for a live answer stored under the request's key; report it to ``found(answer:)``.
        case findAnswer(IdempotencyRecord)
        /// Apply the cancel; report the ids it changed to ``applied(_:)``.
        case apply(JobUpdate)
        /// Store the request's answer under its key; report an answer another request stored
        /// first to ``stored(earlier:)``.
        case storeAnswer(IdempotencyRecord)
        /// Read the cancelled composition; report it to ``read(record:)``.
        case readRecord(UUID)
        /// Read the composition's status, within the tenant; report it (nil when there is no such
        /// composition) to ``read(status:)``.
        case readStatus(UUID, tenant: String?)
        /// Undo the transaction's writes and answer `.replayed` with this answer: another
        /// request with the key stored it first.
        case rollBackAndReplay(IdempotencyRecord)
        /// Commit and answer.
        case finish(CancelOutcome)
    }

    let id: UUID
    let tenant: String?
    let date: Date
    let idempotency: IdempotencyRecord?
    /// Whether the key was looked up again after a cancel that changed nothing.
    var lookedAgain = false

    public init(id: UUID, tenant: String?, at date: Date, idempotency: IdempotencyRecord?) {
        (self.id, self.tenant, self.date, self.idempotency) = (id, tenant, date, idempotency)
    }

    public func start() -> Step {
        idempotency.map { .findAnswer($0) } ?? .apply(cancel)
    }

    public func found(answer: IdempotencyRecord?) -> Step {
        if let answer { return .finish(.replayed(answer)) }
        return lookedAgain ? .readStatus(id, tenant: tenant) : .apply(cancel)
    }

    public mutating func applied(_ changed: [UUID]) -> Step {
        guard changed.isEmpty else { return idempotency.map { .storeAnswer($0) } ?? .readRecord(id) }
        // A concurrent cancel with the same key may have committed while this one waited for the row.
        guard let idempotency else { return .readStatus(id, tenant: tenant) }
        lookedAgain = true
        return .findAnswer(idempotency)
    }

    public func stored(earlier: IdempotencyRecord?) -> Step {
        earlier.map { .rollBackAndReplay($0) } ?? .readRecord(id)
    }

    public func read(record: CompositionRecord) -> Step {
        .finish(.cancelled(record))
    }

    public func read(status: CompositionStatus?) -> Step {
        .finish(status.map { .alreadyFinished($0) } ?? .notFound)
    }

    var cancel: JobUpdate { JobLifecycle().cancel(id: id, tenant: tenant, at: date) }
}
