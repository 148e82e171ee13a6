import Crypto
import Foundation
import ReelCore
import Synchronization

/// Renders preview frames in this process: on preview slots of their own beside the render
/// slots (a long render never holds one), behind a bounded line (``SlotGate``), each within a
/// deadline that stops its ffmpeg, and through a cache keyed by what the frames depend on.
public final class PreviewEngine: Sendable {
    /// Why a preview was not made.
    public enum Refusal: Error, Sendable {
        /// Every slot is busy and the line is full.
        case busy
        /// The tenant already has as many previews running or waiting as it may.
        case tenantBusy
        /// The deadline passed; the ffmpeg was stopped.
        case timedOut(Duration)
    }

    public let renderer: CompositionRenderer
    public let gate: SlotGate
    public let cache: PreviewCache
    public let timeout: Duration
    /// Previews one tenant may have running or waiting at once.
    public let perTenant: Int
    private let tenants = Mutex([String: Int]())

    public init(renderer: CompositionRenderer, slots: Int, timeout: Duration, perTenant: Int, cacheBytes: Int = 64 << 20) {
        self.renderer = renderer
        gate = SlotGate(slots: slots, maxWaiting: 4 * max(1, slots))
        cache = PreviewCache(maxBytes: cacheBytes)
        self.timeout = timeout
        self.perTenant = max(1, perTenant)
    }

    /// The key of a preview: the composition as JSON with sorted keys, the frames it shows (not
    /// the times asked: two times on one frame are one picture), the width, format and layout.
    public static func key(_ request: CompositionRequest, times: [Double], width: Int, format: ImageFormat, separate: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var material = (try? encoder.encode(request)) ?? Data()
        let timeline = Timeline(clips: request.clips)
        let frames = times.map {
            String(Int(clamping: (timeline.frame(at: $0, fps: request.output.fps).time * request.output.fps).rounded()))
        }
        material.append(Data("\n\(frames.joined(separator: ","))\n\(width)\n\(format.rawValue)\n\(separate)".utf8))
        return Hex.string(SHA256.hash(data: material))
    }

    /// The preview and its key, from the cache when it holds it (`cached`).
    public func preview(
        _ request: CompositionRequest, times: [Double], width: Int, format: ImageFormat, separate: Bool = false, tenant: String
    ) async throws -> (image: PreviewImage, key: String, cached: Bool) {
        let key = Self.key(request, times: times, width: width, format: format, separate: separate)
        if let image = cache.image(key) { return (image, key, true) }
        let admitted = tenants.withLock { counts in
            guard counts[tenant, default: 0] < perTenant else { return false }
            counts[tenant, default: 0] += 1
            return true
        }
        guard admitted else { throw Refusal.tenantBusy }
        defer { tenants.withLock { $0[tenant] = $0[tenant].map { $0 > 1 ? $0 - 1 : nil } ?? nil } }
        let renderer = self.renderer
        let timeout = self.timeout
        let image = try await withThrowingTaskGroup(of: PreviewImage?.self) { group in
            group.addTask {
                do {
                    return try await self.gate.withSlot {
                        try await renderer.preview(request, times: times, width: width, format: format, separate: separate)
                    }
                } catch is SlotGate.Full {
                    throw Refusal.busy
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let image = first else { throw Refusal.timedOut(timeout) }
            return image
        }
        cache.store(image, key: key)
        return (image, key, false)
    }
}
