import Foundation
import ReelCore

/// How a worker process claims and runs jobs.
public struct WorkerConfiguration: Sendable {
    /// Renders run at once in this process.
    public var concurrency: Int
    /// A claimed job's lease; renewed every `heartbeatInterval`.
    public var leaseSeconds: Double
    /// How often a running job renews its lease, saves progress and checks for cancellation.
    public var heartbeatInterval: Duration
    /// Longest idle wait between claims when no wake-up arrives.
    public var pollInterval: Duration
    public var retryPolicy: RetryPolicy
    /// Identifies this process in leases and heartbeats.
    public var workerID: String
    /// How often the process reports itself alive (`/health/detailed` lists live workers).
    public var workerBeatInterval: Duration

    public init(
        concurrency: Int,
        leaseSeconds: Double = 15,
        heartbeatInterval: Duration = .milliseconds(400),
        pollInterval: Duration = .seconds(1),
        retryPolicy: RetryPolicy = RetryPolicy(),
        workerID: String = WorkerConfiguration.defaultWorkerID(),
        workerBeatInterval: Duration = .seconds(2)
    ) {
        self.workerBeatInterval = workerBeatInterval
        self.concurrency = concurrency
        self.leaseSeconds = leaseSeconds
        self.heartbeatInterval = heartbeatInterval
        self.pollInterval = pollInterval
        self.retryPolicy = retryPolicy
        self.workerID = workerID
    }

    /// `HOST-PID`.
    public static func defaultWorkerID() -> String {
        "\(ProcessInfo.processInfo.hostName)-\(getpid())"
    }
}
