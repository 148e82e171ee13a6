import Foundation
import ReelCore
import ReelObjects
import ReelRender
import ReelTestSupport
import Synchronization
import Testing

@Suite("Child processes")
struct ProcessRunnerTests {
    @Test("a positive niceness lowers the child's CPU priority")
    func niceness() async throws {
        let output = Mutex(Data())
        let outcome = try await ProcessRunner.run(
            "/bin/sh",
            ["-c", "sleep 0.3; cut -d' ' -f19 /proc/$$/stat"],
            niceness: 7
        ) { data in output.withLock { $0.append(data) } }
        #expect(outcome.succeeded)
        let nice = output.withLock { String(decoding: $0, as: UTF8.self) }.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Int(nice) == 7)
    }

    func text(_ data: borrowing Mutex<Data>) -> String { data.withLock { String(decoding: $0, as: UTF8.self) } }

    @Test("exit status, standard error's tail and standard output come back; standard input is empty")
    func outcome() async throws {
        let output = Mutex(Data())
        let outcome = try await ProcessRunner.run(
            "/bin/sh",
            ["-c", "cat; echo out; i=0; while [ $i -lt 3000 ]; do echo err$i >&2; i=$((i+1)); done; exit 3"]
        ) { data in output.withLock { $0.append(data) } }
        #expect(outcome.exitCode == 3 && !outcome.succeeded)
        #expect(text(output) == "out\n")
        #expect(outcome.standardErrorTail.hasSuffix("err2999\n"))
        #expect(outcome.standardErrorTail.utf8.count <= 8192 && !outcome.standardErrorTail.contains("err0\n"))
    }

    @Test("the child inherits no descriptor but 0, 1 and 2, and starts with SIGPIPE at its default")
    func descriptorsAndSignals() async throws {
        let leaky = open("/dev/null", O_RDONLY)  // no O_CLOEXEC
        defer { close(leaky) }
        let output = Mutex(Data())
        let outcome = try await ProcessRunner.run(
            "/bin/sh", ["-c", "ls /proc/$$/fd; grep SigIgn /proc/$$/status"]
        ) { data in output.withLock { $0.append(data) } }
        #expect(outcome.succeeded)
        let lines = text(output).split(separator: "\n")
        #expect(Set(lines.dropLast()) == ["0", "1", "2"], "inherited: \(lines)")
        let ignored = UInt64(lines.last?.split(separator: "\t").last ?? "", radix: 16) ?? .max
        #expect(ignored & (1 << (UInt64(SIGPIPE) - 1)) == 0, "SIGPIPE ignored in the child: \(lines.last ?? "")")
    }

    @Test("a missing program throws; a cancelled run kills its child at once", .tags(.timed), .apart, .timeLimit(.minutes(2)))
    func failures() async throws {
        await #expect(throws: SpawnError.self) { try await ProcessRunner.run("/nonexistent/ffmpeg", []) }
        let started = ContinuousClock.now
        // Cancelled once the child has said it runs, not after a guessed delay.
        let (running, says) = AsyncStream<Void>.makeStream()
        let task = Task { try await ProcessRunner.run("/bin/sh", ["-c", "echo up; exec sleep 30"]) { _ in says.yield() } }
        for await _ in running { break }
        task.cancel()
        let outcome = try await task.value
        #expect(outcome.exitCode == 128 + SIGKILL)
        #expect(ContinuousClock.now - started < .seconds(5))
    }
}

@Suite("Source probes are remembered per file")
struct ProbeCacheTests {
    @Test("a second probe of the same file needs no ffprobe; a changed file is probed again")
    func cached() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let url = try await kit.video(seconds: 1)
        let path = try requireLocal(kit.objects.localPath(for: ObjectKeys.asset(try #require(UUID(uuidString: String(url.dropFirst(8)))))))
        let cache = ProbeCache()
        let real = MediaProbe(ffprobePath: MediaKit.ffprobe, cache: cache)
        let info = try await real.probe(path, name: url)
        let keyframes = try await real.keyframeTimes(path)
        #expect(keyframes.first == 0)
        let broken = MediaProbe(ffprobePath: "/nonexistent/ffprobe", cache: cache)
        #expect(try await broken.probe(path, name: url) == info)
        #expect(try await broken.keyframeTimes(path) == keyframes)
        let later = Date().addingTimeInterval(5)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: path)
        await #expect(throws: (any Error).self) { try await broken.probe(path, name: url) }
    }

    @Test("jobs probing one file at once share one ffprobe run")
    func sharedRun() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let url = try await kit.video(seconds: 1)
        let path = try requireLocal(kit.objects.localPath(for: ObjectKeys.asset(try #require(UUID(uuidString: String(url.dropFirst(8)))))))
        let runs = kit.folder.appendingPathComponent("runs.txt")
        let counting = kit.folder.appendingPathComponent("ffprobe")
        try "#!/bin/sh\necho run >> '\(runs.path)'\nexec '\(MediaKit.ffprobe)' \"$@\"\n".write(
            to: counting, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: counting.path)
        let probe = MediaProbe(ffprobePath: counting.path, cache: ProbeCache())
        let infos = try await withThrowingTaskGroup(of: MediaInfo.self) { group in
            for _ in 0..<8 { group.addTask { try await probe.probe(path, name: url) } }
            return try await group.reduce(into: [MediaInfo]()) { $0.append($1) }
        }
        #expect(Set(infos).count == 1 && infos.count == 8)
        let keyframes = await withTaskGroup(of: [Double].self) { group in
            for _ in 0..<8 { group.addTask { (try? await probe.keyframeTimes(path)) ?? [] } }
            return await group.reduce(into: [[Double]]()) { $0.append($1) }
        }
        #expect(keyframes.allSatisfy { $0.first == 0 })
        #expect(try String(contentsOf: runs, encoding: .utf8).split(separator: "\n").count == 2)
    }
}

@Suite("Child processes do not starve the server", .tags(.timed), .apart, .timeLimit(.minutes(2)))
struct ProcessRunnerLivenessTests {
    @Test("twelve children run at once, and other async work still runs (pipe reads do not hold the shared threads)")
    func liveness() async throws {
        let started = ContinuousClock.now
        let finished = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    _ = try await ProcessRunner.run("/bin/sleep", ["4"])
                    finished.add()
                }
            }
            try await Task.sleep(for: .milliseconds(200))
            for _ in 0..<5 { try await Task.sleep(for: .milliseconds(10)) }
            // Had the pipe reads held the shared threads, this would only run once children ended.
            #expect(finished.value == 0, "async work waited behind blocked pipe reads until children ended")
            try await group.waitForAll()
        }
        // Twelve 4 s sleeps side by side; queued behind two blocked reader threads they took 24 s.
        #expect(ContinuousClock.now - started < .seconds(12))
    }
}
