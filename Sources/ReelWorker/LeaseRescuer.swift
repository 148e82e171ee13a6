import Foundation
import Logging
import ReelStore
import ServiceLifecycle

/// Puts jobs whose worker stopped renewing its lease back in the queue, every `interval`, or
/// fails them once they used their own `max_attempts`.
public struct LeaseRescuer: Service {
    public var queue: any JobQueue
    public var interval: Duration
    public var logger: Logger

    public init(queue: any JobQueue, interval: Duration = .seconds(5), logger: Logger) {
        self.queue = queue
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let rescued = try await queue.rescueExpired(at: Date())
                    if rescued > 0 { logger.warning("rescued jobs whose worker stopped", metadata: ["count": "\(rescued)"]) }
                } catch {
                    logger.error("rescuing expired leases failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
