import Foundation

/// A render worker process as its last heartbeat described it; `/health/detailed` lists the
/// ones seen recently.
public struct WorkerHeartbeat: Sendable, Hashable, Codable {
    /// `HOST-PID`, as in leases.
    public var id: String
    public var slots: Int
    /// Jobs rendering at the time of the heartbeat.
    public var busy: Int
    public var startedAt: Date
    public var lastSeenAt: Date

    public init(id: String, slots: Int, busy: Int, startedAt: Date, lastSeenAt: Date) {
        self.id = id
        self.slots = slots
        self.busy = busy
        self.startedAt = startedAt
        self.lastSeenAt = lastSeenAt
    }
}
