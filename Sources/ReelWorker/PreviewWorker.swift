import Foundation
import Logging
import ReelCore
import ReelRender
import ReelStore
import ServiceLifecycle

/// A worker process's preview slots taking previews from the queue — asked of a process that
/// renders none — and writing back what they made. It renders through the process's own
/// ``PreviewEngine``, so its slots, deadline, tenants' bounds and cache are the ones local
/// previews use. On graceful shutdown it takes no more and finishes the ones it holds.
public struct PreviewWorker: Service {
    public var queue: any PreviewQueue & JobQueue
    public var engine: PreviewEngine
    /// Identifies this process in the rows it takes.
    public var workerID: String
    public var logger: Logger

    public init(queue: any PreviewQueue & JobQueue, engine: PreviewEngine, workerID: String, logger: Logger) {
        self.queue = queue
        self.engine = engine
        self.workerID = workerID
        self.logger = logger
    }

    public func run() async throws {
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                for slot in 0..<engine.gate.slots {
                    group.addTask { await self.loop(worker: "\(workerID)/preview\(slot)") }
                }
            }
        } onGracefulShutdown: {
            queue.previewsQueued.signal()
        }
    }

    func loop(worker: String) async {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let generation = queue.previewsQueued.generation
            do {
                // A preview queued longer ago than the deadline has been given up by its asker.
                let since = Date().addingTimeInterval(-engine.timeout.seconds)
                if let (id, tenant, task) = try await queue.claimPreview(worker: worker, since: since, at: Date()) {
                    let outcome = await make(task, tenant: tenant, until: ContinuousClock.now + engine.timeout)
                    try await queue.finishPreview(
                        id, outcome: String(decoding: try JSONEncoder().encode(outcome), as: UTF8.self), at: Date())
                    continue
                }
            } catch {
                logger.error("taking a preview failed", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
            await queue.previewsQueued.wait(after: generation, timeout: queue.idlePoll)
        }
    }

    /// The outcome of one task (JSON of ``PreviewTask``). While this process's own previews fill
    /// its slots and line, it tries again until `deadline`.
    func make(_ task: String, tenant: String, until deadline: ContinuousClock.Instant) async -> PreviewOutcome {
        do {
            let task = try JSONDecoder().decode(PreviewTask.self, from: Data(task.utf8))
            while true {
                do {
                    return PreviewOutcome(image: try await engine.preview(task, tenant: tenant).image)
                } catch PreviewRefusal.busy where ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(50))
                } catch PreviewRefusal.tenantBusy where ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
        } catch let failure as RenderFailure {
            return PreviewOutcome(failure: failure.message, transient: failure.isTransient)
        } catch PreviewRefusal.timedOut {
            return PreviewOutcome(failure: "the preview took too long", timedOut: true)
        } catch {
            return PreviewOutcome(failure: "the preview could not be made", transient: true)
        }
    }
}
