import CSpawn
import CoreMetrics
import Foundation
import ReelCore
import Synchronization

/// How a child process ended, with the end of what it wrote to standard error.
public struct ProcessOutcome: Sendable {
    /// The exit status, or 128 + the signal number when a signal ended the process.
    public var exitCode: Int32
    public var standardErrorTail: String
    public var succeeded: Bool { exitCode == 0 }
}

/// Runs a program with an argv (never a shell), streaming its standard output to a
/// callback. Cancelling the calling task kills the process at once (SIGKILL). A positive
/// `niceness` lowers the child's CPU priority, so renders yield to the API on shared cores.
///
/// Children are started with `posix_spawn` and reaped by the thread that reads their pipes.
/// (Foundation's `Process` on Linux is never deallocated once run: a server starting ffmpeg
/// for every render leaked each one with its arguments.)
public enum ProcessRunner {
    /// Bytes of standard error kept for the outcome.
    static let tailLimit = 8192

    public static func run(
        _ executable: String,
        _ arguments: [String],
        niceness: Int32 = 0,
        standardOutput: (@Sendable (Data) -> Void)? = nil
    ) async throws -> ProcessOutcome {
        let child = try SpawnedChild(executable, arguments, niceness: niceness)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<ProcessOutcome, Never>) in
                if Task.isCancelled { child.kill() }
                // Blocking reads and the final waitpid get a thread of their own: on Linux,
                // libdispatch cannot tell that a worker is blocked in read(2), so reads on its
                // global queues would starve the Swift concurrency pool and stall every request.
                Thread.detachNewThread {
                    continuation.resume(returning: child.drainAndWait(standardOutput: standardOutput))
                }
            }
        } onCancel: {
            child.kill()
        }
    }
}

/// A child started by `reel_spawn` with standard output and error on pipes and standard input
/// on /dev/null; every other descriptor is closed in the child, and the child is killed if this
/// process dies (its ffmpeg must not go on encoding a job that another worker takes over).
final class SpawnedChild: Sendable {
    let pid: pid_t
    let output: Int32
    let error: Int32
    /// Set once the child is reaped, so a late cancellation never signals a reused pid.
    let reaped = Atomic<Bool>(false)
    /// The executable's file name, the label of its CPU seconds.
    let program: String

    init(_ executable: String, _ arguments: [String], niceness: Int32 = 0) throws {
        program = URL(fileURLWithPath: executable).lastPathComponent
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard reel_pipe_cloexec(&outPipe) == 0 else { throw SpawnError(executable, errno) }
        guard reel_pipe_cloexec(&errPipe) == 0 else {
            let code = errno
            close(outPipe[0])
            close(outPipe[1])
            throw SpawnError(executable, code)
        }
        defer {
            close(outPipe[1])
            close(errPipe[1])
        }

        let (outWrite, errWrite) = (outPipe[1], errPipe[1])
        let (pid, code) = SpawnerThread.shared.run { () -> (pid_t, Int32) in
            let argv = ([executable] + arguments).map { strdup($0) } + [nil]
            defer { for pointer in argv { free(pointer) } }
            let pid = reel_spawn(executable, argv, environ, outWrite, errWrite, niceness)
            return (pid, errno)
        }
        guard pid > 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw SpawnError(executable, code)
        }
        self.pid = pid
        self.output = outPipe[0]
        self.error = errPipe[0]
    }

    /// Sends SIGKILL unless the child has been reaped.
    func kill() {
        if !reaped.load(ordering: .acquiring) { _ = Glibc.kill(pid, SIGKILL) }
    }

    /// Reads both pipes to their end, handing standard output to `standardOutput` and keeping
    /// the tail of standard error, then reaps the child. Blocks the calling thread.
    func drainAndWait(standardOutput: (@Sendable (Data) -> Void)?) -> ProcessOutcome {
        var tail = Data()
        var open = [output, error]
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            guard poll(&fds, nfds_t(fds.count), -1) >= 0 else {
                if errno == EINTR { continue }
                break
            }
            for entry in fds where entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                guard count > 0 else {
                    open.removeAll { $0 == entry.fd }
                    continue
                }
                let data = Data(buffer[0..<count])
                if entry.fd == output {
                    standardOutput?(data)
                } else {
                    tail.append(data)
                    if tail.count > ProcessRunner.tailLimit { tail = Data(tail.suffix(ProcessRunner.tailLimit)) }
                }
            }
        }
        close(output)
        close(error)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        reaped.store(true, ordering: .releasing)
        let cpu = [usage.ru_utime, usage.ru_stime].reduce(0.0) { $0 + Double($1.tv_sec) + Double($1.tv_usec) / 1e6 }
        FloatingPointCounter(label: "reel_ffmpeg_cpu_seconds_total", dimensions: [("program", program)]).increment(by: cpu)
        let signal = status & 0x7f
        let exitCode = signal == 0 ? (status >> 8) & 0xff : 128 + signal
        return ProcessOutcome(exitCode: exitCode, standardErrorTail: String(decoding: tail, as: UTF8.self))
    }
}

/// `posix_spawn` or a pipe could not be created.
public struct SpawnError: Error, Sendable, CustomStringConvertible {
    public var executable: String
    public var code: Int32
    init(_ executable: String, _ code: Int32) {
        self.executable = executable
        self.code = code
    }
    public var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
}
