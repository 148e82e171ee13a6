import Foundation
import ReelCore

/// Renders preview frames in this process: on preview slots of their own beside the render
/// slots (a long render never holds one), behind a bounded line (``SlotGate``), each within a
/// deadline that stops its ffmpeg, through a cache keyed by what the frames depend on; the same
/// preview asked twice at once is rendered once.
public final class PreviewEngine: PreviewRendering {
    public let renderer: CompositionRenderer
    /// The preview slots and their line.
    public let gate: SlotGate
    /// Pictures made recently, by key.
    public let cache: PreviewCache
    /// Longest a preview may take, waiting included.
    public let timeout: Duration
    /// Previews one tenant may have running or waiting at once.
    public let tenants: Admission
    private let inFlight = FetchCoalescer<PreviewImage>()

    public init(renderer: CompositionRenderer, slots: Int, timeout: Duration, perTenant: Int, cacheBytes: Int = 64 << 20) {
        self.renderer = renderer
        gate = SlotGate(slots: slots, maxWaiting: 4 * max(1, slots))
        cache = PreviewCache(maxBytes: cacheBytes)
        self.timeout = timeout
        tenants = Admission(limit: perTenant)
    }

    public func cached(_ key: String) -> PreviewImage? { cache.image(key) }

    public func preview(_ task: PreviewTask, tenant: String) async throws -> PreviewAnswer {
        try await PreviewMetrics.measured {
            let key = try task.key(tenant: tenant)
            if let image = cache.image(key) { return PreviewAnswer(image: image, key: key, cached: true) }
            let image = try await tenants.run(tenant, refusal: .tenantBusy) {
                try await Self.within(timeout) {
                    try await self.inFlight.run(key) {
                        do {
                            return try await self.gate.withSlot {
                                try await self.renderer.preview(
                                    task.composition, times: task.times, width: task.width, format: task.format, separate: task.separate)
                            }
                        } catch is SlotGate.Full {
                            throw PreviewRefusal.busy
                        }
                    }
                }
            }
            cache.store(image, key: key)
            return PreviewAnswer(image: image, key: key, cached: false)
        }
    }

    /// `body`'s value, or ``PreviewRefusal/timedOut(_:)`` once `timeout` has passed (`body` is
    /// cancelled: its ffmpeg is stopped).
    public static func within<T: Sendable>(_ timeout: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw PreviewRefusal.timedOut(timeout) }
            return value
        }
    }
}
