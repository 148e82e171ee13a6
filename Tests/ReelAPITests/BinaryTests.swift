import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ReelCore
import Testing

/// Starts the built `reel` binary and drives it over HTTP, including stopping it mid-render.
@Suite("The reel binary", .serialized)
struct BinaryTests {
    /// The binary `swift build` made; `REEL_BINARY` overrides.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["REEL_BINARY"] { return path }
        return TestReel.packageRoot.appendingPathComponent(".build/debug/reel").path
    }

    /// One running `reel serve` over a data folder that outlives restarts.
    final class Server: @unchecked Sendable {
        let folder: URL
        let port: Int
        let environment: [String: String]
        var process: Process?

        init(folder: URL, environment: [String: String] = [:]) {
            self.folder = folder
            port = Int.random(in: 20_000..<40_000)
            var env = ProcessInfo.processInfo.environment
            env["REEL_DATA_DIR"] = folder.path
            env["REEL_PORT"] = String(port)
            env["REEL_ALLOW_PRIVATE_SOURCES"] = "true"
            env["REEL_WORKERS"] = "1"
            for (key, value) in environment { env[key] = value }
            self.environment = env
        }

        var base: String { "http://127.0.0.1:\(port)" }

        func start() async throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: BinaryTests.binary)
            process.arguments = ["serve"]
            process.environment = environment
            let log = folder.appendingPathComponent("reel.log")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
            let handle = try FileHandle(forWritingTo: log)
            handle.seekToEndOfFile()
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            self.process = process
            let deadline = ContinuousClock.now + .seconds(30)
            while ContinuousClock.now < deadline {
                if let (status, _) = try? await request("GET", "/health"), status == 200 { return }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw RenderFailure("reel did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        }

        /// Sends `signal` and waits for the process to exit; returns its status.
        func stop(_ signal: Int32) async throws -> Int32 {
            guard let process else { return -1 }
            kill(process.processIdentifier, signal)
            let deadline = ContinuousClock.now + .seconds(20)
            while process.isRunning && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
            #expect(!process.isRunning)
            self.process = nil
            return process.terminationStatus
        }

        func request(
            _ method: String, _ path: String, body: Data? = nil, contentType: String = "application/json"
        ) async throws
            -> (Int, Data)
        {
            var request = HTTPClientRequest(url: path.hasPrefix("http") ? path : base + path)
            request.method = .init(rawValue: method)
            if let body {
                request.body = .bytes(ByteBuffer(bytes: body))
                request.headers.add(name: "Content-Type", value: contentType)
            }
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            let bytes = try await response.body.collect(upTo: 100 << 20)
            return (Int(response.status.code), Data(bytes.readableBytesView))
        }

        func json(_ method: String, _ path: String, body: String? = nil) async throws -> [String: Any] {
            let (_, data) = try await request(method, path, body: body.map { Data($0.utf8) })
            return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        }

        func waitFor(_ id: String, timeout: Duration = .seconds(120), until done: ([String: Any]) -> Bool) async throws -> [String: Any] {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                let status = try await json("GET", "/api/v1/compositions/\(id)/status")
                if done(status) { return status }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw RenderFailure("timed out waiting for \(id)")
        }

        deinit {
            if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    static func uploadClip(_ server: Server, seconds: Double) async throws -> String {
        let clip = try await TestReel.makeClip(
            seconds: seconds, name: "clip-\(seconds).mp4", in: server.folder.appendingPathComponent("media"))
        let (status, data) = try await server.request("POST", "/api/v1/assets", body: try Data(contentsOf: clip), contentType: "video/mp4")
        #expect(status == 201)
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["url"] as? String ?? ""
    }

    /// Posts a 20 s 720p render and returns once it is past 15 %.
    static func startLongRender(_ server: Server) async throws -> String {
        let source = try await uploadClip(server, seconds: 5)
        let body =
            #"{"title":"long","clips":[{"video_url":"\#(source)","start_time":0,"end_time":20,"trim_end":5}],"output":{"resolution":"720p","fps":30}}"#
        let id = try #require(try await server.json("POST", "/api/v1/compositions", body: body)["id"] as? String)
        _ = try await server.waitFor(id) { ($0["overall_progress"] as? Double ?? 0) > 15 }
        return id
    }

    static func isSettled(_ status: [String: Any]) -> Bool {
        ["completed", "failed", "cancelled"].contains(status["status"] as? String ?? "")
    }

    static func newFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("reel-bin-\(UUID().uuidString)")
    }

    @Test("serves the seed's simple payload end to end")
    func servesAndRenders() async throws {
        let server = Server(folder: Self.newFolder())
        defer { try? FileManager.default.removeItem(at: server.folder) }
        try await server.start()
        let source = try await Self.uploadClip(server, seconds: 5)
        let body = try TestReel.seedPayload("simple-2-clip", sources: ["video1.mp4": source, "video2.mp4": source])
        let created = try await server.json("POST", "/api/v1/compositions/", body: body)
        let id = try #require(created["id"] as? String)
        let status = try await server.waitFor(id, until: Self.isSettled)
        #expect(status["status"] as? String == "completed", "\(status)")
        let link = try await server.json("GET", "/api/v1/compositions/\(id)/download")
        let url = try #require(link["download_url"] as? String)
        #expect(url.hasPrefix(server.base + "/files/"))
        let (code, data) = try await server.request("GET", url)
        #expect(code == 200 && data.count == link["file_size_bytes"] as? Int)
        let file = server.folder.appendingPathComponent("out.mp4")
        try data.write(to: file)
        try await RenderFlowTests.expectRendered(file, duration: 10, width: 1280, height: 720, fps: 30)
        #expect(try await server.stop(SIGTERM) == 0)
    }

    @Test("SIGTERM mid-render hands the job back; the next start finishes it without a new POST")
    func gracefulRestart() async throws {
        let server = Server(folder: Self.newFolder())
        defer { try? FileManager.default.removeItem(at: server.folder) }
        try await server.start()
        let id = try await Self.startLongRender(server)
        #expect(try await server.stop(SIGTERM) == 0)
        try await server.start()
        let status = try await server.waitFor(id, until: Self.isSettled)
        #expect(status["status"] as? String == "completed", "\(status)")
        #expect(status["attempt"] as? Int == 1)
        let metadata = try await server.json("GET", "/api/v1/compositions/\(id)/metadata")
        #expect(abs(((metadata["output_file"] as? [String: Any])?["duration_seconds"] as? Double ?? 0) - 20) < 0.05)
        #expect(try await server.stop(SIGTERM) == 0)
    }

    @Test("SIGKILL mid-render: the lease expires, the job is rescued and completed, scratch files are removed")
    func crashRecovery() async throws {
        let server = Server(folder: Self.newFolder(), environment: ["REEL_LEASE_SECONDS": "2"])
        defer { try? FileManager.default.removeItem(at: server.folder) }
        try await server.start()
        let id = try await Self.startLongRender(server)
        let deadPID = server.process?.processIdentifier ?? 0
        _ = try await server.stop(SIGKILL)
        let deadScratch = server.folder.appendingPathComponent("tmp/jobs-\(deadPID)")
        #expect(FileManager.default.fileExists(atPath: deadScratch.path), "the killed render left its scratch folder")
        try await server.start()
        let status = try await server.waitFor(id, until: Self.isSettled)
        #expect(status["status"] as? String == "completed", "\(status)")
        #expect(status["attempt"] as? Int == 2)
        #expect(!FileManager.default.fileExists(atPath: deadScratch.path))
        #expect(try await server.stop(SIGTERM) == 0)
    }
}
