import Foundation
import ReelCore

/// The parts of segmented renders (``RenderPart``) as jobs beside the compositions: leased,
/// renewed, rescued when their worker dies, retried alone. A part is claimable only while its
/// composition is being rendered (or queued to be again), so cancelling or deleting the
/// composition stops its parts at their next heartbeat.
public protocol PartQueue: Sendable {
    /// Adds `parts`, skipping one already there for the same composition and key (a rescued
    /// composition's new worker finds the parts the last one queued); wakes idle workers.
    func enqueueParts(_ parts: [RenderPart], at date: Date) async throws
    /// The next ready part — of `composition` only, when given — leased to `worker`.
    func claimPart(worker: String, leaseSeconds: Double, composition: UUID?, at date: Date) async throws -> ClaimedPart?
    /// Renews the lease and records progress; false once the part was taken over or its
    /// composition is no longer being rendered.
    func heartbeatPart(_ part: ClaimedPart, progress: Double, leaseSeconds: Double, at date: Date) async throws -> Bool
    /// Applies `action` (decided by ``JobLifecycle``) to a held part; `done` describes a completed one.
    func recordPart(_ part: ClaimedPart, action: JobLifecycle.Action, done: PartCompletion?, at date: Date) async throws
    /// The composition's parts: segments in order, then the audio pass.
    func parts(of composition: UUID) async throws -> [RenderPartRecord]
    /// Re-queues or fails (by each part's `max_attempts`) parts whose lease expired; returns how many.
    func rescueExpiredParts(at date: Date) async throws -> Int
    /// Removes the composition's parts (after its stitch); with nil, the parts of every
    /// composition that is no longer being rendered.
    func removeParts(of composition: UUID?) async throws
}

/// How a part's row changes for a ``JobLifecycle/Action``: both drivers apply these values.
struct PartChange: Sendable {
    var status: RenderPartRecord.Status
    /// Added to the attempt count (a release gives the attempt back).
    var attemptDelta: Int
    var readyAfter: Double?
    var errorMessage: String?

    init?(_ action: JobLifecycle.Action) {
        switch action {
        case .complete: self.init(status: .done, attemptDelta: 0)
        case .retry(let after, let message): self.init(status: .queued, attemptDelta: 0, readyAfter: after, errorMessage: message)
        case .fail(let message): self.init(status: .failed, attemptDelta: 0, errorMessage: message)
        case .release: self.init(status: .queued, attemptDelta: -1, readyAfter: 0)
        case .discard: return nil
        }
    }

    init(status: RenderPartRecord.Status, attemptDelta: Int, readyAfter: Double? = nil, errorMessage: String? = nil) {
        self.status = status
        self.attemptDelta = attemptDelta
        self.readyAfter = readyAfter
        self.errorMessage = errorMessage
    }

    /// What a rescue does to a part whose worker stopped renewing its lease.
    static func rescue(attempt: Int, maxAttempts: Int) -> PartChange {
        attempt >= maxAttempts
            ? PartChange(
                status: .failed, attemptDelta: 0,
                errorMessage: "the worker rendering a segment stopped responding \(attempt) times")
            : PartChange(status: .queued, attemptDelta: 0, readyAfter: 0)
    }
}

extension RenderPart {
    /// The step as stored in a part's row.
    var stepJSON: String {
        (try? JSONEncoder().encode(step)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    static func step(json: String) -> PortableStep? {
        try? JSONDecoder().decode(PortableStep.self, from: Data(json.utf8))
    }
}
