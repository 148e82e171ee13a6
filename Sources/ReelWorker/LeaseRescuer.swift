import Foundation
import Logging
import ReelStore
import ServiceLifecycle

/// Puts jobs whose worker stopped renewing its lease back in the queue, every `interval`, or
/// fails them once they used their own `max_attempts` — compositions and the parts of
/// segmented renders alike; and once an hour removes events older than `eventRetention` seconds
/// and the parts of compositions no longer rendering.
public struct LeaseRescuer: Service {
    public var queue: any JobQueue & EventStore & PartQueue
    public var interval: Duration
    public var eventRetention: Double
    public var logger: Logger

    public init(queue: any JobQueue & EventStore & PartQueue, interval: Duration = .seconds(5), eventRetention: Double, logger: Logger) {
        self.queue = queue
        self.interval = interval
        self.eventRetention = eventRetention
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            var nextPurge = ContinuousClock.now
            while !Task.isCancelled {
                if ContinuousClock.now >= nextPurge {
                    nextPurge = .now + .seconds(3_600)
                    do {
                        let purged = try await queue.purgeEvents(before: Date().addingTimeInterval(-eventRetention))
                        if purged > 0 { logger.info("removed old events", metadata: ["count": "\(purged)"]) }
                        try await queue.removeParts(of: nil)
                    } catch {
                        logger.error("removing old events failed", metadata: ["error": "\(error)"])
                    }
                }
                do {
                    let rescued = try await queue.rescueExpired(at: Date())
                    if rescued > 0 { logger.warning("rescued jobs whose worker stopped", metadata: ["count": "\(rescued)"]) }
                    let parts = try await queue.rescueExpiredParts(at: Date())
                    if parts > 0 { logger.warning("rescued segments whose worker stopped", metadata: ["count": "\(parts)"]) }
                } catch {
                    logger.error("rescuing expired leases failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
