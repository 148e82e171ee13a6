import Foundation
import ReelCore
import ReelStore
import ReelTestSupport
import Synchronization
import Testing

/// The behaviour every ``CompositionStore`` + ``JobQueue`` driver must have. Each test takes a
/// fresh store (a new SQLite file, a new PostgreSQL database) from ``StoreHarness``.
@Suite("Store and queue conformance")
struct StoreConformanceTests {
    typealias Store = any ReelDatabase

    static let drivers = StoreHarness.drivers

    static func record(
        _ title: String = "t", priority: Priority = .default, at date: Date = Date(), maxAttempts: Int = 3, tenant: String = ""
    ) -> CompositionRecord {
        CompositionRecord(
            id: UUID(),
            tenant: tenant,
            request: CompositionRequest(
                title: title,
                priority: priority,
                clips: [Clip(videoURL: "https://x.test/a.mp4", startTime: 0, endTime: 1)]
            ),
            status: .queued,
            createdAt: date,
            updatedAt: date,
            maxAttempts: maxAttempts
        )
    }

    static let result = RenderResult(
        outputKey: "outputs/x/video.mp4",
        output: MediaInfo(formatName: "mp4", duration: 1, sizeBytes: 10),
        inputs: [],
        appliedEffects: [],
        warnings: [],
        processingSeconds: 0.5
    )

    @Test("insert stores a queued composition that fetch returns", arguments: drivers)
    func insertFetch(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let record = Self.record("hello")
            try await store.insert(record, maxQueued: nil)
            let fetched = try #require(try await store.fetch(record.id))
            #expect(fetched.request == record.request)
            #expect(fetched.status == .queued)
            #expect(try await store.fetch(UUID()) == nil)
            #expect(try await store.stats().queued[.default] == 1)
        }
    }

    @Test("listing filters by status and pages newest first", arguments: drivers)
    func listing(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            var ids: [UUID] = []
            for index in 0..<5 {
                let record = Self.record("c\(index)")
                ids.append(record.id)
                try await store.insert(record, maxQueued: nil)
            }
            _ = try await store.cancel(ids[1], at: Date())
            let page = try await store.list(status: nil, offset: 1, limit: 2)
            #expect(page.total == 5)
            #expect(page.items.map(\.id) == [ids[3], ids[2]])
            let cancelled = try await store.list(status: .cancelled, offset: 0, limit: 10)
            #expect(cancelled.items.map(\.id) == [ids[1]])
            #expect(cancelled.total == 1)
        }
    }

    @Test("claims run high before default before low, FIFO within each", arguments: drivers)
    func priorities(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let low = Self.record("low", priority: .low)
            let firstDefault = Self.record("d1")
            let secondDefault = Self.record("d2")
            let high = Self.record("high", priority: .high)
            for record in [low, firstDefault, secondDefault, high] { try await store.insert(record, maxQueued: nil) }
            var order: [UUID] = []
            while let job = try await store.claim(worker: "w", leaseSeconds: 30, at: Date()) { order.append(job.id) }
            #expect(order == [high.id, firstDefault.id, secondDefault.id, low.id])
            #expect(try await store.fetch(low.id)?.status == .processing)
        }
    }

    @Test("complete, fail and heartbeat need the lease token", arguments: drivers)
    func leaseTokens(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let record = Self.record()
            try await store.insert(record, maxQueued: nil)
            let job = try #require(try await store.claim(worker: "w", leaseSeconds: 30, at: Date()))
            #expect(job.attempt == 1)
            var impostor = job
            impostor.token = "not-the-token"
            #expect(try await store.heartbeat(impostor, progress: nil, leaseSeconds: 30, at: Date()) == .lost)
            #expect(try await store.record(.complete, of: impostor, result: Self.result, at: Date()) == .lost)
            let progress = ProgressUpdate(stage: .rendering, overall: 42, stages: RenderStage.initialStages(current: .rendering))
            #expect(try await store.heartbeat(job, progress: progress, leaseSeconds: 30, at: Date()) == .held)
            #expect(try await store.fetch(record.id)?.progress == 42)
            #expect(try await store.record(.complete, of: job, result: Self.result, at: Date()) == .held)
            let done = try #require(try await store.fetch(record.id))
            #expect(done.status == .completed)
            #expect(done.progress == 100)
            #expect(done.result == Self.result)
            #expect(try await store.record(.fail(message: "late"), of: job, at: Date()) == .lost)
        }
    }

    @Test("cancelling a running job takes its lease away", arguments: drivers)
    func cancelRunning(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let record = Self.record()
            try await store.insert(record, maxQueued: nil)
            let job = try #require(try await store.claim(worker: "w", leaseSeconds: 30, at: Date()))
            guard case .cancelled = try await store.cancel(record.id, at: Date()) else {
                Issue.record("expected cancelled")
                return
            }
            #expect(try await store.heartbeat(job, progress: nil, leaseSeconds: 30, at: Date()) == .lost)
            #expect(try await store.record(.complete, of: job, result: Self.result, at: Date()) == .lost)
            #expect(try await store.fetch(record.id)?.status == .cancelled)
            guard case .alreadyFinished(.cancelled) = try await store.cancel(record.id, at: Date()) else {
                Issue.record("expected alreadyFinished")
                return
            }
            guard case .notFound = try await store.cancel(UUID(), at: Date()) else {
                Issue.record("expected notFound")
                return
            }
        }
    }

    @Test("an expired lease is rescued and claimed again; the old owner loses", arguments: drivers)
    func rescue(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let record = Self.record()
            try await store.insert(record, maxQueued: nil)
            let start = Date()
            let first = try #require(try await store.claim(worker: "a", leaseSeconds: 5, at: start))
            #expect(try await store.rescueExpired(at: start.addingTimeInterval(1)) == 0)
            #expect(try await store.rescueExpired(at: start.addingTimeInterval(6)) == 1)
            let second = try #require(try await store.claim(worker: "b", leaseSeconds: 5, at: start.addingTimeInterval(6)))
            #expect(second.id == first.id)
            #expect(second.attempt == 2)
            #expect(try await store.record(.complete, of: first, result: Self.result, at: Date()) == .lost)
            #expect(try await store.record(.complete, of: second, result: Self.result, at: Date()) == .held)
        }
    }

    @Test("a job rescued after its last attempt fails with a message", arguments: drivers)
    func rescueGivesUp(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let record = Self.record(maxAttempts: 2)
            try await store.insert(record, maxQueued: nil)
            var now = Date()
            for _ in 0..<2 {
                _ = try #require(try await store.claim(worker: "a", leaseSeconds: 1, at: now))
                now = now.addingTimeInterval(2)
                #expect(try await store.rescueExpired(at: now) == 1)
            }
            let failed = try #require(try await store.fetch(record.id))
            #expect(failed.status == .failed)
            #expect(failed.errorMessage?.contains("stopped responding") == true)
        }
    }

    @Test("a retry waits for its time; release does not count an attempt", arguments: drivers)
    func retryAndRelease(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            try await store.insert(Self.record(), maxQueued: nil)
            let now = Date()
            let job = try #require(try await store.claim(worker: "w", leaseSeconds: 30, at: now))
            #expect(try await store.record(.retry(after: 60, message: "HTTP 503"), of: job, at: now) == .held)
            #expect(try await store.claim(worker: "w", leaseSeconds: 30, at: now.addingTimeInterval(1)) == nil)
            #expect(try await store.fetch(job.id)?.errorMessage == "HTTP 503")
            let again = try #require(try await store.claim(worker: "w", leaseSeconds: 30, at: now.addingTimeInterval(61)))
            #expect(again.attempt == 2)
            _ = try await store.record(.release, of: again, at: now.addingTimeInterval(62))
            let third = try #require(try await store.claim(worker: "w", leaseSeconds: 30, at: now.addingTimeInterval(63)))
            #expect(third.attempt == 2)
        }
    }

    @Test("the queue limit refuses with queue_full and stores nothing", arguments: drivers)
    func queueFull(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            try await store.insert(Self.record(), maxQueued: 2)
            try await store.insert(Self.record(), maxQueued: 2)
            let rejected = Self.record()
            await #expect(throws: ReelError.self) { try await store.insert(rejected, maxQueued: 2) }
            #expect(try await store.fetch(rejected.id) == nil)
            #expect(try await store.list(status: nil, offset: 0, limit: 10).total == 2)
        }
    }

    @Test("cancel-all cancels queued and running, not finished", arguments: drivers)
    func cancelAll(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let records = (0..<3).map { _ in Self.record() }
            for record in records { try await store.insert(record, maxQueued: nil) }
            let running = try #require(try await store.claim(worker: "w", leaseSeconds: 30, at: Date()))
            #expect(try await store.record(.complete, of: running, result: Self.result, at: Date()) == .held)
            _ = try #require(try await store.claim(worker: "w", leaseSeconds: 30, at: Date()))
            let cancelled = try await store.cancelAll(at: Date())
            #expect(Set(cancelled) == Set(records.map(\.id)).subtracting([running.id]))
            #expect(try await store.stats().byStatus[.completed] == 1)
        }
    }

    @Test("delete removes the record and returns it", arguments: drivers)
    func delete(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let record = Self.record()
            try await store.insert(record, maxQueued: nil)
            #expect(try await store.exists(record.id))
            #expect(try await store.delete(record.id)?.id == record.id)
            #expect(try await !store.exists(record.id))
            #expect(try await store.fetch(record.id) == nil)
            #expect(try await store.delete(record.id) == nil)
        }
    }

    @Test("concurrent claims hand each job to exactly one worker", arguments: drivers)
    func concurrentClaims(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let count = 200
            for _ in 0..<count { try await store.insert(Self.record(), maxQueued: nil) }
            let claimed = try await withThrowingTaskGroup(of: [UUID].self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        var mine: [UUID] = []
                        while let job = try await store.claim(worker: "w\(worker)", leaseSeconds: 30, at: Date()) {
                            mine.append(job.id)
                        }
                        return mine
                    }
                }
                return try await group.reduce(into: [UUID]()) { $0 += $1 }
            }
            #expect(claimed.count == count)
            #expect(Set(claimed).count == count)
        }
    }

    @Test("an insert wakes a waiting worker at once", .tags(.timed), .apart, .timeLimit(.minutes(2)), arguments: drivers)
    func wakeup(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let generation = store.wakeups.generation
            let clock = ContinuousClock()
            let elapsed = try await clock.measure {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { await store.wakeups.wait(after: generation, timeout: .seconds(60)) }
                    group.addTask {
                        try await Task.sleep(for: .milliseconds(50))
                        try await store.insert(Self.record(), maxQueued: nil)
                    }
                    try await group.waitForAll()
                }
            }
            #expect(elapsed < .seconds(5))
        }
    }

    @Test("migrations run concurrently apply once and leave a working schema", arguments: drivers)
    func concurrentMigrations(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 { group.addTask { try await store.migrate() } }
                try await group.waitForAll()
            }
            try await store.insert(Self.record(), maxQueued: nil)
            #expect(try await store.stats().depth == 1)
        }
    }

    @Test("worker heartbeats are listed while fresh and forgotten on retire", arguments: drivers)
    func workerHeartbeats(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            var first = WorkerHeartbeat(id: "host-1", slots: 2, busy: 0, startedAt: start, lastSeenAt: start)
            let second = WorkerHeartbeat(id: "host-2", slots: 1, busy: 1, startedAt: start, lastSeenAt: start)
            try await store.beat(first)
            try await store.beat(second)
            first.busy = 2
            first.lastSeenAt = start.addingTimeInterval(10)
            try await store.beat(first)
            let fresh = try await store.workers(seenSince: start.addingTimeInterval(5))
            #expect(fresh.map(\.id) == ["host-1"])
            #expect(fresh.first?.busy == 2)
            #expect(fresh.first?.startedAt == start)
            #expect(try await store.workers(seenSince: start).count == 2)
            try await store.retire(worker: "host-1")
            #expect(try await store.workers(seenSince: start).map(\.id) == ["host-2"])
        }
    }
}

/// PostgreSQL only: what several processes sharing one database rely on.
@Suite("PostgreSQL across processes", .enabled(if: StoreHarness.postgresURL != nil))
struct PostgresSharedTests {
    @Test("an insert through one connection pool wakes a worker listening through another")
    func notifyAcrossPools() async throws {
        try await StoreHarness.withPostgresDatabase { url in
            try await StoreHarness.withPostgresStore(url: url, listen: false) { api in
                try await api.migrate()
                try await StoreHarness.withPostgresStore(url: url, listen: true) { worker in
                    let generation = worker.wakeups.generation
                    let clock = ContinuousClock()
                    let elapsed = try await clock.measure {
                        try await withThrowingTaskGroup(of: Void.self) { group in
                            group.addTask { await worker.wakeups.wait(after: generation, timeout: .seconds(10)) }
                            group.addTask {
                                try await Task.sleep(for: .milliseconds(50))
                                try await api.insert(StoreConformanceTests.record(), maxQueued: nil)
                            }
                            try await group.waitForAll()
                        }
                    }
                    #expect(worker.wakeups.generation > generation)
                    #expect(elapsed < .seconds(5))
                    #expect(try await worker.claim(worker: "w", leaseSeconds: 30, at: Date()) != nil)
                }
            }
        }
    }

    @Test("a connection the server terminates mid-operation gives the caller an answer within its timeout, and the store recovers")
    func terminatedMidOperation() async throws {
        try await StoreHarness.withPostgresDatabase { url in
            let database = try #require(URLComponents(string: url)?.path.split(separator: "/").first.map(String.init))
            try await StoreHarness.withPostgresStore(url: url, listen: true, timeout: .seconds(2)) { store in
                try await store.migrate()
                for round in 0..<25 {
                    // An insert and a claim (transactions) cut off at a random point by a fast
                    // shutdown's message to every backend (57P01), as in a restart.
                    let answered = Answers()
                    Task {
                        _ = try? await store.insert(StoreConformanceTests.record(), maxQueued: nil)
                        answered.count.add(1, ordering: .relaxed)
                    }
                    Task {
                        _ = try? await store.claim(worker: "w", leaseSeconds: 30, at: Date())
                        answered.count.add(1, ordering: .relaxed)
                    }
                    try await Task.sleep(for: .milliseconds(round % 10))
                    try await StoreHarness.execute(
                        url: url,
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database)' AND pid <> pg_backend_pid()")
                    let clock = ContinuousClock()
                    let deadline = clock.now + .seconds(8)
                    while answered.count.load(ordering: .relaxed) < 2, clock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
                    // Not awaited: a caller held past its timeout is the failure this test looks for.
                    try #require(answered.count.load(ordering: .relaxed) == 2, "round \(round): an operation outlived its 2 s timeout")
                }
                var recovered = false
                for _ in 0..<50 where !recovered {
                    recovered = (try? await store.ping()) != nil
                    if !recovered { try await Task.sleep(for: .milliseconds(200)) }
                }
                #expect(recovered)
                // Its listener is back too: an insert through another pool wakes it.
                let generation = store.wakeups.generation
                try await StoreHarness.withPostgresStore(url: url, listen: false) { other in
                    try await other.insert(StoreConformanceTests.record(), maxQueued: nil)
                }
                await store.wakeups.wait(after: generation, timeout: .seconds(10))
                #expect(store.wakeups.generation > generation)
                #expect(try await store.claim(worker: "w", leaseSeconds: 30, at: Date()) != nil)
            }
        }
    }

    @Test("a server that cannot be reached gives a 503-shaped error quickly")
    func unreachable() async throws {
        try await StoreHarness.withPostgresStore(
            url: "postgres://reel:reel@127.0.0.1:1/reel?sslmode=disable",
            listen: false,
            timeout: .seconds(2)
        ) { store in
            let error = await #expect(throws: ReelError.self) { try await store.ping() }
            #expect(error?.kind == .unavailable)
            #expect(error?.retryAfter != nil)
        }
    }
}

/// Operations that returned, counted from the unstructured tasks that ran them.
private final class Answers: Sendable {
    let count = Atomic<Int>(0)
}
