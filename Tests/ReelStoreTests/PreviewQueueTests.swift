import Foundation
import ReelCore
import ReelStore
import Testing

/// The preview queue: the same behaviour from every driver, and a finished preview heard by a
/// second PostgreSQL process's store (its `LISTEN`).
@Suite("Preview queue conformance")
struct PreviewQueueTests {
    @Test("queued oldest first, taken once, finished, read once, dropped", arguments: StoreHarness.drivers)
    func lifecycle(driver: String) async throws {
        try await StoreHarness.withStore(driver) { store in
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            let (first, second) = (UUID(), UUID())
            try await store.enqueuePreview(id: first, tenant: "a", task: #"{"n":1}"#, at: start)
            let generation = store.previewsQueued.generation
            try await store.enqueuePreview(id: second, tenant: "b", task: #"{"n":2}"#, at: start.addingTimeInterval(1))
            await store.previewsQueued.wait(after: generation, timeout: .seconds(5))
            #expect(store.previewsQueued.generation > generation, "queueing wakes the preview slots")
            let queuedBefore = UUID()
            try await store.enqueuePreview(id: queuedBefore, tenant: "a", task: "{}", at: start.addingTimeInterval(-30))
            let taken = try await store.claimPreview(worker: "w/0", since: start, at: start)
            #expect(taken?.id == first && taken?.tenant == "a" && taken?.task == #"{"n":1}"#, "the oldest since, not the abandoned one")
            #expect(try await store.takePreviewOutcome(first) == nil, "no outcome while it runs")
            let finished = store.previewsFinished.generation
            try await store.finishPreview(first, outcome: "pictures", at: start)
            await store.previewsFinished.wait(after: finished, timeout: .seconds(5))
            #expect(store.previewsFinished.generation > finished, "finishing wakes the asker")
            #expect(try await store.takePreviewOutcome(first) == "pictures")
            #expect(try await store.takePreviewOutcome(first) == nil, "an outcome is read once")
            #expect(try await store.claimPreview(worker: "w/1", since: start, at: start)?.id == second)
            #expect(try await store.claimPreview(worker: "w/1", since: start, at: start) == nil)
            try await store.dropPreviews(second, olderThan: .distantPast)
            try await store.finishPreview(second, outcome: "late", at: start)
            #expect(try await store.takePreviewOutcome(second) == nil, "a dropped preview stays gone")
            let stale = UUID()
            try await store.enqueuePreview(id: stale, tenant: "a", task: "{}", at: start)
            try await store.dropPreviews(nil, olderThan: start.addingTimeInterval(10))
            #expect(
                try await store.claimPreview(worker: "w/0", since: .distantPast, at: start) == nil,
                "previews an asker left behind are dropped")
        }
    }

    @Test("a preview finished by one PostgreSQL process wakes the asker in another")
    func heardAcrossProcesses() async throws {
        guard StoreHarness.postgresURL != nil else { return }
        try await StoreHarness.withPostgresDatabase { url in
            try await StoreHarness.withPostgresStore(url: url, listen: false) { asker in
                try await asker.migrate()
                try await StoreHarness.withPostgresStore(url: url, listen: true) { worker in
                    let id = UUID()
                    try await asker.enqueuePreview(id: id, tenant: "t", task: "{}", at: Date())
                    #expect(try await worker.claimPreview(worker: "w", since: .distantPast, at: Date())?.id == id)
                    let generation = asker.previewsFinished.generation
                    let started = ContinuousClock.now
                    try await worker.finishPreview(id, outcome: "done", at: Date())
                    await asker.previewsFinished.wait(after: generation, timeout: .seconds(5))
                    #expect(ContinuousClock.now - started < .seconds(2), "heard through LISTEN, not the 1 s poll twice over")
                    #expect(try await asker.takePreviewOutcome(id) == "done")
                }
            }
        }
    }
}
