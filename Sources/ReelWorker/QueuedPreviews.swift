import Foundation
import ReelCore
import ReelRender
import ReelStore

/// Previews for a process that renders none (`REEL_WORKERS=0`): each is handed to a worker's
/// preview slot through the queue and its answer awaited (PostgreSQL `LISTEN`, no polling),
/// within the deadline; with no worker alive, ``PreviewRefusal/noWorker`` at once. The
/// pictures are kept here too, for repeats and for a JSON answer's links.
public final class QueuedPreviews: PreviewRendering {
    public let store: any PreviewQueue & CompositionStore
    public let cache: PreviewCache
    public let timeout: Duration
    /// Previews this process may have waiting on workers at once; more are refused (429).
    public let waiting: Admission
    /// Of those, previews one tenant may have.
    public let tenants: Admission

    /// Seconds without a heartbeat after which a worker counts as gone (it beats every 2 s).
    static let workerSilence: Double = 10

    public init(store: any PreviewQueue & CompositionStore, timeout: Duration, maxWaiting: Int, cacheBytes: Int = 64 << 20) {
        self.store = store
        cache = PreviewCache(maxBytes: cacheBytes)
        self.timeout = timeout
        waiting = Admission(limit: maxWaiting)
        tenants = Admission(limit: max(1, maxWaiting / 2))
    }

    public func cached(_ key: String) -> PreviewImage? { cache.image(key) }

    public func preview(_ task: PreviewTask, tenant: String) async throws -> PreviewAnswer {
        try await PreviewMetrics.measured {
            let key = try task.key(tenant: tenant)
            if let image = cache.image(key) { return PreviewAnswer(image: image, key: key, cached: true) }
            let outcome = try await tenants.run(tenant, refusal: .tenantBusy) {
                try await waiting.run("", refusal: .busy) { try await handOver(task, tenant: tenant) }
            }
            if let image = outcome.image {
                cache.store(image, key: key)
                return PreviewAnswer(image: image, key: key, cached: false)
            }
            if outcome.timedOut { throw PreviewRefusal.timedOut(timeout) }
            throw RenderFailure(outcome.failure ?? "the preview could not be made", transient: outcome.transient)
        }
    }

    /// Queues `task` for a live worker and waits for its outcome within the deadline.
    func handOver(_ task: PreviewTask, tenant: String) async throws -> PreviewOutcome {
        let now = Date()
        guard try await !store.workers(seenSince: now.addingTimeInterval(-Self.workerSilence)).isEmpty else {
            throw PreviewRefusal.noWorker
        }
        let id = UUID()
        // Rows older than any asker waits (an asker that died left them) go as new ones come.
        let abandoned = now.addingTimeInterval(-(timeout.seconds + 60))
        try await store.dropPreviews(nil, olderThan: abandoned)
        try await store.enqueuePreview(
            id: id, tenant: tenant, task: String(decoding: try JSONEncoder().encode(task), as: UTF8.self), at: now)
        do {
            return try await PreviewEngine.within(timeout) { try await self.answer(id) }
        } catch {
            // Given up (the deadline, or the client left): the row goes, even from a cancelled task.
            let store = self.store
            Task { try? await store.dropPreviews(id, olderThan: abandoned) }
            throw error
        }
    }

    /// Waits for preview `id`'s outcome: woken by its worker's notice, looking again every
    /// ``PreviewQueue/previewPoll`` in case a notice was missed.
    func answer(_ id: UUID) async throws -> PreviewOutcome {
        while true {
            let generation = store.previewsFinished.generation
            if let text = try await store.takePreviewOutcome(id) {
                return try JSONDecoder().decode(PreviewOutcome.self, from: Data(text.utf8))
            }
            try Task.checkCancellation()
            await store.previewsFinished.wait(after: generation, timeout: store.previewPoll)
        }
    }
}
