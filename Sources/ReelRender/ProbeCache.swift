import Foundation
import ReelCore
import Synchronization

/// What ffprobe said about source files, keyed by the file's identity (device, inode, size,
/// modification time): sources come from the cache folder and are shared by many compositions,
/// and a changed source is a new file there, so an entry never goes stale.
public final class ProbeCache: Sendable {
    struct Entry {
        var info: MediaInfo?
        var keyframes: [Double]?
    }
    private let entries = Mutex<[String: Entry]>([:])
    let capacity: Int
    /// Jobs starting together on one file share one ffprobe run.
    let infoInFlight = FetchCoalescer<MediaInfo>()
    let keyframesInFlight = FetchCoalescer<[Double]>()

    public init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    /// The identity of the file at `path`, or nil when it cannot be read.
    static func key(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    func info(_ key: String) -> MediaInfo? { entries.withLock { $0[key]?.info } }

    func keyframes(_ key: String) -> [Double]? { entries.withLock { $0[key]?.keyframes } }

    func update(_ key: String, _ change: (inout Entry) -> Void) {
        entries.withLock { entries in
            if entries.count >= capacity, entries[key] == nil { entries.removeAll(keepingCapacity: true) }
            change(&entries[key, default: Entry()])
        }
    }
}
