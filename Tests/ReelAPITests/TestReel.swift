import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ReelAPI
import ReelCore
import ReelObjects
import ReelRender
import ReelStore
import ReelWorker
import ServiceLifecycle

/// A Reel wired as `reel serve` wires it, over a temporary data folder.
struct TestReel {
    let folder: URL
    let configuration: ReelConfiguration
    let store: SQLiteStore
    let services: ReelServices

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    init(environment: [String: String] = [:]) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("reel-api-\(UUID().uuidString)")
        var env = ProcessInfo.processInfo.environment
        env["REEL_DATA_DIR"] = folder.path
        env["REEL_ALLOW_PRIVATE_SOURCES"] = "true"
        for (key, value) in environment { env[key] = value }
        configuration = ReelConfiguration(environment: env)
        store = try SQLiteStore(path: folder.appendingPathComponent("reel.sqlite").path)
        try await store.migrate()
        let objects = try LocalObjectStore(root: folder.appendingPathComponent("objects"))
        services = ReelServices(
            configuration: configuration,
            store: store,
            objects: objects,
            signer: URLSigner(secret: "test-secret"),
            workerSlots: 2,
            ffmpegVersion: "ffmpeg test"
        )
    }

    var logger: Logger {
        var logger = Logger(label: "reel-test")
        logger.logLevel = .warning
        return logger
    }

    /// The application alone (no workers).
    func application() -> some ApplicationProtocol {
        buildApplication(services, logger: logger)
    }

    /// The application with render workers and the rescuer, as `reel serve` runs it.
    func applicationWithWorkers() -> some ApplicationProtocol {
        let rescuer = LeaseRescuer(queue: store, interval: .seconds(1), maxAttempts: 3, logger: logger)
        return buildApplication(services, background: [worker(), rescuer], logger: logger)
    }

    /// Render workers as `reel serve` runs them, on this store and object store.
    func worker() -> RenderWorker {
        let renderer = CompositionRenderer(
            fetcher: SourceFetcher(
                httpClient: HTTPClient.shared,
                objects: services.objects,
                cacheDirectory: configuration.cacheDirectory,
                addressGuard: AddressGuard(allowPrivate: configuration.allowPrivateSources)
            ),
            objects: services.objects,
            ffmpegPath: configuration.ffmpegPath,
            ffprobePath: configuration.ffprobePath,
            fontFile: configuration.fontFile,
            scratchRoot: configuration.scratchDirectory.appendingPathComponent("jobs")
        )
        return RenderWorker(
            queue: store,
            renderer: renderer,
            configuration: WorkerConfiguration(concurrency: 2, leaseSeconds: 5, heartbeatInterval: .milliseconds(200)),
            logger: logger,
            webhooks: WebhookNotifier(
                httpClient: HTTPClient.shared,
                secret: "test-secret",
                addressGuard: AddressGuard(allowPrivate: configuration.allowPrivateSources)
            )
        )
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
