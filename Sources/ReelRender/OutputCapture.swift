import Foundation
import Synchronization

/// Collects what a child process writes, from ``ProcessRunner``'s reader thread.
public final class OutputCapture: Sendable {
    private let buffer = Mutex(Data())

    public init() {}

    public func append(_ chunk: Data) { buffer.withLock { $0.append(chunk) } }

    public var data: Data { buffer.withLock { $0 } }

    public var text: String { String(decoding: data, as: UTF8.self) }
}
