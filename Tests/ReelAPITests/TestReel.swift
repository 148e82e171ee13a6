import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ReelAPI
import ReelApp
import ReelCore
import ReelObjects
import ReelRender
import ReelStore
import ReelWorker
import ServiceLifecycle

/// A Reel wired by ``ReelRuntime``, as `reel serve` is, over a temporary data folder.
struct TestReel {
    let folder: URL
    let configuration: ReelConfiguration
    let runtime: ReelRuntime
    let store: any ReelDatabase
    var services: ReelServices

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// Signs download links and webhooks.
    static let secret = "test-secret-0123456789"

    init(environment: [String: String] = [:]) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("reel-api-\(UUID().uuidString)")
        var env = ProcessInfo.processInfo.environment
        env["REEL_DATA_DIR"] = folder.path
        env["REEL_ALLOW_PRIVATE_SOURCES"] = "true"
        env["REEL_SECRET"] = Self.secret
        env["REEL_LEASE_SECONDS"] = "5"
        // Previews run niced below renders: beside the whole suite on two cores one can take seconds.
        env["REEL_PREVIEW_TIMEOUT"] = "120"
        for (key, value) in environment { env[key] = value }
        configuration = ReelConfiguration(environment: env)
        var logger = Logger(label: "reel-test")
        logger.logLevel = .warning
        runtime = try ReelRuntime.open(configuration, logger: logger, listen: true, httpClient: .shared)
        store = runtime.store!
        // Tests use the store before (or without) running the application, which migrates it too.
        try await store.migrate()
        services = try await runtime.services(workerSlots: 2)
    }

    var logger: Logger { runtime.logger }

    /// The application alone (no workers).
    func application() throws -> some ApplicationProtocol {
        try runtime.serveApplication(services, background: [])
    }

    /// The application with render workers (two slots, a lease renewed every 200 ms), the
    /// rescuer and the webhook dispatcher, as `reel serve` runs it.
    func applicationWithWorkers() throws -> some ApplicationProtocol {
        try runtime.serveApplication(services, background: try runtime.renderingServices(workers: 2, heartbeat: .milliseconds(200)))
    }

    /// Render workers as `reel serve` runs them (two slots, a lease renewed every 200 ms).
    func worker() throws -> RenderWorker {
        try runtime.worker(concurrency: 2, heartbeat: .milliseconds(200))
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: folder)
    }

    static func seedPayload(_ name: String) throws -> String {
        try String(
            contentsOf: packageRoot.appendingPathComponent("Tests/Fixtures/seed-payloads/\(name).json"),
            encoding: .utf8
        )
    }

    /// A seed payload with its `https://test-bucket.s3.amazonaws.com/NAME` sources replaced.
    static func seedPayload(_ name: String, sources: [String: String]) throws -> String {
        var text = try seedPayload(name)
        for (name, url) in sources {
            text = text.replacingOccurrences(of: "https://test-bucket.s3.amazonaws.com/\(name)", with: url)
        }
        return text
    }

    /// Makes a small media file with ffmpeg's lavfi sources.
    static func makeMedia(_ arguments: [String], name: String, in folder: URL) async throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        let outcome = try await ProcessRunner.run(
            ReelConfiguration().ffmpegPath,
            ["-v", "error", "-y"] + arguments + [file.path]
        )
        guard outcome.succeeded else { throw RenderFailure("fixture \(name): \(outcome.standardErrorTail)") }
        return file
    }

    static func makeClip(seconds: Double, name: String, in folder: URL, tone: Int = 440) async throws -> URL {
        try await makeMedia(
            [
                "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=30:duration=\(seconds)", "-f", "lavfi", "-i",
                "sine=frequency=\(tone):duration=\(seconds)", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-shortest",
            ],
            name: name,
            in: folder
        )
    }
}

extension ByteBuffer {
    /// The buffer parsed as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(readableBytesView))) as? [String: Any] ?? [:]
    }
}
