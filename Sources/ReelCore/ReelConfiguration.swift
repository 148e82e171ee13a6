import Foundation

/// Everything `reel serve|work|render` is configured with; each field has an environment
/// variable (DESIGN §2) and defaults that need no set-up.
public struct ReelConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var dataDirectory: URL
    public var databaseURL: String
    public var storageURL: String
    /// Concurrent renders in this process; 0 runs the API only.
    public var workers: Int
    public var publicURL: String
    public var allowPrivateSources: Bool
    /// Signs local download URLs; generated into the data folder when not given.
    public var secret: String?
    public var limits: CompositionLimits
    /// Queued compositions beyond which `POST` answers 429 `queue_full`.
    public var maxQueued: Int
    /// Largest composition body, in bytes.
    public var maxBodyBytes: Int
    /// Largest uploaded asset, in bytes.
    public var maxAssetBytes: Int
    public var ffmpegPath: String
    public var ffprobePath: String
    public var fontFile: String
    /// Default and longest lifetime of a download URL, in seconds.
    public var downloadURLLifetime: Int
    public var maxDownloadURLLifetime: Int
    /// Seconds a claimed job's lease lasts without renewal before it is rescued.
    public var leaseSeconds: Double
    /// Most PostgreSQL connections one process opens (`REEL_DATABASE_POOL_SIZE`).
    public var databasePoolSize: Int
    /// CPU niceness of ffmpeg (`REEL_RENDER_NICE`), so renders never starve the API.
    public var renderNiceness: Int
    /// Host names (besides IP literals, `localhost` and the public URL's host) a request's `Host`
    /// may name (`REEL_ALLOWED_HOSTS`, comma-separated; `*` for any): a browser tricked into
    /// sending requests to Reel under another name (DNS rebinding) is refused.
    public var allowedHosts: [String]
    /// Seconds a connection may sit idle between requests (`REEL_IDLE_TIMEOUT`).
    public var idleTimeout: Double
    /// Seconds from a request's first byte to the end of its headers (`REEL_HEADER_TIMEOUT`).
    public var headerTimeout: Double
    /// Seconds a request body may take before it must average ``minBodyBytesPerSecond``, and the
    /// longest pause between two of its reads (`REEL_BODY_TIMEOUT`).
    public var bodyTimeout: Double
    /// Slowest average rate of a request body once ``bodyTimeout`` has passed.
    public var minBodyBytesPerSecond: Double

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        host = value("REEL_HOST") ?? "127.0.0.1"
        port = value("REEL_PORT").flatMap(Int.init) ?? 8000
        let data = URL(fileURLWithPath: value("REEL_DATA_DIR") ?? "./data").standardizedFileURL
        dataDirectory = data
        databaseURL = value("REEL_DATABASE_URL") ?? "sqlite://" + data.appendingPathComponent("reel.sqlite").path
        storageURL = value("REEL_STORAGE_URL") ?? "file://" + data.appendingPathComponent("objects").path
        workers = value("REEL_WORKERS").flatMap(Int.init) ?? ProcessInfo.processInfo.activeProcessorCount
        publicURL = value("REEL_PUBLIC_URL") ?? ""
        allowPrivateSources = ["1", "true", "yes", "on"].contains(value("REEL_ALLOW_PRIVATE_SOURCES")?.lowercased() ?? "")
        secret = value("REEL_SECRET")
        limits = CompositionLimits(
            maxDuration: value("REEL_MAX_DURATION").flatMap(Double.init) ?? 180,
            maxClips: value("REEL_MAX_CLIPS").flatMap(Int.init) ?? 20,
            maxOverlays: value("REEL_MAX_OVERLAYS").flatMap(Int.init) ?? 10
        )
        maxQueued = value("REEL_MAX_QUEUED").flatMap(Int.init) ?? 10_000
        maxBodyBytes = value("REEL_MAX_BODY_BYTES").flatMap(Int.init) ?? 1 << 20
        maxAssetBytes = value("REEL_MAX_ASSET_BYTES").flatMap(Int.init) ?? 1 << 30
        ffmpegPath = value("REEL_FFMPEG") ?? Self.which("ffmpeg", environment: environment) ?? "/usr/bin/ffmpeg"
        ffprobePath = value("REEL_FFPROBE") ?? Self.which("ffprobe", environment: environment) ?? "/usr/bin/ffprobe"
        fontFile = value("REEL_FONT_FILE") ?? "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
        downloadURLLifetime = value("REEL_DOWNLOAD_URL_TTL").flatMap(Int.init) ?? 3600
        maxDownloadURLLifetime = 7 * 24 * 3600
        leaseSeconds = value("REEL_LEASE_SECONDS").flatMap(Double.init) ?? 15
        databasePoolSize = value("REEL_DATABASE_POOL_SIZE").flatMap(Int.init) ?? 4
        renderNiceness = value("REEL_RENDER_NICE").flatMap(Int.init) ?? 10
        allowedHosts = (value("REEL_ALLOWED_HOSTS") ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }.filter { !$0.isEmpty }
        func seconds(_ name: String, _ fallback: Double) -> Double {
            guard let seconds = value(name).flatMap(Double.init), (0.1...86_400).contains(seconds) else { return fallback }
            return seconds
        }
        idleTimeout = seconds("REEL_IDLE_TIMEOUT", 60)
        headerTimeout = seconds("REEL_HEADER_TIMEOUT", 10)
        bodyTimeout = seconds("REEL_BODY_TIMEOUT", 10)
        minBodyBytesPerSecond = 1024
    }

    /// `databaseURL` with its password replaced by `***`, for logs and health checks.
    public var redactedDatabaseURL: String {
        guard var components = URLComponents(string: databaseURL), components.password != nil else { return databaseURL }
        components.password = "***"
        return components.string ?? databaseURL
    }

    /// The base of links handed to clients.
    public var resolvedPublicURL: String {
        if !publicURL.isEmpty { return publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL }
        let shownHost = host == "0.0.0.0" ? "127.0.0.1" : host
        return "http://\(shownHost):\(port)"
    }

    /// Folder for per-job scratch files.
    public var scratchDirectory: URL { dataDirectory.appendingPathComponent("tmp") }
    /// Folder of the source cache.
    public var cacheDirectory: URL { dataDirectory.appendingPathComponent("cache") }

    static func which(_ program: String, environment: [String: String]) -> String? {
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
