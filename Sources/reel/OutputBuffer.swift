import Foundation
import Synchronization

/// Collects a child process's output from its reader thread.
final class OutputBuffer: Sendable {
    private let data = Mutex(Data())

    func append(_ chunk: Data) { data.withLock { $0.append(chunk) } }

    var text: String { data.withLock { String(decoding: $0, as: UTF8.self) } }
}
