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

    /// `REEL_AUTH`: `auto` (keys required unless Reel listens on loopback only), `on` or `off`.
    public var authMode: String
    /// `REEL_METRICS_PORT`: where `reel work` serves `/livez`, `/readyz` and `/metrics`; 0 serves nothing.
    public var metricsPort: Int
    /// `REEL_LOG_LEVEL`: swift-log's level names, `trace` to `critical`.
    public var logLevel: String
    /// `REEL_LOG_FORMAT`: `text` (a line for people) or `json` (one object a line).
    public var logFormat: String
    /// `REEL_ACCESS_LOG`: `all` (an `info` line per HTTP request: method, route, status, duration,
    /// request id), `errors` (only answers ≥ 400 and requests slower than a second) or `off`.
    public var accessLog: String
    /// `REEL_METRICS`: record series and serve `/metrics` (on by default).
    public var metricsEnabled: Bool
    /// Keys to create at start if missing (`REEL_API_KEYS`: `name:scope:key`, comma-separated,
    /// or a file with one such entry a line); their tenant is `default`.
    public var seedKeys: [SeedKey]
    /// Queued compositions one tenant may have (`REEL_MAX_QUEUED_PER_TENANT`, default `REEL_MAX_QUEUED`).
    public var maxQueuedPerTenant: Int
    /// Per key (per client address with keys off) limits on writes and reads (`REEL_RATE_LIMIT_WRITE`,
    /// `REEL_RATE_LIMIT_READ`: `RATE/s[:BURST]` or `off`); off by default without keys.
    public var writeRateLimit: RateLimit?
    public var readRateLimit: RateLimit?
    /// How long an `Idempotency-Key`'s answer is kept, in seconds (`REEL_IDEMPOTENCY_TTL`).
    public var idempotencyLifetime: Double
    /// How long recorded events are kept, in seconds (`REEL_EVENT_RETENTION`).
    public var eventRetention: Double
    /// Standard Webhooks signing secrets, `whsec_…` (`REEL_WEBHOOK_SECRET`, comma- or
    /// space-separated, or a file of them: each signs every delivery, for rotation); empty:
    /// derived from `REEL_SECRET`.
    public var webhookSecrets: [String]
    /// Webhook retries: the first delay, doubling up to an hour (`REEL_WEBHOOK_RETRY_DELAY`, s),
    /// for at most `webhookMaxAge` seconds after the event (`REEL_WEBHOOK_MAX_AGE`).
    public var webhookRetryDelay: Double
    public var webhookMaxAge: Double
    /// Buckets whose objects a composition may name as sources (`s3://bucket/key` or S3-style
    /// URLs), read with Reel's S3 credentials (`REEL_SOURCE_BUCKETS`, comma-separated; none by
    /// default). Reel's own storage is never read by URL, listed or not.
    public var sourceBuckets: [String]
    /// Largest output uploaded in one PUT; larger ones go in parts (`REEL_S3_MULTIPART_THRESHOLD`).
    public var s3MultipartThreshold: Int
    /// Bytes the render cache may hold in the object store before the least recently used parts
    /// are evicted (`REEL_CACHE_MAX_BYTES`); 0 turns the cache off.
    public var cacheMaxBytes: Int
    /// Longest video segment of a segmented render (`REEL_SEGMENT_SECONDS`): each is a part any
    /// worker can render, and the unit the render cache reuses.
    public var segmentSeconds: Double
    /// Preview frames this process renders at once, on slots of their own beside the render
    /// slots (`REEL_PREVIEW_SLOTS`).
    public var previewSlots: Int
    /// Seconds a preview may take, waiting included, before its ffmpeg is stopped (`REEL_PREVIEW_TIMEOUT`).
    public var previewTimeout: Double
    /// Whether the API serves Reel Studio at `/studio/` (`REEL_STUDIO`).
    public var studioEnabled: Bool
    /// Origins (`https://app.example.com`) whose pages may call the API from the browser: CORS
    /// answers name exactly these, and their writes pass the cross-site guard (`REEL_CORS_ORIGINS`;
    /// none by default).
    public var corsOrigins: [String]
    /// One line for every setting that cannot be used (variable, value, what is allowed); empty
    /// when every setting is valid. ``validated()`` turns them into an error.
    public var problems: [String]
    /// `REEL_*` variables in the environment that no setting reads (typos, most likely).
    public var unknownVariables: [String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        var read = SettingsReader(environment: environment)
        host = read.text("REEL_HOST") ?? "127.0.0.1"
        port = read.integer("REEL_PORT", default: 8000, in: 1...65535)
        let data = URL(fileURLWithPath: read.text("REEL_DATA_DIR") ?? "./data").standardizedFileURL
        dataDirectory = data
        databaseURL = Self.databaseURL(&read, data: data)
        storageURL = Self.storageURL(&read, data: data)
        Self.checkEndpoints(&read, environment: environment)
        workers = read.integer("REEL_WORKERS", default: ProcessInfo.processInfo.activeProcessorCount, in: 0...1024)
        publicURL = Self.publicURL(&read)
        allowPrivateSources = read.flag("REEL_ALLOW_PRIVATE_SOURCES", default: false)
        secret = read.text("REEL_SECRET")
        if let secret, secret.utf8.count < 16 {
            read.refuse("REEL_SECRET", "(\(secret.utf8.count) characters)", "must be at least 16 characters")
        }
        limits = CompositionLimits(
            maxDuration: read.number("REEL_MAX_DURATION", default: 180, in: 1...86_400),
            maxClips: read.integer("REEL_MAX_CLIPS", default: 20, in: 1...1000),
            maxOverlays: read.integer("REEL_MAX_OVERLAYS", default: 10, in: 0...1000)
        )
        maxQueued = read.integer("REEL_MAX_QUEUED", default: 10_000, in: 1...1_000_000_000)
        maxBodyBytes = read.integer("REEL_MAX_BODY_BYTES", default: 1 << 20, in: 1024...(1 << 30))
        maxAssetBytes = read.integer("REEL_MAX_ASSET_BYTES", default: 1 << 30, in: 1...(1 << 42))
        ffmpegPath = read.text("REEL_FFMPEG") ?? Self.which("ffmpeg", environment: environment) ?? "/usr/bin/ffmpeg"
        ffprobePath = read.text("REEL_FFPROBE") ?? Self.which("ffprobe", environment: environment) ?? "/usr/bin/ffprobe"
        fontFile = read.text("REEL_FONT_FILE") ?? "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
        maxDownloadURLLifetime = 7 * 24 * 3600
        downloadURLLifetime = read.integer("REEL_DOWNLOAD_URL_TTL", default: 3600, in: 1...maxDownloadURLLifetime)
        leaseSeconds = read.number("REEL_LEASE_SECONDS", default: 15, in: 1...3600)
        databasePoolSize = read.integer("REEL_DATABASE_POOL_SIZE", default: 4, in: 1...1000)
        renderNiceness = read.integer("REEL_RENDER_NICE", default: 10, in: 0...19)
        allowedHosts = read.list("REEL_ALLOWED_HOSTS", allowed: "")
        idleTimeout = read.number("REEL_IDLE_TIMEOUT", default: 60, in: 0.5...86_400)
        headerTimeout = read.number("REEL_HEADER_TIMEOUT", default: 10, in: 0.5...3600)
        bodyTimeout = read.number("REEL_BODY_TIMEOUT", default: 10, in: 0.5...3600)
        minBodyBytesPerSecond = 1024
        sourceBuckets = read.list(
            "REEL_SOURCE_BUCKETS",
            allowed: "each must be a bucket name: 3 to 63 of a-z, 0-9, . and -, starting and ending with a letter or digit",
            isValid: Self.isBucketName)
        s3MultipartThreshold = read.integer("REEL_S3_MULTIPART_THRESHOLD", default: 16 << 20, in: (5 << 20)...(5 << 30))
        cacheMaxBytes = read.integer("REEL_CACHE_MAX_BYTES", default: 10 << 30, in: 0...(1 << 50))
        segmentSeconds = read.number("REEL_SEGMENT_SECONDS", default: 10, in: 2...600)
        previewSlots = read.integer("REEL_PREVIEW_SLOTS", default: 1, in: 1...64)
        previewTimeout = read.number("REEL_PREVIEW_TIMEOUT", default: 10, in: 0.5...300)
        studioEnabled = read.flag("REEL_STUDIO", default: true)
        corsOrigins = read.list(
            "REEL_CORS_ORIGINS",
            allowed:
                "each must be an origin as browsers send it: http(s)://host or http(s)://host:port (not the default port), nothing after",
            isValid: Self.isOrigin)
        authMode = read.choice("REEL_AUTH", default: "auto", among: ["auto", "on", "off"])
        metricsPort = read.integer("REEL_METRICS_PORT", default: 0, in: 0...65535)
        logLevel = read.choice(
            "REEL_LOG_LEVEL", default: "info", among: ["trace", "debug", "info", "notice", "warning", "error", "critical"])
        logFormat = read.choice("REEL_LOG_FORMAT", default: "text", among: ["text", "json"])
        accessLog = read.choice("REEL_ACCESS_LOG", default: "errors", among: ["all", "errors", "off"])
        metricsEnabled = read.flag("REEL_METRICS", default: true)
        seedKeys = Self.seedKeys(&read)
        let keys = Self.keysRequired(authMode: authMode, host: host)
        writeRateLimit = Self.rateLimit(&read, "REEL_RATE_LIMIT_WRITE", keys ? RateLimit(perSecond: 10, burst: 20) : nil)
        readRateLimit = Self.rateLimit(&read, "REEL_RATE_LIMIT_READ", keys ? RateLimit(perSecond: 100, burst: 200) : nil)
        idempotencyLifetime = read.number("REEL_IDEMPOTENCY_TTL", default: 86_400, in: 60...(30 * 86_400))
        eventRetention = read.number("REEL_EVENT_RETENTION", default: 7 * 86_400, in: 3_600...(365 * 86_400))
        webhookSecrets = Self.webhookSecrets(&read)
        webhookRetryDelay = read.number("REEL_WEBHOOK_RETRY_DELAY", default: 5, in: 0.1...3_600)
        webhookMaxAge = read.number("REEL_WEBHOOK_MAX_AGE", default: 86_400, in: 60...(7 * 86_400))
        maxQueuedPerTenant = read.integer("REEL_MAX_QUEUED_PER_TENANT", default: maxQueued, in: 1...1_000_000_000)
        problems = read.problems
        unknownVariables = read.unknownVariables()
    }

    /// The configuration, or every problem with it.
    public func validated() throws(SettingsError) -> ReelConfiguration {
        guard problems.isEmpty else { throw SettingsError(problems: problems) }
        return self
    }

    /// `databaseURL` with its password replaced by `***`, for logs and health checks.
    public var redactedDatabaseURL: String { Self.redacted(databaseURL) }

    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }

    /// Whether requests need an API key: `REEL_AUTH=on`, or `auto` while Reel listens beyond loopback.
    /// `scheme://host[:port]` with an http(s) scheme and nothing after, as browsers send `Origin`:
    /// never the scheme's default port, never one outside 1–65535.
    static func isOrigin(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme, ["http", "https"].contains(scheme),
            let host = components.host, !host.isEmpty
        else { return false }
        if let port = components.port, !(1...65535).contains(port) || port == (scheme == "https" ? 443 : 80) { return false }
        return components.path.isEmpty && components.query == nil && components.fragment == nil && components.user == nil
    }

    public var keysRequired: Bool { Self.keysRequired(authMode: authMode, host: host) }

    static func keysRequired(authMode: String, host: String) -> Bool {
        switch authMode {
        case "on": true
        case "off": false
        default: !["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) && !host.hasPrefix("127.")
        }
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
    /// Where uploads are written while they arrive and are read, before they go to storage.
    public var uploadDirectory: URL { scratchDirectory.appendingPathComponent("uploads") }

    /// An S3 bucket name as AWS allows it.
    static func isBucketName(_ name: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-")
        guard (3...63).contains(name.count), name.allSatisfy(allowed.contains), let first = name.first, let last = name.last else {
            return false
        }
        return (first.isLetter || first.isNumber) && (last.isLetter || last.isNumber)
    }

    static func which(_ program: String, environment: [String: String]) -> String? {
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

/// An API key given in `REEL_API_KEYS`, created at start when missing.
public struct SeedKey: Sendable, Hashable {
    public var name: String
    public var scope: KeyScope
    public var secret: String

    /// Parses `name:scope:key`; nil when malformed.
    public init?(_ entry: String) {
        let parts = entry.split(separator: ":", maxSplits: 2).map(String.init)
        guard parts.count == 3, !parts[0].isEmpty, let scope = KeyScope(rawValue: parts[1]), parts[2].count >= 24 else { return nil }
        name = parts[0]
        self.scope = scope
        secret = parts[2]
    }
}
