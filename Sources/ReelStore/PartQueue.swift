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
    /// Running parts whose lease expired before `date`, oldest first.
    func expiredParts(at date: Date, limit: Int) async throws -> [ExpiredLease]
    /// Applies a rescue's change to a part still held by the expired lease; false when it moved
    /// on meanwhile. Wakes idle workers when the part is queued again.
    func applyRescue(_ change: PartChange, to lease: ExpiredLease, at date: Date) async throws -> Bool
    /// Removes the composition's parts (after its stitch); with nil, the parts of every
    /// composition that is no longer being rendered.
    func removeParts(of composition: UUID?) async throws
}

extension PartQueue {
    /// Re-queues or fails (by each part's `max_attempts`, as ``PartChange/rescue(attempt:maxAttempts:)``
    /// decides) parts whose lease expired; returns how many.
    public func rescueExpiredParts(at date: Date) async throws -> Int {
        var rescued = 0
        for lease in try await expiredParts(at: date, limit: 100) {
            let change = PartChange.rescue(attempt: lease.attempt, maxAttempts: lease.maxAttempts)
            if try await applyRescue(change, to: lease, at: date) { rescued += 1 }
        }
        return rescued
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
