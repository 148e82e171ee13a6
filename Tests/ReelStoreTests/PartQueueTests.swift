import Foundation
import ReelCore
import ReelStore
import Testing

/// The parts of segmented renders as jobs, alike on every driver: claimed in priority order
/// while their composition renders, renewed, retried alone, rescued when their worker dies,
/// stopped when their composition is cancelled.
@Suite("Part queue conformance")
struct PartQueueTests {
    static func part(of composition: UUID, position: Int, priority: Priority = .default, maxAttempts: Int = 3) -> RenderPart {
        let step = PortableStep(
            FFmpegPlan(
                arguments: ["-i", "/c/a.mp4", "/s/chunk\(position).mp4"], files: ["t.txt": "hi"], duration: 2, appliedEffects: [],
                warnings: []),
            sources: ["/c/a.mp4": "https://x.test/a.mp4"], scratch: "/s")
        return RenderPart(
            compositionID: composition, position: position, key: "key-\(composition)-\(position)", step: step, fileExtension: "mp4",
            priority: priority, maxAttempts: maxAttempts)
    }

    /// A composition claimed by a worker (so its parts may run).
    static func rendering(_ store: any ReelDatabase, priority: Priority = .default) async throws -> ClaimedJob {
        try await store.insert(StoreConformanceTests.record(priority: priority), maxQueued: nil)
        return try #require(try await store.claim(worker: "coordinator", leaseSeconds: 60, at: Date()))
    }

    @Test(
        "parts are claimed by priority then order, with their portable step; enqueueing again adds nothing", arguments: StoreHarness.drivers
    )
    func claimOrder(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let low = try await Self.rendering(store, priority: .low)
            let high = try await Self.rendering(store, priority: .high)
            let lowParts = [0, 1].map { Self.part(of: low.id, position: $0, priority: .low) }
            let highParts = [1, RenderPart.audioPosition, 0].map { Self.part(of: high.id, position: $0, priority: .high) }
            try await store.enqueueParts(lowParts, at: Date())
            try await store.enqueueParts(highParts, at: Date())
            try await store.enqueueParts([Self.part(of: high.id, position: 0, priority: .high)], at: Date())
            var order: [(UUID, Int)] = []
            while let claimed = try await store.claimPart(worker: "w", leaseSeconds: 30, composition: nil, at: Date()) {
                order.append((claimed.part.compositionID, claimed.part.position))
                #expect(claimed.attempt == 1)
                #expect(claimed.part.step == Self.part(of: claimed.part.compositionID, position: claimed.part.position).step)
            }
            #expect(order.map(\.0) == [high.id, high.id, high.id, low.id, low.id])
            #expect(order.map(\.1) == [RenderPart.audioPosition, 0, 1, 0, 1])
            let listed = try await store.parts(of: high.id)
            #expect(listed.map(\.position) == [0, 1, RenderPart.audioPosition])
            #expect(listed.allSatisfy { $0.status == .running && $0.worker == "w" && $0.duration == 2 })
        }
    }

    @Test("a part is claimed for its composition only when asked; completion records seconds and reuse", arguments: StoreHarness.drivers)
    func completion(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let one = try await Self.rendering(store)
            let two = try await Self.rendering(store)
            try await store.enqueueParts([Self.part(of: one.id, position: 0)], at: Date())
            try await store.enqueueParts([Self.part(of: two.id, position: 0)], at: Date())
            let claimed = try #require(try await store.claimPart(worker: "w", leaseSeconds: 30, composition: two.id, at: Date()))
            #expect(claimed.part.compositionID == two.id)
            #expect(try await store.heartbeatPart(claimed, progress: 0.5, leaseSeconds: 30, at: Date()))
            #expect(try await store.parts(of: two.id).first?.progress == 0.5)
            try await store.recordPart(claimed, action: .complete, done: PartCompletion(seconds: 1.5, reused: true), at: Date())
            let done = try #require(try await store.parts(of: two.id).first)
            #expect(done.status == .done && done.progress == 1 && done.seconds == 1.5 && done.reused)
            // The lease is gone: the old holder can neither renew nor record again.
            #expect(try await store.heartbeatPart(claimed, progress: 0.9, leaseSeconds: 30, at: Date()) == false)
            try await store.removeParts(of: two.id)
            #expect(try await store.parts(of: two.id).isEmpty)
            #expect(try await store.parts(of: one.id).count == 1)
        }
    }

    @Test("a transient failure waits its delay, a release gives the attempt back, a final failure stays", arguments: StoreHarness.drivers)
    func retries(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let job = try await Self.rendering(store)
            try await store.enqueueParts([Self.part(of: job.id, position: 0, maxAttempts: 2)], at: Date())
            let now = Date()
            let first = try #require(try await store.claimPart(worker: "w", leaseSeconds: 30, composition: nil, at: now))
            try await store.recordPart(first, action: .retry(after: 60, message: "source 503"), done: nil, at: now)
            #expect(try await store.claimPart(worker: "w", leaseSeconds: 30, composition: nil, at: now.addingTimeInterval(30)) == nil)
            let second = try #require(
                try await store.claimPart(worker: "w", leaseSeconds: 30, composition: nil, at: now.addingTimeInterval(61)))
            #expect(second.attempt == 2)
            try await store.recordPart(second, action: .release, done: nil, at: now.addingTimeInterval(62))
            let third = try #require(
                try await store.claimPart(worker: "w", leaseSeconds: 30, composition: nil, at: now.addingTimeInterval(62)))
            #expect(third.attempt == 2)
            try await store.recordPart(third, action: .fail(message: "bad source"), done: nil, at: now.addingTimeInterval(63))
            let failed = try #require(try await store.parts(of: job.id).first)
            #expect(failed.status == .failed && failed.errorMessage == "bad source")
            #expect(try await store.claimPart(worker: "w", leaseSeconds: 30, composition: nil, at: now.addingTimeInterval(99)) == nil)
        }
    }

    @Test("an expired part is rescued alone and claimed again; past its attempts it fails", arguments: StoreHarness.drivers)
    func rescue(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let job = try await Self.rendering(store)
            try await store.enqueueParts([0, 1].map { Self.part(of: job.id, position: $0, maxAttempts: 2) }, at: Date())
            let now = Date()
            let dead = try #require(try await store.claimPart(worker: "dead", leaseSeconds: 3, composition: nil, at: now))
            let alive = try #require(try await store.claimPart(worker: "alive", leaseSeconds: 60, composition: nil, at: now))
            #expect(try await store.rescueExpiredParts(at: now.addingTimeInterval(1)) == 0)
            #expect(try await store.rescueExpiredParts(at: now.addingTimeInterval(4)) == 1)
            #expect(try await store.heartbeatPart(dead, progress: 0.2, leaseSeconds: 3, at: now.addingTimeInterval(4)) == false)
            #expect(try await store.heartbeatPart(alive, progress: 0.2, leaseSeconds: 60, at: now.addingTimeInterval(4)))
            let again = try #require(
                try await store.claimPart(worker: "w2", leaseSeconds: 3, composition: nil, at: now.addingTimeInterval(4)))
            #expect(again.part.position == dead.part.position && again.attempt == 2)
            #expect(try await store.rescueExpiredParts(at: now.addingTimeInterval(8)) == 1)
            let parts = try await store.parts(of: job.id)
            #expect(parts.first { $0.position == dead.part.position }?.status == .failed)
            #expect(parts.first { $0.position == alive.part.position }?.status == .running)
        }
    }

    @Test(
        "cancelling the composition stops its parts: no claim, no renewal; removing stale parts clears them",
        arguments: StoreHarness.drivers)
    func cancellation(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let job = try await Self.rendering(store)
            try await store.enqueueParts([0, 1].map { Self.part(of: job.id, position: $0) }, at: Date())
            let running = try #require(try await store.claimPart(worker: "w", leaseSeconds: 30, composition: nil, at: Date()))
            _ = try await store.cancel(job.id, at: Date())
            #expect(try await store.heartbeatPart(running, progress: 0.5, leaseSeconds: 30, at: Date()) == false)
            #expect(try await store.claimPart(worker: "w", leaseSeconds: 30, composition: nil, at: Date()) == nil)
            let other = try await Self.rendering(store)
            try await store.enqueueParts([Self.part(of: other.id, position: 0)], at: Date())
            try await store.removeParts(of: nil)
            #expect(try await store.parts(of: job.id).isEmpty)
            #expect(try await store.parts(of: other.id).count == 1)
        }
    }
}
