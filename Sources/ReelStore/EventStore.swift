import Foundation
import ReelCore

/// The events the job changes record (``JobUpdate/event``), read back in id order.
public protocol EventStore: Sendable {
    /// Events with an id above `after`, oldest first, at most `limit`: of one `composition` or of
    /// all, of `tenant` (nil: every tenant).
    func events(after: Int64, limit: Int, composition: UUID?, tenant: String?) async throws -> [CompositionEvent]
    /// Removes events created before `date` (retention); returns how many.
    @discardableResult
    func purgeEvents(before date: Date) async throws -> Int
    /// Recorded events and progress reports as they happen, in this process and (PostgreSQL) in others.
    var live: LiveUpdates { get }
}
