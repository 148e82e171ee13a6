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
import ServiceLifecycle

/// Reel's composition root: the backends a configuration selects — store, queue, objects,
/// renderer, metrics — and the services and applications every command and test is built from.
public struct ReelRuntime: Sendable {
    public let configuration: ReelConfiguration
    /// Nil for `reel render`.
    public let store: (any ReelDatabase)?
    public let objects: any ObjectStore
    /// Set when S3 is configured (`s3://` storage or AWS credentials/endpoint in the environment).
    public let s3: S3Client?
    public let httpClient: HTTPClient
    /// Whether ``shutdown()`` shuts ``httpClient`` down (not a client passed in).
    let ownsHTTPClient: Bool
    public let logger: Logger
    /// This process's series; `/metrics` emits them.
    public let metrics: MetricsRegistry
    /// This process's preview slots, made once: the API's previews and the queue's share them.
    let previewSlots = PreviewSlots()

    /// Opens the configured store and object store. Nothing runs yet: the store is the first
    /// service of ``serveApplication(_:background:)`` and the like, which migrate it once it runs.
    /// - Parameters:
    ///   - listen: whether the store listens for new jobs (processes with render workers).
    ///   - metrics: the registry `/metrics` emits (the executable's is swift-metrics' too).
    ///   - httpClient: a client to share (tests); by default the runtime makes and shuts down its own.
    public static func open(
        _ configuration: ReelConfiguration,
        logger: Logger,
        listen: Bool,
        metrics: MetricsRegistry = MetricsRegistry(),
        httpClient: HTTPClient? = nil
    ) throws -> ReelRuntime {
        do {
            try FileManager.default.createDirectory(at: configuration.dataDirectory, withIntermediateDirectories: true)
        } catch {
            throw SettingsError(problems: [
                "REEL_DATA_DIR=\(configuration.dataDirectory.path): cannot create that folder"
            ])
        }
        guard FileManager.default.isWritableFile(atPath: configuration.dataDirectory.path) else {
            throw SettingsError(problems: ["REEL_DATA_DIR=\(configuration.dataDirectory.path): the folder is not writable"])
        }
        let store = try openStore(configuration, listen: listen, logger: logger)
        return try openRendering(configuration, store: store, logger: logger, metrics: metrics, httpClient: httpClient)
    }

    /// Creates the keys of `REEL_API_KEYS` that are missing (their hash is the identity).
    public func seedKeys() async throws {
        guard let store, !configuration.seedKeys.isEmpty else { return }
        for seed in configuration.seedKeys where try await store.key(lookup: APIKeySecret.digest(seed.secret).lookup) == nil {
            _ = try await APIKeySecret.create(name: seed.name, scope: seed.scope, tenant: "default", in: store, secret: seed.secret)
            logger.info("created API key from REEL_API_KEYS", metadata: ["name": "\(seed.name)", "scope": "\(seed.scope.rawValue)"])
        }
    }

    /// With keys required, at least one live key must exist, or nobody could use Reel.
    public func requireAKey() async throws {
        guard configuration.keysRequired, let store else { return }
        if try await store.keys().contains(where: { $0.revokedAt == nil }) { return }
        let why =
            configuration.authMode == "on" ? "REEL_AUTH=on" : "Reel listens on \(configuration.host), beyond loopback (REEL_AUTH=auto)"
        throw SettingsError(problems: [
            "REEL_AUTH=\(configuration.authMode): \(why), so requests need an API key, and there is none; "
                + "create one with `reel keys create --name admin --scope admin` or set REEL_API_KEYS=name:scope:key"
        ])
    }

    /// Migrates, trying again for 30 s while the database is unavailable (still starting, or
    /// restarting: an attempt cut off by a restart times out, and one begun in time is retried).
    public static func migrate(_ store: any CompositionStore, objects: any ObjectStore, logger: Logger) async throws {
        do {
            try await objects.prepare()
        } catch {
            logger.warning("could not prepare the object store", metadata: ["error": "\(error)"])
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            let attempt = ContinuousClock.now
            do {
                return try await store.migrate()
            } catch let error as ReelError where error.kind == .unavailable && attempt < deadline {
                logger.warning("waiting for the database", metadata: ["error": "\(error.message)"])
                try await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// The object store and HTTP client alone: enough for `reel render`, which keeps no state.
    public static func openRendering(
        _ configuration: ReelConfiguration,
        store: (any ReelDatabase)? = nil,
        logger: Logger,
        metrics: MetricsRegistry = MetricsRegistry(),
        httpClient shared: HTTPClient? = nil
    ) throws -> ReelRuntime {
        let httpClient =
            shared
            ?? HTTPClient(
                eventLoopGroupProvider: .singleton,
                configuration: .init(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10), read: .seconds(60)))
            )
        let environment = ProcessInfo.processInfo.environment
        let s3Configured =
            configuration.storageURL.hasPrefix("s3://")
            || ["AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_ACCESS_KEY_ID"].contains { environment[$0]?.isEmpty == false }
        var s3Configuration = S3Client.Configuration(environment: environment)
        s3Configuration.multipartThreshold = configuration.s3MultipartThreshold
        let s3 = s3Configured ? S3Client(configuration: s3Configuration, httpClient: httpClient) : nil
        do {
            let objects = try openObjects(configuration.storageURL, s3: s3)
            return ReelRuntime(
                configuration: configuration, store: store, objects: objects, s3: s3, httpClient: httpClient,
                ownsHTTPClient: shared == nil, logger: logger, metrics: metrics)
        } catch {
            if shared == nil { try? httpClient.syncShutdown() }
            throw error
        }
    }

    static func openStore(
        _ configuration: ReelConfiguration,
        listen: Bool,
        logger: Logger
    ) throws -> any ReelDatabase {
        let url = configuration.databaseURL
        // A store that cannot open is a setting to fix: one line naming it, and exit 78.
        let problem = { (reason: String) in SettingsError(problems: ["REEL_DATABASE_URL=\(configuration.redactedDatabaseURL): \(reason)"]) }
        if url.hasPrefix("sqlite://") {
            do {
                return try SQLiteStore(path: String(url.dropFirst("sqlite://".count)))
            } catch {
                throw problem("cannot open or create that database file: \(Self.reason(error))")
            }
        }
        guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
            throw problem("use sqlite://PATH or postgres://user:password@host:5432/db")
        }
        do {
            return try PostgresStore(url: url, poolSize: configuration.databasePoolSize, listen: listen, logger: logger)
        } catch let error as StoreError {
            throw problem(error.message)
        }
    }

    static func openObjects(_ url: String, s3: S3Client?) throws -> any ObjectStore {
        let problem = { (reason: String) in SettingsError(problems: ["REEL_STORAGE_URL=\(url): \(reason)"]) }
        if url.hasPrefix("file://") {
            do {
                return try LocalObjectStore(root: URL(fileURLWithPath: String(url.dropFirst("file://".count))))
            } catch {
                throw problem("cannot create or open that folder: \(Self.reason(error))")
            }
        }
        guard url.hasPrefix("s3://"), let s3 else { throw problem("use file:///PATH or s3://bucket[/prefix]") }
        do {
            return try S3ObjectStore(url: url, client: s3)
        } catch {
            throw problem("must look like s3://bucket[/prefix]")
        }
    }

    /// Why a file or folder could not be opened, in the system's or SQLite's own short words
    /// (`Permission denied`, `file is not a database`), never an error dump.
    static func reason(_ error: any Error) -> String {
        if let sqlite = error as? SQLiteError { return sqlite.message }
        let error = error as NSError
        let underlying = (error.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
        let posix = [underlying, error].compactMap { $0 }.first { $0.domain == NSPOSIXErrorDomain }
        guard let posix else { return "the system refused it" }
        return String(cString: strerror(Int32(clamping: posix.code)))
    }

    /// Which object-store URLs compositions may name as sources, read with this runtime's S3
    /// credentials: the buckets of `REEL_SOURCE_BUCKETS`, never Reel's own storage.
    public var sourcePolicy: S3SourcePolicy {
        S3SourcePolicy(
            endpoint: s3?.configuration.endpoint, readableBuckets: Set(configuration.sourceBuckets), storageURL: configuration.storageURL)
    }

    /// This process's scratch folder. Folders left by processes that died are removed, with any
    /// process still working in one (an ffmpeg that outlived its worker), and so are partial
    /// downloads abandoned by a process killed mid-transfer.
    public func scratchFolder() -> URL {
        let root = configuration.scratchDirectory
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: root.path)) ?? [] where name.hasPrefix("jobs-") {
            if let pid = Int32(name.dropFirst(5)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                let folder = root.appendingPathComponent(name)
                Self.killProcesses(naming: folder.path + "/")
                try? manager.removeItem(at: folder)
            }
        }
        Self.removeAbandoned(in: configuration.cacheDirectory) { $0.hasSuffix(".part") }
        return root.appendingPathComponent("jobs-\(getpid())")
    }

    /// Removes the files of `folder` whose names pass `matching` and that nothing has written for
    /// ten minutes: transfers a process killed mid-way left behind.
    static func removeAbandoned(in folder: URL, matching: (String) -> Bool = { _ in true }) {
        let manager = FileManager.default
        let stale = Date().addingTimeInterval(-600)
        for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] where matching(name) {
            let file = folder.appendingPathComponent(name)
            let modified = (try? manager.attributesOfItem(atPath: file.path))?[.modificationDate] as? Date ?? .distantPast
            if modified < stale { try? manager.removeItem(at: file) }
        }
    }

    /// SIGKILLs every process of this machine whose command line names `path` (Linux `/proc`).
    static func killProcesses(naming path: String) {
        let needle = Data(path.utf8)
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry), pid != getpid(),
                let command = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"), command.range(of: needle) != nil
            else { continue }
            kill(pid, SIGKILL)
        }
    }

    public func renderer(scratch: URL) -> CompositionRenderer {
        var fetcher = SourceFetcher(
            httpClient: httpClient,
            objects: objects,
            cacheDirectory: configuration.cacheDirectory,
            addressGuard: AddressGuard(allowPrivate: configuration.allowPrivateSources)
        )
        fetcher.s3 = s3
        fetcher.sources = sourcePolicy
        var renderer = CompositionRenderer(
            fetcher: fetcher,
            ffmpegPath: configuration.ffmpegPath,
            ffprobePath: configuration.ffprobePath,
            fontFile: configuration.fontFile,
            scratchRoot: scratch
        )
        renderer.niceness = Int32(clamping: configuration.renderNiceness)
        renderer.builder.segmentSeconds = configuration.segmentSeconds
        return renderer
    }

    /// The secret that signs download links: `REEL_SECRET`, or one generated once into the data folder.
    public func secret() throws -> String {
        if let secret = configuration.secret { return secret }
        let file = configuration.dataDirectory.appendingPathComponent("secret")
        if let existing = try? String(contentsOf: file, encoding: .utf8), !existing.isEmpty {
            return existing.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let generated = Hex.string((0..<32).map { _ in UInt8.random(in: 0...255) })
        try generated.write(to: file, atomically: true, encoding: .utf8)
        chmod(file.path, 0o600)
        return (try? String(contentsOf: file, encoding: .utf8)) ?? generated
    }

    /// What the HTTP side of a process needs, with `workerSlots` render slots in it; uploads a
    /// process killed mid-way left behind are swept first.
    public func services(workerSlots: Int) async throws -> ReelServices {
        guard let store else { throw ConfigurationError("no database") }
        Self.removeAbandoned(in: configuration.uploadDirectory)
        return ReelServices(
            configuration: configuration,
            store: store,
            objects: objects,
            signer: URLSigner(secret: try secret()),
            metrics: metrics,
            workerSlots: workerSlots,
            ffmpegVersion: await ffmpegVersion(),
            sources: sourcePolicy,
            previews: workerSlots > 0 ? previewEngine() : QueuedPreviews(store: store, timeout: previewTimeout, maxWaiting: 16)
        )
    }

    var previewTimeout: Duration { .milliseconds(Int(clamping: (configuration.previewTimeout * 1000).rounded())) }

    /// Preview frames rendered in this process (`REEL_PREVIEW_SLOTS`, `REEL_PREVIEW_TIMEOUT`).
    public func previewEngine() -> PreviewEngine {
        previewSlots.engine {
            var renderer = renderer(scratch: scratchFolder())
            // Below the renders: a stream of previews must not take the CPU a render is using.
            renderer.niceness = Int32(clamping: min(19, configuration.renderNiceness + 5))
            return PreviewEngine(
                renderer: renderer, slots: configuration.previewSlots, timeout: previewTimeout,
                // One tenant may fill the slots and the line but one place of it, and no more than its queue limit.
                perTenant: min(configuration.maxQueuedPerTenant, 5 * configuration.previewSlots - 1))
        }
    }

    /// The preview slots taking previews that API-only processes queue.
    public func previewWorker() throws -> PreviewWorker {
        guard let store else { throw ConfigurationError("preview slots need a database") }
        return PreviewWorker(queue: store, engine: previewEngine(), workerID: WorkerConfiguration.defaultWorkerID(), logger: logger)
    }

    public func ffmpegVersion() async -> String? {
        let output = OutputCapture()
        let outcome = try? await ProcessRunner.run(configuration.ffmpegPath, ["-hide_banner", "-version"]) { output.append($0) }
        guard outcome?.succeeded == true else { return nil }
        return output.text.split(separator: "\n").first.map(String.init)
    }

    /// Render workers on this runtime's queue; `heartbeat` is how often a render renews its lease.
    public func worker(concurrency: Int, heartbeat: Duration = .milliseconds(400)) throws -> RenderWorker {
        guard let store else { throw ConfigurationError("render workers need a database") }
        var renderer = renderer(scratch: scratchFolder())
        if s3 != nil, configuration.sourceBuckets.isEmpty {
            // Sources that used to be read with Reel's credentials (the seed's test-bucket URLs) no longer are.
            logger.notice(
                "REEL_SOURCE_BUCKETS lists no bucket: s3:// sources are refused, and S3-style https:// sources are fetched unsigned")
        }
        if configuration.cacheMaxBytes > 0 {
            renderer.cache = ObjectRenderCache(
                objects: objects, index: store, maxBytes: configuration.cacheMaxBytes, ffmpegPath: configuration.ffmpegPath,
                logger: logger)
        }
        var worker = RenderWorker(
            queue: store,
            renderer: renderer,
            objects: objects,
            configuration: WorkerConfiguration(
                concurrency: concurrency,
                leaseSeconds: configuration.leaseSeconds,
                heartbeatInterval: heartbeat,
                pollInterval: store.idlePoll
            ),
            logger: logger
        )
        // Parts travel through the cache: without it, segments render where their composition does.
        if renderer.cache != nil { worker.parts = store }
        return worker
    }

    /// What a rendering process runs besides its HTTP side: `workers` render slots, the lease
    /// rescuer (and event retention), and the webhook dispatcher.
    public func renderingServices(workers: Int, heartbeat: Duration = .milliseconds(400)) throws -> [any Service] {
        [try worker(concurrency: workers, heartbeat: heartbeat), try previewWorker(), try rescuer(), try dispatcher()]
    }

    /// Delivers the webhook outbox (beside the render slots, in every process that renders).
    public func dispatcher() throws -> WebhookDispatcher {
        guard let store else { throw ConfigurationError("the webhook dispatcher needs a database") }
        var secrets = configuration.webhookSecrets
        if secrets.isEmpty {
            // Derived from REEL_SECRET, so every process sharing it signs alike; written out for receivers to copy.
            secrets = [WebhookSigner.derivedSecret(from: try secret())]
            let file = configuration.dataDirectory.appendingPathComponent("webhook-secret")
            if (try? String(contentsOf: file, encoding: .utf8)) != secrets[0] + "\n",
                (try? (secrets[0] + "\n").write(to: file, atomically: true, encoding: .utf8)) != nil
            {
                chmod(file.path, 0o600)
            }
        }
        return WebhookDispatcher(
            outbox: store,
            signer: WebhookSigner(secrets: secrets),
            addressGuard: AddressGuard(allowPrivate: configuration.allowPrivateSources),
            policy: WebhookPolicy(baseDelay: configuration.webhookRetryDelay, maxAge: configuration.webhookMaxAge),
            logger: logger
        )
    }

    public func rescuer() throws -> LeaseRescuer {
        guard let store else { throw ConfigurationError("the lease rescuer needs a database") }
        return LeaseRescuer(
            queue: store,
            interval: .milliseconds(Int64(clamping: max(250, configuration.leaseSeconds * 250))),
            eventRetention: configuration.eventRetention,
            logger: logger
        )
    }

    public func shutdown() async {
        if ownsHTTPClient { try? await httpClient.shutdown() }
    }
}

extension ReelRuntime {
    /// Runs `body`, then shuts the runtime's HTTP client down, whether `body` threw or not.
    public func closing(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch {
            await shutdown()
            throw error
        }
        await shutdown()
    }
}
