import Foundation
import Synchronization

/// Preview pictures by key, the least recently used dropped past a byte bound or once older
/// than their lifetime (a source behind a URL may change).
public final class PreviewCache: Sendable {
    private struct Entry {
        var image: PreviewImage
        var stored: ContinuousClock.Instant
        var used: UInt64
    }
    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }
    private let state = Mutex(State())
    /// Bytes of pictures held at most; a larger preview is not held.
    public let maxBytes: Int
    /// How long a picture is served after it was made.
    public let lifetime: Duration

    public init(maxBytes: Int, lifetime: Duration = .seconds(600)) {
        self.maxBytes = maxBytes
        self.lifetime = lifetime
    }

    /// The picture stored under `key`, if held and not older than ``lifetime``.
    public func image(_ key: String) -> PreviewImage? {
        state.withLock { state in
            guard var entry = state.entries[key] else { return nil }
            guard ContinuousClock.now - entry.stored < lifetime else {
                state.bytes -= entry.image.size
                state.entries[key] = nil
                return nil
            }
            state.clock += 1
            entry.used = state.clock
            state.entries[key] = entry
            return entry.image
        }
    }

    /// Holds `image` under `key`, dropping the least recently used past ``maxBytes``.
    public func store(_ image: PreviewImage, key: String) {
        guard image.size <= maxBytes else { return }
        state.withLock { state in
            if let old = state.entries[key] { state.bytes -= old.image.size }
            state.clock += 1
            state.entries[key] = Entry(image: image, stored: .now, used: state.clock)
            state.bytes += image.size
            // Evicting scans every entry: a bound of a few hundred pictures keeps that cheap.
            while state.bytes > maxBytes, let oldest = state.entries.min(by: { $0.value.used < $1.value.used }) {
                state.bytes -= oldest.value.image.size
                state.entries[oldest.key] = nil
            }
        }
    }
}
