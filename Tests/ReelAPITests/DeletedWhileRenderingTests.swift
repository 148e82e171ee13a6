import Foundation
import ReelAPI
import ReelCore
import ReelObjects
import ReelStore
import Testing

@testable import ReelWorker

/// A composition deleted while its worker uploads leaves nothing behind; one taken over by
/// another worker keeps the files that worker writes.
@Suite("Deleted while rendering")
struct DeletedWhileRenderingTests {
    static let result = RenderResult(
        outputKey: "", output: MediaInfo(formatName: "mp4", duration: 1, sizeBytes: 5), inputs: [], appliedEffects: [], warnings: [],
        processingSeconds: 0.1)

    func claimWithOutput(_ reel: TestReel) async throws -> (ClaimedJob, String) {
        let now = Date()
        let record = CompositionRecord(
            id: UUID(),
            request: CompositionRequest(title: "t", clips: [Clip(videoURL: "https://a.example/x.mp4", startTime: 0, endTime: 1)]),
            status: .queued, createdAt: now, updatedAt: now)
        try await reel.store.insert(record, maxQueued: nil)
        let job = try #require(try await reel.store.claim(worker: "w", leaseSeconds: 1, at: now))
        let key = ObjectKeys.output(job.id, format: "mp4")
        let file = reel.folder.appendingPathComponent("upload.mp4")
        try Data("video".utf8).write(to: file)
        try await reel.services.objects.put(key: key, file: file, contentType: "video/mp4")
        return (job, key)
    }

    @Test("deleted before its worker completes: the uploaded output is removed")
    func deleted() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let (job, key) = try await claimWithOutput(reel)
        #expect(try await reel.store.delete(job.id) != nil)
        try await reel.worker().record(.complete, of: job, result: Self.result, logger: reel.logger)
        #expect(try await reel.services.objects.size(of: key) == nil)
    }

    @Test("taken over by another worker: the output stays for the new owner")
    func takenOver() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let (job, key) = try await claimWithOutput(reel)
        _ = try await reel.store.rescueExpired(at: Date().addingTimeInterval(5))
        #expect(try await reel.store.claim(worker: "other", leaseSeconds: 30, at: Date().addingTimeInterval(5)) != nil)
        try await reel.worker().record(.complete, of: job, result: Self.result, logger: reel.logger)
        #expect(try await reel.services.objects.size(of: key) == 5)
    }
}
