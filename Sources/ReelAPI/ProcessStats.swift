import Foundation
import ReelCore

/// This process's resident memory, open file descriptors and CPU time, read from `/proc/self`
/// and `getrusage` (Linux).
enum ProcessStats {
    /// When this process started serving metrics (read once, at the first scrape or service start).
    static let started = Date()

    /// Resident set size in bytes, or nil where `/proc` is missing.
    static func residentBytes() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return nil }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE)))
    }

    static func openFileDescriptors() -> Double? {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")).map { Double($0.count) }
    }

    /// User plus system CPU seconds this process has used.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }

    /// Free and total bytes of the file system holding `path`, or nil when it cannot be read.
    static func disk(_ path: String) -> (free: Double, size: Double)? {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return nil }
        let block = Double(stats.f_frsize)
        return (Double(stats.f_bavail) * block, Double(stats.f_blocks) * block)
    }
}
