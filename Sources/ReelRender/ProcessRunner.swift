import Foundation
import Synchronization

/// How a child process ended, with the end of what it wrote to standard error.
public struct ProcessOutcome: Sendable {
    public var exitCode: Int32
    public var standardErrorTail: String
    public var succeeded: Bool { exitCode == 0 }
}

/// Runs a program with an argv (never a shell), streaming its standard output to a
/// callback. Cancelling the calling task kills the process at once (SIGKILL). A positive
/// `niceness` lowers the child's CPU priority, so renders yield to the API on shared cores.
public enum ProcessRunner {
    public static func run(
        _ executable: String,
        _ arguments: [String],
        niceness: Int32 = 0,
        standardOutput: (@Sendable (Data) -> Void)? = nil
    ) async throws -> ProcessOutcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        let stderrTail = Mutex(Data())
        let launched = Mutex<Int32?>(nil)

        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<ProcessOutcome, any Error>) in
                let group = DispatchGroup()
                group.enter()
                process.terminationHandler = { _ in group.leave() }
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: error)
                    return
                }
                launched.withLock { $0 = process.processIdentifier }
                if niceness != 0 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(process.processIdentifier), niceness) }
                if Task.isCancelled { kill(process.processIdentifier, SIGKILL) }
                // Blocking pipe reads get threads of their own: on Linux, libdispatch cannot tell
                // that a worker is blocked in read(2), so reads on its global queues would starve
                // the Swift concurrency pool (two threads on two cores) and stall every request.
                group.enter()
                Thread.detachNewThread {
                    let handle = outPipe.fileHandleForReading
                    while true {
                        let data = handle.availableData
                        if data.isEmpty { break }
                        standardOutput?(data)
                    }
                    group.leave()
                }
                group.enter()
                Thread.detachNewThread {
                    let handle = errPipe.fileHandleForReading
                    while true {
                        let data = handle.availableData
                        if data.isEmpty { break }
                        stderrTail.withLock { tail in
                            tail.append(data)
                            if tail.count > 8192 { tail = tail.suffix(8192) }
                        }
                    }
                    group.leave()
                }
                group.notify(queue: .global()) {
                    let tail = stderrTail.withLock { String(decoding: $0, as: UTF8.self) }
                    continuation.resume(returning: ProcessOutcome(exitCode: process.terminationStatus, standardErrorTail: tail))
                }
            }
        } onCancel: {
            if let pid = launched.withLock({ $0 }) { kill(pid, SIGKILL) }
        }
    }
}
