import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import ReelAPI
import ReelCore
import ReelObjects
import ReelRender
import ReelStore
import ReelWorker

/// The backends a configuration selects, opened and ready: store, queue, objects, renderer.
struct Runtime {
    let configuration: ReelConfiguration
    /// Nil for `reel render`.
    let store: (any CompositionStore & JobQueue)?
    let objects: any ObjectStore
    let httpClient: HTTPClient
    let logger: Logger

    static func open(_ configuration: ReelConfiguration, logger: Logger) async throws -> Runtime {
        try FileManager.default.createDirectory(at: configuration.dataDirectory, withIntermediateDirectories: true)
        let store = try openStore(configuration.databaseURL)
        try await store.migrate()
        return try openRendering(configuration, store: store, logger: logger)
    }

    /// The object store and HTTP client alone: enough for `reel render`, which keeps no state.
    static func openRendering(
        _ configuration: ReelConfiguration,
        store: (any CompositionStore & JobQueue)? = nil,
        logger: Logger
    ) throws -> Runtime {
        let objects = try openObjects(configuration.storageURL)
        let httpClient = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: .init(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10), read: .seconds(60)))
        )
        return Runtime(configuration: configuration, store: store, objects: objects, httpClient: httpClient, logger: logger)
    }

    static func openStore(_ url: String) throws -> SQLiteStore {
        if url.hasPrefix("sqlite://") { return try SQLiteStore(path: String(url.dropFirst("sqlite://".count))) }
        throw ConfigurationError("REEL_DATABASE_URL \(url): only sqlite:// is supported by this build")
    }

    static func openObjects(_ url: String) throws -> any ObjectStore {
        if url.hasPrefix("file://") { return try LocalObjectStore(root: URL(fileURLWithPath: String(url.dropFirst("file://".count)))) }
        throw ConfigurationError("REEL_STORAGE_URL \(url): only file:// is supported by this build")
    }

    /// This process's scratch folder. Folders left by processes that died, and partial
    /// downloads abandoned more than ten minutes ago, are removed.
    func scratchFolder() -> URL {
        let root = configuration.scratchDirectory
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: root.path)) ?? [] where name.hasPrefix("jobs-") {
            if let pid = Int32(name.dropFirst(5)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                try? manager.removeItem(at: root.appendingPathComponent(name))
            }
        }
        let cache = configuration.cacheDirectory
        let stale = Date().addingTimeInterval(-600)
        for name in (try? manager.contentsOfDirectory(atPath: cache.path)) ?? [] where name.hasSuffix(".part") {
            let file = cache.appendingPathComponent(name)
            let modified = (try? manager.attributesOfItem(atPath: file.path))?[.modificationDate] as? Date ?? .distantPast
            if modified < stale { try? manager.removeItem(at: file) }
        }
        return root.appendingPathComponent("jobs-\(getpid())")
    }

    func renderer(scratch: URL) -> CompositionRenderer {
        let fetcher = SourceFetcher(
            httpClient: httpClient,
            objects: objects,
            cacheDirectory: configuration.cacheDirectory,
            addressGuard: AddressGuard(allowPrivate: configuration.allowPrivateSources)
        )
        return CompositionRenderer(
            fetcher: fetcher,
            objects: objects,
            ffmpegPath: configuration.ffmpegPath,
            ffprobePath: configuration.ffprobePath,
            fontFile: configuration.fontFile,
            scratchRoot: scratch
        )
    }

    /// The secret that signs download links: `REEL_SECRET`, or one generated once into the data folder.
    func secret() throws -> String {
        if let secret = configuration.secret { return secret }
        let file = configuration.dataDirectory.appendingPathComponent("secret")
        if let existing = try? String(contentsOf: file, encoding: .utf8), !existing.isEmpty {
            return existing.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let generated = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        try generated.write(to: file, atomically: true, encoding: .utf8)
        chmod(file.path, 0o600)
        return (try? String(contentsOf: file, encoding: .utf8)) ?? generated
    }

    func ffmpegVersion() async -> String? {
        let output = OutputCapture()
        let outcome = try? await ProcessRunner.run(configuration.ffmpegPath, ["-hide_banner", "-version"]) { output.append($0) }
        guard outcome?.succeeded == true else { return nil }
        return output.text.split(separator: "\n").first.map(String.init)
    }

    func worker(concurrency: Int) throws -> RenderWorker {
        guard let store else { throw ConfigurationError("render workers need a database") }
        return RenderWorker(
            queue: store,
            renderer: renderer(scratch: scratchFolder()),
            configuration: WorkerConfiguration(concurrency: concurrency, leaseSeconds: configuration.leaseSeconds),
            logger: logger,
            webhooks: WebhookNotifier(
                httpClient: httpClient,
                secret: try secret(),
                addressGuard: AddressGuard(allowPrivate: configuration.allowPrivateSources)
            )
        )
    }

    func rescuer() throws -> LeaseRescuer {
        guard let store else { throw ConfigurationError("the lease rescuer needs a database") }
        return LeaseRescuer(
            queue: store,
            interval: .milliseconds(Int64(max(250, configuration.leaseSeconds * 250))),
            maxAttempts: RetryPolicy().maxAttempts,
            logger: logger
        )
    }

    func shutdown() async {
        try? await httpClient.shutdown()
    }
}

/// A configuration that cannot work, reported before anything starts.
struct ConfigurationError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
