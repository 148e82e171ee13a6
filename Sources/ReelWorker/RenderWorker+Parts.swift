import CoreMetrics
import Foundation
import Logging
import ReelCore
import ReelRender
import ReelStore
import Synchronization

extension RenderWorker {
    /// Renders one part held under a lease: a heartbeat renews it and saves progress (and stops
    /// ffmpeg when the part or its composition is gone); the outcome is decided by
    /// ``JobLifecycle`` like a composition's, and written with the lease token as guard.
    func processPart(_ claimed: ClaimedPart, parts: any PartQueue) async {
        var logger = self.logger
        logger[metadataKey: "composition_id"] = "\(claimed.part.compositionID.uuidString.lowercased())"
        logger[metadataKey: "part"] = "\(claimed.part.isAudio ? "audio" : String(claimed.part.position))"
        logger[metadataKey: "attempt"] = "\(claimed.attempt)"
        logger.info("part started")
        let latest = PartProgress()
        let renderer = self.renderer
        let configuration = self.configuration
        let outcome = await whileLeased(logger: logger) {
            try await renderer.renderPart(claimed.part) { latest.value = $0 }
        } renew: {
            let held = try? await parts.heartbeatPart(claimed, progress: latest.value, leaseSeconds: configuration.leaseSeconds, at: Date())
            return held != false
        }
        var completion: PartCompletion?
        if case .done(let done) = outcome { completion = done }
        let action = JobLifecycle(policy: configuration.retryPolicy).action(
            for: outcome.event, attempt: claimed.attempt, maxAttempts: claimed.part.maxAttempts, random: Double.random(in: 0..<1))
        Counter(label: "reel_render_parts_total", dimensions: [("outcome", Self.name(of: action))]).increment()
        do {
            try await parts.recordPart(claimed, action: action, done: completion, at: Date())
        } catch {
            logger.error("could not record the part's outcome", metadata: ["error": "\(error)"])
        }
        logger.info("part \(Self.name(of: action))", metadata: ["seconds": "\(completion?.seconds ?? 0)"])
    }

    /// How `reel_renders_total` and `reel_render_parts_total` name an outcome.
    static func name(of action: JobLifecycle.Action) -> String {
        switch action {
        case .complete: "completed"
        case .retry: "retried"
        case .fail: "failed"
        case .release: "released"
        case .discard: "abandoned"
        }
    }

    /// Queues a composition's parts and renders them here as well (its own first) until every
    /// one is done; meanwhile reports their progress weighted by length, every 250 ms; throws
    /// when one failed for good.
    func distribute(
        _ queued: [RenderPart], of composition: UUID, parts: any PartQueue, progress: @escaping @Sendable (Double) -> Void
    ) async throws -> [RenderPartRecord] {
        try await parts.enqueueParts(queued, at: Date())
        let keys = Set(queued.map(\.key))
        let worker = "\(configuration.workerID)/\(composition.uuidString.prefix(8))"
        return try await withThrowingTaskGroup(of: [RenderPartRecord]?.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    if let claimed = try await parts.claimPart(
                        worker: worker, leaseSeconds: configuration.leaseSeconds, composition: composition, at: Date())
                    {
                        await processPart(claimed, parts: parts)
                    } else {
                        try await Task.sleep(for: .milliseconds(200))
                    }
                }
                return nil
            }
            group.addTask {
                while true {
                    let records = try await parts.parts(of: composition).filter { keys.contains($0.key) }
                    let total = max(records.map(\.duration).reduce(0, +), 0.001)
                    progress(records.map { $0.duration * $0.progress }.reduce(0, +) / total)
                    if let failed = records.first(where: { $0.status == .failed }) {
                        let which = failed.position == RenderPart.audioPosition ? "the audio pass" : "segment \(failed.position)"
                        throw RenderFailure("\(which) failed: \(failed.errorMessage ?? "no message")")
                    }
                    if records.count == keys.count, records.allSatisfy({ $0.status == .done }) { return records }
                    try await Task.sleep(for: .milliseconds(250))
                }
            }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let records = next { return records }
            }
            throw CancellationError()
        }
    }
}

/// A part's latest progress, set by its render and read by its heartbeat.
final class PartProgress: Sendable {
    private let state = Mutex(0.0)

    var value: Double {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}
