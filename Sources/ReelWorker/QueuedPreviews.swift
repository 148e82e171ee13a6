import Foundation
import ReelCore
import ReelRender
import ReelStore
import Synchronization

/// Previews for a process that renders none (`REEL_WORKERS=0`): each is handed to a worker's
/// preview slot through the queue and its answer awaited (PostgreSQL `LISTEN`, no polling),
/// within the deadline; with no worker alive, ``PreviewRefusal/noWorker`` at once. The
/// pictures are kept here too, for repeats and for a JSON answer's links.
public final class QueuedPreviews: PreviewRendering {
    public let store: any PreviewQueue & CompositionStore
    public let cache: PreviewCache
    public let timeout: Duration
    /// Previews this process may have waiting on workers at once; more are refused (429).
    public let maxWaiting: Int
    private let waiting = Mutex(0)

    /// Seconds without a heartbeat after which a worker counts as gone (it beats every 2 s).
    static let workerSilence: Double = 10

    public init(store: any PreviewQueue & CompositionStore, timeout: Duration, maxWaiting: Int, cacheBytes: Int = 64 << 20) {
        self.store = store
        cache = PreviewCache(maxBytes: cacheBytes)
        self.timeout = timeout
        self.maxWaiting = max(1, maxWaiting)
    }

    public func cached(_ key: String) -> PreviewImage? { cache.image(key) }

    public func preview(_ task: PreviewTask, tenant: String) async throws -> PreviewAnswer {
        let key = try task.key(tenant: tenant)
        if let image = cache.image(key) { return PreviewAnswer(image: image, key: key, cached: true) }
        let admitted = waiting.withLock { count in
            guard count < maxWaiting else { return false }
            count += 1
            return true
        }
        guard admitted else { throw PreviewRefusal.busy }
        defer { waiting.withLock { $0 -= 1 } }
        let now = Date()
        guard try await !store.workers(seenSince: now.addingTimeInterval(-Self.workerSilence)).isEmpty else {
            throw PreviewRefusal.noWorker
        }
        let id = UUID()
        try await store.enqueuePreview(
            id: id, tenant: tenant, task: String(decoding: try JSONEncoder().encode(task), as: UTF8.self), at: now)
        let outcome: PreviewOutcome
        do {
            outcome = try await PreviewEngine.within(timeout) { try await self.answer(id) }
        } catch {
            // Given up (the deadline, or the client left): the row goes, with any an asker that died left.
            try? await store.dropPreviews(id, olderThan: Date().addingTimeInterval(-60))
            throw error
        }
        if let image = outcome.image {
            cache.store(image, key: key)
            return PreviewAnswer(image: image, key: key, cached: false)
        }
        if outcome.timedOut { throw PreviewRefusal.timedOut(timeout) }
        throw RenderFailure(outcome.failure ?? "the preview could not be made", transient: outcome.transient)
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
