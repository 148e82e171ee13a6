import Foundation
import Logging
import Synchronization

/// Where log lines go: standard output, each line written whole with one `write(2)`, and the
/// shared parts of the text and JSON lines. Hand-written because swift-log's stream handler
/// formats the local time with `strftime` and flushes on every line: through it an access line
/// cost 40–50 % of a `GET …/status` (docs/benchmarks.md).
enum LogOutput {
    private static let writer = Mutex(())
    /// The last second formatted, `2026-11-30T22:29:17`, and its epoch second.
    private static let second = Mutex((epoch: -1, text: ""))

    static func write(_ line: String) {
        var line = line
        line.withUTF8 { bytes in
            writer.withLock { _ in
                var offset = 0
                while offset < bytes.count {
                    let written = Glibc.write(1, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return
                    }
                    offset += written
                }
            }
        }
    }

    /// Now in UTC: the date and time to the second (formatted once a second) and the milliseconds.
    static func now() -> (second: String, milliseconds: Int) {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        let epoch = Int(spec.tv_sec)
        let text = second.withLock { cached -> String in
            if cached.epoch != epoch {
                var time = time_t(epoch)
                var parts = tm()
                gmtime_r(&time, &parts)
                cached = (
                    epoch,
                    "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
                        + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
                )
            }
            return cached.text
        }
        return (text, spec.tv_nsec / 1_000_000)
    }

    private static func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The handler's metadata, then the provider's, then the line's, later ones winning.
    static func merged(_ handler: Logger.Metadata, _ provider: Logger.MetadataProvider?, _ line: Logger.Metadata?) -> Logger.Metadata {
        var merged = handler
        if let provided = provider?.get(), !provided.isEmpty { merged.merge(provided) { $1 } }
        if let line, !line.isEmpty { merged.merge(line) { $1 } }
        return merged
    }
}
