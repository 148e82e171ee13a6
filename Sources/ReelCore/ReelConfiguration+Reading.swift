import Foundation

/// The settings whose reading is more than a typed value in a range: each checks what it read
/// and refuses, through ``SettingsReader``, what cannot be used.
extension ReelConfiguration {
    static func databaseURL(_ read: inout SettingsReader, data: URL) -> String {
        let url = read.text("REEL_DATABASE_URL") ?? "sqlite://" + data.appendingPathComponent("reel.sqlite").path
        if !["sqlite://", "postgres://", "postgresql://"].contains(where: url.hasPrefix) {
            read.refuse("REEL_DATABASE_URL", redacted(url), "must be sqlite://PATH or postgres://user:password@host:5432/db")
        } else if url.hasPrefix("sqlite://") ? url.count == "sqlite://".count : URLComponents(string: url)?.host?.isEmpty != false {
            read.refuse(
                "REEL_DATABASE_URL", redacted(url), "names no file or host: sqlite://PATH or postgres://user:password@host:5432/db")
        }
        return url
    }

    static func storageURL(_ read: inout SettingsReader, data: URL) -> String {
        let url = read.text("REEL_STORAGE_URL") ?? "file://" + data.appendingPathComponent("objects").path
        if url.hasPrefix("file://") {
            if !url.dropFirst("file://".count).hasPrefix("/") {
                read.refuse("REEL_STORAGE_URL", url, "must name an absolute folder: file:///PATH")
            }
        } else if url.hasPrefix("s3://") {
            if !isBucketName(URLComponents(string: url)?.host ?? "") {
                read.refuse("REEL_STORAGE_URL", url, "must name a bucket of 3 to 63 of a-z, 0-9, . and -: s3://bucket[/prefix]")
            }
        } else {
            read.refuse("REEL_STORAGE_URL", url, "must be file:///PATH or s3://bucket[/prefix]")
        }
        return url
    }

    /// The S3 endpoint is read by the S3 client; a URL it cannot connect to is refused here.
    static func checkEndpoints(_ read: inout SettingsReader, environment: [String: String]) {
        for name in ["AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3"] {
            guard let endpoint = environment[name]?.trimmingCharacters(in: .whitespaces), !endpoint.isEmpty else { continue }
            let components = URLComponents(string: endpoint)
            if !["http", "https"].contains(components?.scheme?.lowercased() ?? "") || components?.host?.isEmpty != false
                || components?.hasUsablePort != true
            {
                read.refuse(name, endpoint, "must be an http(s) URL with a host and a port from 1 to 65535")
            }
        }
    }

    static func publicURL(_ read: inout SettingsReader) -> String {
        let url = read.text("REEL_PUBLIC_URL") ?? ""
        if !url.isEmpty,
            URLComponents(string: url).map({ ["http", "https"].contains($0.scheme ?? "") && $0.host != nil && $0.hasUsablePort }) != true
        {
            read.refuse("REEL_PUBLIC_URL", url, "must be an http(s) URL such as https://videos.example.com")
        }
        return url
    }

    /// `REEL_API_KEYS`: `name:scope:key` entries, inline or in a file named by an absolute path.
    static func seedKeys(_ read: inout SettingsReader) -> [SeedKey] {
        guard let text = read.text("REEL_API_KEYS") else { return [] }
        let entries = text.hasPrefix("/") ? ((try? String(contentsOfFile: text, encoding: .utf8)) ?? "") : text
        if text.hasPrefix("/") && entries.isEmpty { read.refuse("REEL_API_KEYS", text, "cannot read that file") }
        var keys: [SeedKey] = []
        for entry in entries.split(whereSeparator: { $0 == "," || $0 == "\n" }) {
            let trimmed = entry.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if let key = SeedKey(trimmed) {
                keys.append(key)
            } else {
                read.refuse(
                    "REEL_API_KEYS", "(an entry of \(trimmed.split(separator: ":").count) parts)",
                    "entries must be name:scope:key with a scope of read, write, admin or metrics and a key of 24 characters or more")
            }
        }
        return keys
    }

    /// A rate limit setting: `RATE/s[:BURST]`, `off`, or `fallback` when unset.
    static func rateLimit(_ read: inout SettingsReader, _ name: String, _ fallback: RateLimit?) -> RateLimit? {
        guard let text = read.text(name) else { return fallback }
        if text.lowercased() == "off" { return nil }
        guard let limit = RateLimit(text) else {
            read.refuse(name, text, "must be RATE/s or RATE/s:BURST (like 10/s:20), or off")
            return nil
        }
        return limit
    }

    /// `REEL_WEBHOOK_SECRET`: `whsec_…` secrets, inline or in a file named by an absolute path.
    static func webhookSecrets(_ read: inout SettingsReader) -> [String] {
        var text = read.text("REEL_WEBHOOK_SECRET") ?? ""
        if text.hasPrefix("/") {
            let path = text
            text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            if text.isEmpty { read.refuse("REEL_WEBHOOK_SECRET", path, "cannot read that file") }
        }
        let secrets = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }).map(String.init)
        for secret in secrets where WebhookSecret.key(of: secret) == nil {
            // Not even a prefix of it is printed: the line goes to logs and terminals.
            read.refuse(
                "REEL_WEBHOOK_SECRET", "(a secret of \(secret.count) characters)",
                "each secret must be whsec_ followed by 16 to 64 base64-encoded bytes")
        }
        return secrets
    }
}
