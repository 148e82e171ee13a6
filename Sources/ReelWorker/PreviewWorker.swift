import Foundation
import Logging
import ReelCore
import ReelRender
import ReelStore
import ServiceLifecycle

/// A worker process's preview slots taking previews from the queue — asked of a process that
/// renders none — and writing back what they made. It renders through the process's own
/// ``PreviewEngine``, so its slots, deadline and cache are the ones local previews use.
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
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                for slot in 0..<engine.gate.slots {
                    group.addTask { await self.loop(worker: "\(workerID)/preview\(slot)") }
                }
            }
        }
    }

    func loop(worker: String) async {
        while !Task.isCancelled {
            let generation = queue.wakeups.generation
            do {
                if let (id, task) = try await queue.claimPreview(worker: worker, at: Date()) {
                    let outcome = await make(task)
                    try await queue.finishPreview(
                        id, outcome: String(decoding: try JSONEncoder().encode(outcome), as: UTF8.self), at: Date())
                    continue
                }
            } catch {
                logger.error("taking a preview failed", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
            await queue.wakeups.wait(after: generation, timeout: queue.idlePoll)
        }
    }

    /// The outcome of one task (JSON of ``PreviewTask``).
    func make(_ task: String) async -> PreviewOutcome {
        do {
            let task = try JSONDecoder().decode(PreviewTask.self, from: Data(task.utf8))
            return PreviewOutcome(image: try await engine.preview(task, tenant: "queue").image)
        } catch let failure as RenderFailure {
            return PreviewOutcome(failure: failure.message, transient: failure.isTransient)
        } catch PreviewRefusal.timedOut {
            return PreviewOutcome(failure: "the preview took too long", timedOut: true)
        } catch {
            return PreviewOutcome(failure: "the preview could not be made", transient: true)
        }
    }
}
