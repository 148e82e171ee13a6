import Foundation
import ReelCore
import Testing

@Suite("Job lifecycle and retries")
struct JobLifecycleTests {
    let lifecycle = JobLifecycle(policy: RetryPolicy(maxAttempts: 3, baseDelay: 2, maxDelay: 60, jitter: 0.25))

    @Test("success completes")
    func success() {
        #expect(lifecycle.action(for: .succeeded, attempt: 1, maxAttempts: 3, random: 0.5) == .complete)
    }

    @Test("a transient failure retries with backoff until the attempts run out")
    func transient() {
        let failure = RenderFailure("HTTP 503", transient: true)
        #expect(lifecycle.action(for: .failed(failure), attempt: 1, maxAttempts: 3, random: 0.5) == .retry(after: 2, message: "HTTP 503"))
        #expect(lifecycle.action(for: .failed(failure), attempt: 2, maxAttempts: 3, random: 0.5) == .retry(after: 4, message: "HTTP 503"))
        #expect(
            lifecycle.action(for: .failed(failure), attempt: 3, maxAttempts: 3, random: 0.5)
                == .fail(message: "HTTP 503 (gave up after 3 attempts)"))
    }

    @Test("a permanent failure fails at once")
    func permanent() {
        #expect(
            lifecycle.action(for: .failed(RenderFailure("not a video")), attempt: 1, maxAttempts: 3, random: 0)
                == .fail(message: "not a video"))
    }

    @Test("shutdown releases, a lost lease discards")
    func stops() {
        #expect(lifecycle.action(for: .shutdown, attempt: 2, maxAttempts: 3, random: 0) == .release)
        #expect(lifecycle.action(for: .lostLease, attempt: 1, maxAttempts: 3, random: 0) == .discard)
    }

    @Test("jitter stays within its spread and the cap holds")
    func jitter() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: 2, maxDelay: 60, jitter: 0.25)
        #expect(policy.delay(afterAttempt: 3, unit: 0) == 6)
        #expect(policy.delay(afterAttempt: 3, unit: 0.999_999) > 9.99)
        #expect(policy.delay(afterAttempt: 30, unit: 0.5) == 60)
    }

    @Test("a rescue requeues below the row's own limit and fails at it, whatever the policy says")
    func rescueUsesRowLimit() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let id = UUID()
        let requeue = lifecycle.rescue(ExpiredLease(id: id, token: "t", attempt: 4, maxAttempts: 5), at: now)
        #expect(requeue.status == .queued)
        #expect(requeue.event == .retrying)
        #expect(requeue.wakesWorkers)
        #expect(requeue.target == .leased(id: id, token: "t", expiredBefore: now))
        let fail = lifecycle.rescue(ExpiredLease(id: id, token: "t", attempt: 2, maxAttempts: 2), at: now)
        #expect(fail.status == .failed)
        #expect(fail.event == .failed)
        #expect(fail.errorMessage == .set("the worker rendering this composition stopped responding 2 times"))
        #expect(!fail.wakesWorkers)
    }

    @Test("each action writes its status, event and lease change; discard writes nothing")
    func updates() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let id = UUID()
        let cases: [(JobLifecycle.Action, CompositionStatus, CompositionEvent.Kind, JobUpdate.Attempt)] = [
            (.complete, .completed, .completed, .keep),
            (.retry(after: 5, message: "HTTP 503"), .queued, .retrying, .keep),
            (.fail(message: "bad"), .failed, .failed, .keep),
            (.release, .queued, .queued, .giveBack),
        ]
        for (action, status, event, attempt) in cases {
            let update = lifecycle.update(for: action, id: id, token: "t", result: nil, at: now)
            #expect(update?.status == status)
            #expect(update?.event == event)
            #expect(update?.attempt == attempt)
            #expect(update?.lease == .drop)
            #expect(update?.target == .leased(id: id, token: "t", expiredBefore: nil))
        }
        #expect(lifecycle.update(for: .retry(after: 5, message: "x"), id: id, token: "t", result: nil, at: now)?.runAt == now + 5)
        #expect(lifecycle.update(for: .discard, id: id, token: "t", result: nil, at: now) == nil)
        let claim = lifecycle.claim(worker: "w", token: "t", leaseSeconds: 30, at: now)
        #expect(claim.lease == .grant(token: "t", worker: "w", until: now + 30))
        #expect(claim.attempt == .next)
        #expect(claim.event == .processing)
        #expect(lifecycle.heartbeat(id: id, token: "t", progress: nil, leaseSeconds: 30, at: now).event == nil)
        #expect(lifecycle.cancel(id: nil, tenant: "a", at: now).target == .unfinished(id: nil, tenant: "a"))
    }
}

@Suite("ffmpeg progress")
struct ProgressParserTests {
    @Test("out_time_us over the duration, reported at each progress line")
    func parses() {
        var parser = FFmpegProgressParser(duration: 10)
        #expect(parser.consume(Array("frame=10\nout_time_us=2500000\n".utf8)) == nil)
        #expect(parser.consume(Array("progress=continue\n".utf8)) == 0.25)
        #expect(parser.consume(Array("out_time_us=5000".utf8)) == nil)
        #expect(parser.consume(Array("000\nprogress=continue\n".utf8)) == 0.5)
        #expect(parser.consume(Array("out_time_us=N/A\nprogress=end\n".utf8)) == 1)
    }

    @Test("stages map onto overall progress")
    func stages() {
        #expect(RenderStage.downloading.overall(0.5) == 5)
        #expect(RenderStage.rendering.overall(0.5) == 52.5)
        #expect(RenderStage.uploading.overall(1) == 100)
    }

    @Test("a new composition is queued at once, nothing attempted, in its priority, and wakes the workers")
    func insert() {
        let created = Date(timeIntervalSince1970: 1_000)
        let record = CompositionRecord(
            id: UUID(), tenant: "t",
            request: CompositionRequest(
                title: "t", priority: .high, clips: [Clip(videoURL: "https://x.test/a.mp4", startTime: 0, endTime: 1)]),
            status: .pending, createdAt: created, updatedAt: created)
        let row = JobLifecycle().insert(record)
        #expect(row.status == .queued && row.stage == .queued && row.event == .queued)
        #expect(row.progress == 0 && row.attempt == 0 && row.runAt == created)
        #expect(row.priorityRank == Priority.high.rank && row.wakesWorkers)
    }
}
