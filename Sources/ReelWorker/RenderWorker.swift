import CoreMetrics
import Foundation
import Logging
import ReelCore
import ReelObjects
import ReelRender
import ReelStore
import ServiceLifecycle
import Synchronization

/// Claims jobs and renders them, `concurrency` at a time. While a job renders, a heartbeat
/// renews its lease, saves progress and notices cancellation (stopping ffmpeg within a second).
/// On graceful shutdown running jobs are handed back to the queue for the next start.
public struct RenderWorker: Service {
    public var queue: any JobQueue
    public var renderer: CompositionRenderer
    /// Where rendered files are stored.
    public var objects: any ObjectStore
    /// Where segmented renders queue their parts for any worker; nil renders them in place.
    public var parts: (any PartQueue)?
    public var configuration: WorkerConfiguration
    public var logger: Logger

    public init(
        queue: any JobQueue, renderer: CompositionRenderer, objects: any ObjectStore, configuration: WorkerConfiguration, logger: Logger
    ) {
        self.queue = queue
        self.renderer = renderer
        self.objects = objects
        self.configuration = configuration
        self.logger = logger
    }

    public func run() async throws {
        guard configuration.concurrency > 0 else { return }
        try? FileManager.default.createDirectory(at: renderer.scratchRoot, withIntermediateDirectories: true)
        let busy = BusyCounter()
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.beat(busy: busy) }
                for slot in 0..<configuration.concurrency {
                    group.addTask { await self.loop(slot: slot, busy: busy) }
                }
            }
        }
        try? await queue.retire(worker: configuration.workerID)
    }

    /// Tells the store this process is alive every `workerBeatInterval`, for `/health/detailed`.
    func beat(busy: BusyCounter) async {
        let started = Date()
        while !Task.isCancelled {
            let heartbeat = WorkerHeartbeat(
                id: configuration.workerID,
                slots: configuration.concurrency,
                busy: busy.value,
                startedAt: started,
                lastSeenAt: Date()
            )
            do {
                try await queue.beat(heartbeat)
            } catch {
                logger.warning("worker heartbeat failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: configuration.workerBeatInterval)
        }
    }

    func loop(slot: Int, busy: BusyCounter) async {
        let worker = "\(configuration.workerID)/\(slot)"
        while !Task.isCancelled {
            let generation = queue.wakeups.generation
            do {
                let now = Date()
                if let parts,
                    let part = try await parts.claimPart(
                        worker: worker, leaseSeconds: configuration.leaseSeconds, composition: nil, at: now)
                {
                    busy.add(1)
                    await processPart(part, parts: parts)
                    busy.add(-1)
                    continue
                }
                if let job = try await queue.claim(worker: worker, leaseSeconds: configuration.leaseSeconds, at: now) {
                    CoreMetrics.Timer(label: "reel_queue_wait_seconds", dimensions: [("priority", job.request.priority.rawValue)])
                        .recordNanoseconds(Int64(clamping: max(0, now.timeIntervalSince(job.readyAt)) * 1e9))
                    busy.add(1)
                    await process(job)
                    busy.add(-1)
                    continue
                }
            } catch {
                logger.error("claiming a job failed", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
            await queue.wakeups.wait(after: generation, timeout: configuration.pollInterval)
        }
    }

    func process(_ job: ClaimedJob) async {
        var logger = self.logger
        logger[metadataKey: "composition_id"] = "\(job.id.uuidString.lowercased())"
        if let requestID = job.requestID { logger[metadataKey: "request_id"] = "\(requestID)" }
        logger[metadataKey: "attempt"] = "\(job.attempt)"
        logger.info("rendering")
        let latest = ProgressMailbox()
        let outcome = await whileLeased(logger: logger) {
            let started = ContinuousClock.now
            var shared: CompositionRenderer.Distribute?
            if let parts {
                shared = { queued, progress in try await distribute(queued, of: job.id, parts: parts, progress: progress) }
            }
            let result = try await renderer.render(
                id: job.id, request: job.request, progress: { stage, fraction in latest.post(stage: stage, fraction: fraction) },
                distribute: shared, deliver: { files in try await store(files, of: job, started: started, progress: latest) })
            try? await parts?.removeParts(of: job.id)
            return result
        } renew: {
            let state = try? await queue.heartbeat(job, progress: latest.take(), leaseSeconds: configuration.leaseSeconds, at: Date())
            return state != .lost
        }
        await finish(job, outcome: outcome, logger: logger)
    }

    /// How work held under a lease ended.
    enum Leased<Value: Sendable>: Sendable {
        case done(Value)
        case failed(RenderFailure)
        /// Cancelled, deleted or taken over: the lease is gone.
        case lost
        /// This process is stopping.
        case stopped

        /// What ``JobLifecycle`` decides on.
        var event: JobLifecycle.Event {
            switch self {
            case .done: .succeeded
            case .failed(let failure): .failed(failure)
            case .lost: .lostLease
            case .stopped: .shutdown
            }
        }
    }

    /// Runs `work` while `renew` keeps its lease every heartbeat interval (false: the lease is
    /// lost, and `work` is cancelled, stopping its ffmpeg within a second).
    func whileLeased<Value: Sendable>(
        logger: Logger, work: @escaping @Sendable () async throws -> Value, renew: @escaping @Sendable () async -> Bool
    ) async -> Leased<Value> {
        let configuration = self.configuration
        return await withTaskGroup(of: Leased<Value>?.self) { group in
            group.addTask {
                do {
                    return .done(try await work())
                } catch let failure as RenderFailure {
                    return Task.isCancelled ? .stopped : .failed(failure)
                } catch is CancellationError {
                    return .stopped
                } catch {
                    // The detail goes to the log; the composition's error_message stays free of internals.
                    logger.error("render failed", metadata: ["error": "\(error)"])
                    return Task.isCancelled ? .stopped : .failed(RenderFailure("render failed: an internal error occurred"))
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: configuration.heartbeatInterval)
                    if Task.isCancelled { break }
                    if await renew() == false { return .lost }
                }
                return nil
            }
            var outcome: Leased<Value> = .stopped
            while let next = await group.next() {
                if let next {
                    outcome = next
                    break
                }
            }
            group.cancelAll()
            return outcome
        }
    }

    /// Counts a render by how it ended and times the ones that produced a file.
    func count(_ job: ClaimedJob, outcome: Leased<RenderResult>, action: JobLifecycle.Action) {
        let format = job.request.output.format.rawValue
        if case .done(let result) = outcome {
            CoreMetrics.Timer(label: "reel_render_duration_seconds", dimensions: [("format", format)]).recordNanoseconds(
                Int64(clamping: result.processingSeconds * 1e9))
        }
        Counter(label: "reel_renders_total", dimensions: [("outcome", Self.name(of: action)), ("format", format)]).increment()
    }

    func finish(_ job: ClaimedJob, outcome: Leased<RenderResult>, logger: Logger) async {
        let lifecycle = JobLifecycle(policy: configuration.retryPolicy)
        var result: RenderResult?
        if case .done(let rendered) = outcome { result = rendered }
        let action = lifecycle.action(
            for: outcome.event, attempt: job.attempt, maxAttempts: job.maxAttempts, random: Double.random(in: 0..<1))
        count(job, outcome: outcome, action: action)
        for attempt in 1...30 {
            do {
                try await record(action, of: job, result: result, logger: logger)
                return
            } catch let error as ReelError where error.kind == .unavailable && attempt < 30 && action != JobLifecycle.Action.release {
                logger.warning("the database is unavailable; recording the outcome again shortly", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            } catch {
                logger.error("could not record the job's outcome", metadata: ["error": "\(error)"])
                return
            }
        }
    }

    /// Writes what `action` says to the queue (its event, and any webhook, go with it).
    func record(_ action: JobLifecycle.Action, of job: ClaimedJob, result: RenderResult?, logger: Logger) async throws {
        let now = Date()
        switch action {
        case .complete:
            if try await queue.record(action, of: job, result: result, at: now) == .held {
                logger.info("completed", metadata: ["seconds": "\(result?.processingSeconds ?? 0)"])
            } else if try await !queue.exists(job.id) {
                // Deleted while it rendered: the delete removed the files it found, this upload came after.
                try? await objects.delete(prefix: ObjectKeys.outputPrefix(job.id))
                logger.info("the composition was deleted while it rendered; its output was removed")
            } else {
                logger.info("finished a job this worker no longer owns; result discarded")
            }
        case .retry(let delay, let message):
            logger.warning("transient failure, retrying", metadata: ["in": "\(delay)", "error": "\(message)"])
            _ = try await queue.record(action, of: job, at: now)
        case .fail(let message):
            logger.warning("failed", metadata: ["error": "\(message)"])
            _ = try await queue.record(action, of: job, at: now)
        case .release:
            logger.info("stopping: job handed back to the queue")
            _ = try await queue.record(action, of: job, at: now)
        case .discard:
            logger.info("cancelled or taken over: render stopped")
        }
    }
}

/// Jobs rendering in this process right now, reported by the worker heartbeat.
final class BusyCounter: Sendable {
    private let count = Mutex(0)

    func add(_ delta: Int) {
        count.withLock { $0 += delta }
        Meter(label: "reel_worker_slots_busy").increment(by: Double(delta))
    }

    var value: Int { count.withLock { $0 } }
}

/// The latest progress of a render, posted by the renderer and taken by the heartbeat.
final class ProgressMailbox: Sendable {
    private let state = Mutex<ProgressUpdate?>(nil)

    func post(stage: RenderStage, fraction: Double) {
        let update = ProgressUpdate(
            stage: stage,
            overall: stage.overall(fraction),
            stages: RenderStage.initialStages(current: stage, fraction: fraction)
        )
        state.withLock { $0 = update }
    }

    func take() -> ProgressUpdate? {
        state.withLock { value in
            defer { value = nil }
            return value
        }
    }
}
