import Foundation
import ReelCore
import ReelStore
import Testing

/// One row per job transition, run on every driver: the status and attempt it leaves and the
/// events it records, so SQLite and PostgreSQL cannot drift apart.
@Suite("Job transitions and their events")
struct JobTransitionTests {
    typealias Store = any ReelDatabase

    /// A transition: what it does to a freshly inserted composition, and what must follow.
    struct Transition: Sendable, CustomTestStringConvertible {
        var name: String
        var maxAttempts = 3
        var act: @Sendable (Store, UUID) async throws -> Void
        /// nil: the composition is gone.
        var status: CompositionStatus?
        var attempt = 0
        var events: [CompositionEvent.Kind]
        var testDescription: String { name }
    }

    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func claimed(_ store: Store, at date: Date = start, lease: Double = 30) async throws -> ClaimedJob {
        try #require(try await store.claim(worker: "w", leaseSeconds: lease, at: date))
    }

    static let transitions: [Transition] = [
        Transition(name: "insert", act: { _, _ in }, status: .queued, events: [.queued]),
        Transition(
            name: "claim", act: { store, _ in _ = try await claimed(store) }, status: .processing, attempt: 1,
            events: [.queued, .processing]),
        Transition(
            name: "heartbeat with progress",
            act: { store, _ in
                let job = try await claimed(store)
                let progress = ProgressUpdate(stage: .rendering, overall: 42, stages: RenderStage.initialStages(current: .rendering))
                #expect(try await store.heartbeat(job, progress: progress, leaseSeconds: 30, at: start) == .held)
            }, status: .processing, attempt: 1, events: [.queued, .processing]),
        Transition(
            name: "complete",
            act: { store, _ in
                let job = try await claimed(store)
                #expect(try await store.record(.complete, of: job, result: StoreConformanceTests.result, at: start) == .held)
            }, status: .completed, attempt: 1, events: [.queued, .processing, .completed]),
        Transition(
            name: "retry",
            act: { store, _ in
                let job = try await claimed(store)
                #expect(try await store.record(.retry(after: 5, message: "HTTP 503"), of: job, at: start) == .held)
            }, status: .queued, attempt: 1, events: [.queued, .processing, .retrying]),
        Transition(
            name: "fail",
            act: { store, _ in
                let job = try await claimed(store)
                #expect(try await store.record(.fail(message: "bad"), of: job, at: start) == .held)
            },
            status: .failed, attempt: 1, events: [.queued, .processing, .failed]),
        Transition(
            name: "release", act: { store, _ in _ = try await store.record(.release, of: claimed(store), at: start) },
            status: .queued, attempt: 0, events: [.queued, .processing, .queued]),
        Transition(
            name: "a write without the lease",
            act: { store, _ in
                var impostor = try await claimed(store)
                impostor.token = "not-the-token"
                #expect(try await store.record(.complete, of: impostor, result: StoreConformanceTests.result, at: start) == .lost)
                #expect(try await store.heartbeat(impostor, progress: nil, leaseSeconds: 30, at: start) == .lost)
            }, status: .processing, attempt: 1, events: [.queued, .processing]),
        Transition(
            name: "cancel queued", act: { store, id in _ = try await store.cancel(id, at: start) }, status: .cancelled,
            events: [.queued, .cancelled]),
        Transition(
            name: "cancel running",
            act: { store, id in
                let job = try await claimed(store)
                _ = try await store.cancel(id, at: start)
                #expect(try await store.heartbeat(job, progress: nil, leaseSeconds: 30, at: start) == .lost)
            }, status: .cancelled, attempt: 1, events: [.queued, .processing, .cancelled]),
        Transition(
            name: "rescue below the row's limit",
            act: { store, _ in
                _ = try await claimed(store, lease: 5)
                #expect(try await store.rescueExpired(at: start.addingTimeInterval(1)) == 0)
                #expect(try await store.rescueExpired(at: start.addingTimeInterval(6)) == 1)
            }, status: .queued, attempt: 1, events: [.queued, .processing, .retrying]),
        Transition(
            name: "rescue at the row's limit", maxAttempts: 1,
            act: { store, _ in
                _ = try await claimed(store, lease: 5)
                #expect(try await store.rescueExpired(at: start.addingTimeInterval(6)) == 1)
            }, status: .failed, attempt: 1, events: [.queued, .processing, .failed]),
        Transition(
            name: "delete", act: { store, id in _ = try await store.delete(id) }, status: nil, events: [.queued, .deleted]),
    ]

    static let cases = StoreHarness.drivers.flatMap { driver in transitions.map { (driver, $0) } }

    @Test("each transition leaves its status and attempt and records exactly its events", arguments: cases)
    func transition(driver: String, transition: Transition) async throws {
        try await StoreHarness.withStore(driver) { store in
            let record = StoreConformanceTests.record(at: Self.start, maxAttempts: transition.maxAttempts, tenant: "acme")
            try await store.insert(record, maxQueued: nil)
            try await transition.act(store, record.id)
            let stored = try await store.fetch(record.id)
            #expect(stored?.status == transition.status)
            if let stored { #expect(stored.attempt == transition.attempt) }
            let events = try await store.events(after: 0, limit: 100, composition: record.id, tenant: "acme")
            #expect(events.map(\.kind) == transition.events)
            #expect(events.map(\.id) == events.map(\.id).sorted())
            #expect(try await store.events(after: 0, limit: 100, composition: record.id, tenant: "other").isEmpty)
            // Every payload says what the composition was at that point, in the webhook shape.
            for event in events {
                let payload = try JSONSerialization.jsonObject(with: Data(event.payload.utf8)) as? [String: Any]
                #expect(payload?["type"] as? String == event.kind.rawValue)
                let data = payload?["data"] as? [String: Any]
                #expect(data?["composition_id"] as? String == record.id.uuidString.lowercased())
                if event.kind == .completed {
                    #expect(data?["download_path"] as? String == "/api/v1/compositions/\(record.id.uuidString.lowercased())/download")
                }
            }
        }
    }

    @Test("events page by id across compositions and tenants, and retention removes old ones", arguments: StoreHarness.drivers)
    func paging(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let first = StoreConformanceTests.record(at: Self.start, tenant: "a")
            let second = StoreConformanceTests.record(at: Self.start.addingTimeInterval(100), tenant: "b")
            try await store.insert(first, maxQueued: nil)
            try await store.insert(second, maxQueued: nil)
            _ = try await store.cancel(first.id, at: Self.start.addingTimeInterval(200))
            let all = try await store.events(after: 0, limit: 10, composition: nil, tenant: nil)
            #expect(all.map(\.compositionID) == [first.id, second.id, first.id])
            let page = try await store.events(after: all[0].id, limit: 1, composition: nil, tenant: nil)
            #expect(page.map(\.id) == [all[1].id])
            #expect(try await store.events(after: 0, limit: 10, composition: nil, tenant: "a").map(\.kind) == [.queued, .cancelled])
            #expect(try await store.purgeEvents(before: Self.start.addingTimeInterval(150)) == 2)
            #expect(try await store.events(after: 0, limit: 10, composition: nil, tenant: nil).map(\.id) == [all[2].id])
        }
    }

    @Test("a reader paging after the last id it saw misses no event while writers race", arguments: StoreHarness.drivers)
    func noSkippedEvents(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let writers = 6
            let perWriter = 40
            let seen = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for _ in 0..<writers {
                    group.addTask {
                        for _ in 0..<perWriter { try await store.insert(StoreConformanceTests.record(), maxQueued: nil) }
                        return []
                    }
                }
                group.addTask {
                    var seen: [Int64] = []
                    var after: Int64 = 0
                    // An event committed after the reader passed its id would never be seen: stop at a deadline, and fail below.
                    let deadline = ContinuousClock.now + .seconds(30)
                    while seen.count < writers * perWriter && ContinuousClock.now < deadline {
                        let page = try await store.events(after: after, limit: 7, composition: nil, tenant: nil)
                        seen += page.map(\.id)
                        after = page.last?.id ?? after
                        if page.isEmpty { try await Task.sleep(for: .milliseconds(2)) }
                    }
                    return seen
                }
                return try await group.reduce(into: [Int64]()) { $0 += $1 }
            }
            let stored = try await store.events(after: 0, limit: 1000, composition: nil, tenant: nil).map(\.id)
            #expect(seen == stored)
        }
    }
}
