import AsyncHTTPClient
import CoreMetrics
import Crypto
import Foundation
import NIOCore
import NIOHTTP1
import ReelCore
import ReelObjects

/// Brings a composition's sources to local disk: `asset://` from the object store, `http(s)://`
/// through a bounded on-disk cache keyed by URL and revalidated with its ETag/Last-Modified.
/// URLs naming S3 objects in buckets the operator lists are read through `s3`, the configured
/// endpoint and credentials, into the same cache (``S3SourcePolicy`` decides which).
public struct SourceFetcher: Sendable {
    public var httpClient: HTTPClient
    public var objects: any ObjectStore
    public var cacheDirectory: URL
    public var addressGuard: AddressGuard
    /// Largest source accepted, in bytes.
    public var maxSourceBytes: Int
    /// Size the cache is trimmed to after each download, in bytes.
    public var cacheLimitBytes: Int
    /// Reads `file://` sources (local renders only; never for the server).
    public var allowLocalFiles = false
    /// Reads `s3://…` and S3-style `https://` sources with Reel's credentials, when configured.
    public var s3: S3Client?
    /// Which object-store URLs ``s3`` may read; by default none.
    public var sources = S3SourcePolicy()
    /// Concurrent jobs needing one source share its download or revalidation.
    public var inFlight = FetchCoalescer<String>()
    /// When each cached URL was last checked with its origin.
    public var validated = ValidationLog()
    /// A cached copy checked less than this long ago is used without asking again (previews);
    /// zero asks every time (renders).
    public var freshFor: Duration = .zero

    public init(
        httpClient: HTTPClient,
        objects: any ObjectStore,
        cacheDirectory: URL,
        addressGuard: AddressGuard,
        maxSourceBytes: Int = 2 << 30,
        cacheLimitBytes: Int = 4 << 30
    ) {
        self.httpClient = httpClient
        self.objects = objects
        self.cacheDirectory = cacheDirectory
        self.addressGuard = addressGuard
        self.maxSourceBytes = maxSourceBytes
        self.cacheLimitBytes = cacheLimitBytes
    }

    /// A local path holding the source's bytes: in the cache folder, the local object store, or
    /// the local file a `file://` URL names.
    public func fetch(_ url: String) async throws -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            throw RenderFailure("\(url) is not a URL")
        }
        switch sources.decide(url) {
        case .refused(let reason):
            throw RenderFailure("\(url): \(reason)")
        case .credentials(let location):
            guard let s3 else {
                throw RenderFailure("\(url): s3:// sources need S3 credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)")
            }
            return try await fetchHTTP(url, s3: (s3, location))
        case .web:
            break
        }
        switch scheme {
        case "asset":
            let name = components.host ?? components.path
            guard let id = UUID(uuidString: name) else { throw RenderFailure("\(url) does not name an uploaded asset") }
            let key = ObjectKeys.asset(id)
            if let path = objects.localPath(for: key) { return path }
            return try await inFlight.run(url) { try await fetchAsset(id, key: key, url: url) }
        case "http", "https":
            return try await fetchHTTP(url)
        case "file" where allowLocalFiles:
            guard FileManager.default.isReadableFile(atPath: components.path) else {
                throw RenderFailure("\(url): no readable file at \(components.path)")
            }
            return components.path
        default:
            throw RenderFailure("\(url): \(scheme):// sources are not supported")
        }
    }

    /// An uploaded asset from a remote store, kept in the cache folder. An asset never changes
    /// (another upload is another id), so a cached copy is used without asking the store again:
    /// a render of the same sources downloads, probes and hashes nothing.
    func fetchAsset(_ id: UUID, key: String, url: String) async throws -> String {
        let manager = FileManager.default
        try manager.createDirectory(at: cacheDirectory, withIntermediateDirectories: true)
        let cached = cacheDirectory.appendingPathComponent("asset-\(id.uuidString.lowercased())")
        if manager.fileExists(atPath: cached.path) {
            Self.markUsed(cached.path)
            Counter(label: "reel_source_cache_requests_total", dimensions: [("result", "hit")]).increment()
            return cached.path
        }
        let staging = cacheDirectory.appendingPathComponent(".asset-\(UUID().uuidString).part")
        defer { try? manager.removeItem(at: staging) }
        do {
            try await objects.download(key: key, to: staging)
        } catch let error as ObjectStoreError where error.isNotFound {
            throw RenderFailure("\(url): no such asset was uploaded")
        }
        guard rename(staging.path, cached.path) == 0 else { throw RenderFailure("cannot write the source cache in \(cacheDirectory.path)") }
        Counter(label: "reel_source_cache_requests_total", dimensions: [("result", "miss")]).increment()
        trimCache(keeping: cached)
        return cached.path
    }

    func cachePaths(for url: String) -> (data: URL, meta: URL) {
        let digest = Hex.string(SHA256.hash(data: Data(url.utf8)))
        return (cacheDirectory.appendingPathComponent(digest), cacheDirectory.appendingPathComponent(digest + ".meta"))
    }

    /// The cached copy of `original`, revalidated or downloaded; concurrent callers for one URL
    /// share one request (``inFlight``).
    func fetchHTTP(_ original: String, s3: (client: S3Client, location: S3Location)? = nil) async throws -> String {
        let data = cachePaths(for: original).data.path
        if freshFor > .zero, validated.isFresh(original, within: freshFor), FileManager.default.fileExists(atPath: data) {
            Self.markUsed(data)
            Counter(label: "reel_source_cache_requests_total", dimensions: [("result", "hit")]).increment()
            return data
        }
        let path = try await inFlight.run(original) { try await fetchIntoCache(original, s3: s3) }
        validated.checked(original)
        return path
    }

    func fetchIntoCache(_ original: String, s3: (client: S3Client, location: S3Location)?) async throws -> String {
        let manager = FileManager.default
        try manager.createDirectory(at: cacheDirectory, withIntermediateDirectories: true)
        let (dataPath, metaPath) = cachePaths(for: original)
        let cachedValidators = (try? Data(contentsOf: metaPath)).flatMap {
            try? JSONDecoder().decode([String: String].self, from: $0)
        }
        let hasCached = cachedValidators != nil && manager.fileExists(atPath: dataPath.path)

        var url = original
        for _ in 0..<5 {
            let components = URLComponents(string: url)
            // Every hop is http or https: AsyncHTTPClient would follow unix:// or http+unix:// to a
            // local socket whatever the host the guard checked.
            if s3 == nil, !["http", "https"].contains(components?.scheme?.lowercased() ?? "") {
                throw RenderFailure(
                    "could not fetch \(original): a redirect to \(components?.scheme ?? "another scheme")://… is not followed")
            }
            guard let components, let host = components.host, !host.isEmpty, components.hasUsablePort else {
                throw RenderFailure("\(original): invalid URL \(url.prefix(300))")
            }
            var headers = [("User-Agent", "reel/1")]
            if hasCached, let validators = cachedValidators {
                if let etag = validators["etag"] { headers.append(("If-None-Match", etag)) }
                if let modified = validators["last-modified"] { headers.append(("If-Modified-Since", modified)) }
            }
            let hop: Hop
            if let s3 {
                let request = s3.client.request(.GET, bucket: s3.location.bucket, key: s3.location.key, headers: headers)
                hop = try await fetchHop(request, client: httpClient, original: original, url: url, cached: hasCached, redirects: false)
            } else {
                var request = HTTPClientRequest(url: url)
                for (name, value) in headers { request.headers.add(name: name, value: value) }
                hop = try await addressGuard.withVettedClient(host: host, shared: httpClient) { client in
                    try await fetchHop(request, client: client, original: original, url: url, cached: hasCached, redirects: true)
                }
            }
            switch hop {
            case .done(let path): return path
            case .redirect(let next): url = next
            }
        }
        throw RenderFailure("could not fetch \(original): too many redirects")
    }

    /// Where one request of a fetch led: to the cached file, or to another URL.
    enum Hop: Sendable {
        case done(String)
        case redirect(String)
    }

    /// One request of a fetch, its body streamed into the cache; the client stays open until then.
    func fetchHop(
        _ request: HTTPClientRequest, client: HTTPClient, original: String, url: String, cached: Bool, redirects: Bool
    ) async throws -> Hop {
        let (dataPath, metaPath) = cachePaths(for: original)
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, timeout: .seconds(60))
        } catch {
            throw RenderFailure("could not fetch \(original): \(Self.describe(error))", transient: true)
        }
        switch response.status.code {
        case 200:
            try await store(response, from: original, data: dataPath, meta: metaPath)
            Counter(label: "reel_source_cache_requests_total", dimensions: [("result", "miss")]).increment()
            let size = (try? FileManager.default.attributesOfItem(atPath: dataPath.path))?[.size] as? Int ?? 0
            Counter(label: "reel_source_fetched_bytes_total").increment(by: size)
            return .done(dataPath.path)
        case 304 where cached:
            Self.markUsed(dataPath.path)
            Counter(label: "reel_source_cache_requests_total", dimensions: [("result", "hit")]).increment()
            return .done(dataPath.path)
        case let code where [301, 302, 303, 307, 308].contains(code) && redirects:
            guard let location = response.headers.first(name: "location"),
                let next = URL(string: location, relativeTo: URL(string: url))?.absoluteString
            else { throw RenderFailure("could not fetch \(original): redirect without a Location") }
            return .redirect(next)
        case let code where (code == 403 || code == 404) && !redirects:
            // Read with Reel's credentials: one answer whether the key is missing or forbidden.
            throw RenderFailure("could not fetch \(original): no such object, or Reel may not read it")
        default:
            let transient = response.status.code >= 500 || response.status.code == 429 || response.status.code == 408
            throw RenderFailure(
                "could not fetch \(original): HTTP \(response.status.code) \(response.status.reasonPhrase)",
                transient: transient
            )
        }
    }

    func store(_ response: HTTPClientResponse, from url: String, data: URL, meta: URL) async throws {
        if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > maxSourceBytes {
            throw RenderFailure("\(url) is \(length) bytes, more than the limit of \(maxSourceBytes)")
        }
        do {
            try await ResponseBodyFile.write(response.body, to: data, maxBytes: maxSourceBytes)
        } catch ResponseBodyFile.Failure.tooLarge {
            throw RenderFailure("\(url) is larger than the limit of \(maxSourceBytes) bytes")
        } catch ResponseBodyFile.Failure.cannotWrite {
            throw RenderFailure("cannot write the source cache in \(cacheDirectory.path)")
        } catch {
            throw RenderFailure("could not fetch \(url): \(Self.describe(error))", transient: true)
        }
        var validators: [String: String] = [:]
        validators["etag"] = response.headers.first(name: "etag")
        validators["last-modified"] = response.headers.first(name: "last-modified")
        if !validators.isEmpty, let encoded = try? JSONEncoder().encode(validators) {
            try? encoded.write(to: meta, options: .atomic)
        } else {
            try? FileManager.default.removeItem(at: meta)
        }
        trimCache(keeping: data)
    }

    /// Sets the file's access time to now and leaves its modification time alone: the cache
    /// evicts by access time, and the modification time keys ``ProbeCache``.
    static func markUsed(_ path: String) {
        let now = (1 << 30) - 1, omit = (1 << 30) - 2  // UTIME_NOW, UTIME_OMIT (Linux)
        var times = [timespec(tv_sec: 0, tv_nsec: now), timespec(tv_sec: 0, tv_nsec: omit)]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }

    /// Deletes the least recently used cached sources until the cache fits its limit.
    func trimCache(keeping kept: URL) {
        let manager = FileManager.default
        let keys: [URLResourceKey] = [.fileSizeKey, .contentAccessDateKey]
        guard let files = try? manager.contentsOfDirectory(at: cacheDirectory, includingPropertiesForKeys: keys) else { return }
        var entries = files.filter { $0.pathExtension.isEmpty && !$0.lastPathComponent.hasPrefix(".") }.compactMap {
            url -> (URL, Int, Date)? in
            guard let values = try? url.resourceValues(forKeys: Set(keys)) else { return nil }
            return (url, values.fileSize ?? 0, values.contentAccessDate ?? .distantPast)
        }
        var total = entries.reduce(0) { $0 + $1.1 }
        defer { Gauge(label: "reel_source_cache_bytes").record(total) }
        guard total > cacheLimitBytes else { return }
        entries.sort { $0.2 < $1.2 }
        for (url, size, _) in entries where total > cacheLimitBytes && url != kept {
            try? manager.removeItem(at: url)
            try? manager.removeItem(at: url.appendingPathExtension("meta"))
            total -= size
        }
    }

    /// A short, fixed phrase for a network error: what a user can act on, and nothing of the
    /// HTTP stack's internals (no error dumps that would make Reel an oracle for probing networks).
    static func describe(_ error: any Error) -> String {
        if let failure = error as? RenderFailure { return failure.message }
        let text = String(describing: error)
        let phrases: [(needles: [String], phrase: String)] = [
            (["connectTimeout", "deadlineExceeded", "readTimeout", "timeout"], "timed out"),
            (["connectionRefused", "Connection refused"], "connection refused"),
            (["NXDOMAIN", "resolve", "lookup"], "host not found"),
            (["SSL", "TLS", "handshake", "certificate"], "TLS handshake failed"),
            (["remoteConnectionClosed", "ioOnClosedChannel", "reset", "EOF"], "the connection was closed early"),
        ]
        return phrases.first { $0.needles.contains(where: text.contains) }?.phrase ?? "network error"
    }
}
