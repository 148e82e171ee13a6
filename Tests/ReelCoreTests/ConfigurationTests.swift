import Foundation
import ReelCore
import Testing

@Suite("Configuration from the environment")
struct ConfigurationTests {
    @Test("embedded defaults: SQLite and a folder under REEL_DATA_DIR, a pool of 4")
    func defaults() {
        let configuration = ReelConfiguration(environment: ["REEL_DATA_DIR": "/srv/reel"])
        #expect(configuration.databaseURL == "sqlite:///srv/reel/reel.sqlite")
        #expect(configuration.storageURL == "file:///srv/reel/objects")
        #expect(configuration.databasePoolSize == 4)
    }

    @Test("scaled out: the URLs are taken as given and the password never reaches a log")
    func scaledOut() {
        let configuration = ReelConfiguration(environment: [
            "REEL_DATABASE_URL": "postgres://reel:s3cret@db.internal:5432/reel",
            "REEL_STORAGE_URL": "s3://videos/reel",
            "REEL_DATABASE_POOL_SIZE": "6",
            "REEL_WORKERS": "0",
        ])
        #expect(configuration.storageURL == "s3://videos/reel")
        #expect(configuration.databasePoolSize == 6)
        #expect(configuration.workers == 0)
        #expect(configuration.redactedDatabaseURL == "postgres://reel:***@db.internal:5432/reel")
        #expect(!configuration.redactedDatabaseURL.contains("s3cret"))
    }

    @Test(
        "a value that does not parse or is out of range is a problem naming the variable, the value and the range",
        arguments: [
            ("REEL_PORT", "80o", "REEL_PORT=80o: must be a whole number from 1 to 65535"),
            ("REEL_WORKERS", "two", "REEL_WORKERS=two: must be a whole number from 0 to 1024"),
            ("REEL_MAX_QUEUED", "-1", "REEL_MAX_QUEUED=-1: must be a whole number from 1 to 1000000000"),
            ("REEL_MAX_BODY_BYTES", "-5", "REEL_MAX_BODY_BYTES=-5: must be a whole number from 1024 to 1073741824"),
            ("REEL_LEASE_SECONDS", "nan", "REEL_LEASE_SECONDS=nan: must be a number from 1 to 3600"),
            ("REEL_IDLE_TIMEOUT", "1e400", "REEL_IDLE_TIMEOUT=1e400: must be a number from 0.5 to 86400"),
            ("REEL_ALLOW_PRIVATE_SOURCES", "maybe", "REEL_ALLOW_PRIVATE_SOURCES=maybe: must be true or false"),
            ("REEL_SEGMENT_SECONDS", "1", "REEL_SEGMENT_SECONDS=1: must be a number from 2 to 600"),
            ("REEL_SEGMENT_SECONDS", "inf", "REEL_SEGMENT_SECONDS=inf: must be a number from 2 to 600"),
            ("REEL_CACHE_MAX_BYTES", "-1", "REEL_CACHE_MAX_BYTES=-1: must be a whole number from 0 to 1125899906842624"),
            ("REEL_CACHE_MAX_BYTES", "10GB", "REEL_CACHE_MAX_BYTES=10GB: must be a whole number from 0 to 1125899906842624"),
            (
                "REEL_DATABASE_URL", "mysql://u:pw@h/db",
                "REEL_DATABASE_URL=mysql://u:***@h/db: must be sqlite://PATH or postgres://user:password@host:5432/db"
            ),
            (
                "REEL_PUBLIC_URL", "videos.example.com",
                "REEL_PUBLIC_URL=videos.example.com: must be an http(s) URL such as https://videos.example.com"
            ),
            ("REEL_SECRET", "hunter2", "REEL_SECRET=(7 characters): must be at least 16 characters"),
            ("REEL_AUTH", "maybe", "REEL_AUTH=maybe: must be one of auto, on, off"),
            ("REEL_LOG_LEVEL", "loud", "REEL_LOG_LEVEL=loud: must be one of trace, debug, info, notice, warning, error, critical"),
            ("REEL_LOG_FORMAT", "xml", "REEL_LOG_FORMAT=xml: must be one of text, json"),
            ("REEL_METRICS_PORT", "-1", "REEL_METRICS_PORT=-1: must be a whole number from 0 to 65535"),
            (
                "REEL_API_KEYS", "ops:root:hunter2",
                "REEL_API_KEYS=(an entry of 3 parts): entries must be name:scope:key with a scope of read, write, admin or metrics and a key of 24 characters or more"
            ),
            ("REEL_IDEMPOTENCY_TTL", "-1", "REEL_IDEMPOTENCY_TTL=-1: must be a number from 60 to 2592000"),
            ("REEL_MAX_QUEUED_PER_TENANT", "0", "REEL_MAX_QUEUED_PER_TENANT=0: must be a whole number from 1 to 1000000000"),
            ("REEL_EVENT_RETENTION", "60", "REEL_EVENT_RETENTION=60: must be a number from 3600 to 31536000"),
            (
                "REEL_WEBHOOK_SECRET", "whsec_hunter2",
                "REEL_WEBHOOK_SECRET=(a secret of 13 characters): each secret must be whsec_ followed by 16 to 64 base64-encoded bytes"
            ),
            (
                "REEL_WEBHOOK_SECRET", "hunter2hunter2",
                "REEL_WEBHOOK_SECRET=(a secret of 14 characters): each secret must be whsec_ followed by 16 to 64 base64-encoded bytes"
            ),
            (
                "REEL_DATABASE_URL", "postgres://",
                "REEL_DATABASE_URL=postgres://: names no file or host: sqlite://PATH or postgres://user:password@host:5432/db"
            ),
            (
                "REEL_DATABASE_URL", "sqlite://",
                "REEL_DATABASE_URL=sqlite://: names no file or host: sqlite://PATH or postgres://user:password@host:5432/db"
            ),
            (
                "REEL_SOURCE_BUCKETS", "media,Bad_Bucket",
                "REEL_SOURCE_BUCKETS=bad_bucket: each must be a bucket name: 3 to 63 of a-z, 0-9, . and -, starting and ending with a letter or digit"
            ),
            ("REEL_WEBHOOK_SECRET", "/nonexistent/secret", "REEL_WEBHOOK_SECRET=/nonexistent/secret: cannot read that file"),
            ("REEL_WEBHOOK_MAX_AGE", "1", "REEL_WEBHOOK_MAX_AGE=1: must be a number from 60 to 604800"),
            ("REEL_STUDIO", "maybe", "REEL_STUDIO=maybe: must be true or false"),
            (
                "REEL_CORS_ORIGINS", "https://app.example:443",
                "REEL_CORS_ORIGINS=https://app.example:443: each must be an origin as browsers send it: http(s)://host or http(s)://host:port (not the default port), nothing after"
            ),
            (
                "REEL_CORS_ORIGINS", "https://ok.example, http://app.example/path",
                "REEL_CORS_ORIGINS=http://app.example/path: each must be an origin as browsers send it: http(s)://host or http(s)://host:port (not the default port), nothing after"
            ),
            (
                "REEL_CORS_ORIGINS", "*",
                "REEL_CORS_ORIGINS=*: each must be an origin as browsers send it: http(s)://host or http(s)://host:port (not the default port), nothing after"
            ),
        ])
    func problems(name: String, value: String, line: String) throws {
        let configuration = ReelConfiguration(environment: [name: value])
        #expect(configuration.problems == [line])
        #expect(throws: SettingsError.self) { try configuration.validated() }
        #expect(!line.contains("hunter2") && !line.contains(":pw@"))
    }

    @Test("the defaults and every documented variable at a valid value have no problem and no unknown variable")
    func valid() throws {
        let configuration = ReelConfiguration(environment: [
            "REEL_PORT": "8080", "REEL_WORKERS": "0", "REEL_MAX_QUEUED": "100", "REEL_ALLOW_PRIVATE_SOURCES": "yes",
            "REEL_IDLE_TIMEOUT": "30", "REEL_ALLOWED_HOSTS": "a.example,b.example", "REEL_S3_MULTIPART_THRESHOLD": "8388608",
            "REEL_SOURCE_BUCKETS": "media, archive.example-2", "PATH": "/usr/bin", "REEL_STUDIO": "off",
            "REEL_CORS_ORIGINS": "https://App.example, http://localhost:5173",
        ])
        #expect(try configuration.validated().port == 8080)
        #expect(configuration.unknownVariables.isEmpty)
        #expect(configuration.allowedHosts == ["a.example", "b.example"])
        #expect(configuration.sourceBuckets == ["media", "archive.example-2"])
        #expect(!configuration.studioEnabled && configuration.corsOrigins == ["https://app.example", "http://localhost:5173"])
    }

    @Test("unknown REEL_ variables are listed (typos); others are not Reel's business")
    func unknown() {
        let configuration = ReelConfiguration(environment: ["REEL_WROKERS": "2", "REEL_PORT": "8000", "HOME": "/root"])
        #expect(configuration.unknownVariables == ["REEL_WROKERS"])
        #expect(configuration.problems.isEmpty)
    }

    @Test("secrets can come from files (REEL_SECRET_FILE), and an unreadable file is a problem")
    func secretFiles() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reel-secret-\(UUID().uuidString)")
        try "  from-a-file-0123456789\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(ReelConfiguration(environment: ["REEL_SECRET_FILE": file.path]).secret == "from-a-file-0123456789")
        let missing = ReelConfiguration(environment: ["REEL_SECRET_FILE": "/nonexistent/secret"])
        #expect(missing.problems == ["REEL_SECRET_FILE=/nonexistent/secret: cannot read that file"])
    }
}
