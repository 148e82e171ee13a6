import ReelCore
import Testing

@Suite("Job lifecycle and retries")
struct JobLifecycleTests {
    let lifecycle = JobLifecycle(policy: RetryPolicy(maxAttempts: 3, baseDelay: 2, maxDelay: 60, jitter: 0.25))

    @Test("success completes")
    func success() {
        #expect(lifecycle.action(for: .succeeded, attempt: 1, random: 0.5) == .complete)
    }

    @Test("a transient failure retries with backoff until the attempts run out")
    func transient() {
        let failure = RenderFailure("HTTP 503", transient: true)
        #expect(lifecycle.action(for: .failed(failure), attempt: 1, random: 0.5) == .retry(after: 2, message: "HTTP 503"))
        #expect(lifecycle.action(for: .failed(failure), attempt: 2, random: 0.5) == .retry(after: 4, message: "HTTP 503"))
        #expect(lifecycle.action(for: .failed(failure), attempt: 3, random: 0.5) == .fail(message: "HTTP 503 (gave up after 3 attempts)"))
    }

    @Test("a permanent failure fails at once")
    func permanent() {
        #expect(lifecycle.action(for: .failed(RenderFailure("not a video")), attempt: 1, random: 0) == .fail(message: "not a video"))
    }

    @Test("shutdown releases, a lost lease discards")
    func stops() {
        #expect(lifecycle.action(for: .shutdown, attempt: 2, random: 0) == .release)
        #expect(lifecycle.action(for: .lostLease, attempt: 1, random: 0) == .discard)
    }

    @Test("jitter stays within its spread and the cap holds")
    func jitter() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: 2, maxDelay: 60, jitter: 0.25)
        #expect(policy.delay(afterAttempt: 3, unit: 0) == 6)
        #expect(policy.delay(afterAttempt: 3, unit: 0.999_999) > 9.99)
        #expect(policy.delay(afterAttempt: 30, unit: 0.5) == 60)
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
}
