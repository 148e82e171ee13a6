import Foundation
import Synchronization

/// Standard output for log lines: each line written whole with one `write(2)`, lines from every
/// thread in turn.
enum LogOutput {
    private static let writer = Mutex(())

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
}
