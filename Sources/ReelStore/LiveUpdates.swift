import Foundation
import ReelCore
import Synchronization

/// What streams of events wait on in one process: that an event was recorded (in this process,
/// or in another, heard through PostgreSQL), and the latest progress of running compositions
/// (progress is not stored as events; it is only streamed).
public final class LiveUpdates: Sendable {
    /// The latest progress of one composition.
    public struct Progress: Sendable, Hashable {
        public var composition: UUID
        public var tenant: String
        public var progress: Double
        public var stage: String
        /// When the worker reported it.
        public var reportedAt: Date
        /// Grows with every progress report in this process.
        public var version: Int
        public var at: ContinuousClock.Instant
    }

    private struct State {
        var events = 0
        var version = 0
        var progress: [UUID: Progress] = [:]
    }

    private let state = Mutex(State())
    /// Signalled on every recorded event and progress report.
    public let signal = WakeSignal()
    /// How often a stream looks for stored events nobody announced: events written by another
    /// process on the same SQLite file; nil where every process hears of every event (PostgreSQL).
    public let poll: Duration?

    public init(poll: Duration? = nil) {
        self.poll = poll
    }

    /// Counts recorded events heard of: a stream queries the store again only when it changed.
    public var eventGeneration: Int { state.withLock { $0.events } }

    public func eventRecorded() {
        state.withLock { $0.events += 1 }
        signal.signal()
    }

    public func reported(composition: UUID, tenant: String, progress: Double, stage: String, at reportedAt: Date) {
        let now = ContinuousClock.now
        state.withLock { state in
            state.version += 1
            state.progress[composition] = Progress(
                composition: composition, tenant: tenant, progress: progress, stage: stage, reportedAt: reportedAt, version: state.version,
                at: now)
            // Compositions that stopped reporting (finished, or their worker died) are forgotten.
            if state.progress.count > 64 { state.progress = state.progress.filter { now - $0.value.at < .seconds(60) } }
        }
        signal.signal()
    }

    /// Progress reported after `version`, of `composition` (or of all), of `tenant` (nil: all), oldest first.
    public func progress(after version: Int, composition: UUID?, tenant: String?) -> [Progress] {
        state.withLock { state in
            if let composition {
                guard let entry = state.progress[composition], entry.version > version, tenant == nil || entry.tenant == tenant
                else { return [] }
                return [entry]
            }
            return state.progress.values.filter { $0.version > version && (tenant == nil || $0.tenant == tenant) }
                .sorted { $0.version < $1.version }
        }
    }
}
