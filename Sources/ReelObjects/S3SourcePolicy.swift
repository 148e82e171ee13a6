import Foundation

/// Which object-store URLs a composition may name as sources. Reel's S3 credentials read only
/// what the operator lists (`REEL_SOURCE_BUCKETS`); Reel's own storage (its bucket, or its prefix
/// of a shared bucket) is never read by a raw URL, since an upload of any tenant lives there — a
/// caller reads its own uploads through `asset://ID`, which checks the tenant. A refusal reads the
/// same whether or not the object exists.
public struct S3SourcePolicy: Sendable {
    /// What becomes of one source URL.
    public enum Decision: Sendable, Hashable {
        /// Not an object-store URL Reel may sign for: fetched as any web URL, through the address
        /// guard and without credentials (a public object still reads).
        case web
        /// Read through Reel's S3 endpoint with its credentials.
        case credentials(S3Location)
        /// Refused; the reason names the setting, never the object's state.
        case refused(String)
    }

    /// The configured S3 endpoint (path-style URLs of it name objects too).
    public var endpoint: URL?
    /// Buckets whose objects any composition may name (lowercased).
    public var readableBuckets: Set<String>
    /// Reel's own storage: its bucket (lowercased) and the prefix of its keys (empty: the whole bucket).
    public var storage: (bucket: String, prefix: String)?

    public init(endpoint: URL? = nil, readableBuckets: Set<String> = [], storageURL: String = "") {
        self.endpoint = endpoint
        self.readableBuckets = Set(readableBuckets.map { $0.lowercased() })
        if let components = URLComponents(string: storageURL), components.scheme == "s3", let bucket = components.host, !bucket.isEmpty {
            let path = components.path.split(separator: "/").joined(separator: "/")
            storage = (bucket.lowercased(), path.isEmpty ? "" : path + "/")
        }
    }

    /// What becomes of the source `url`.
    public func decide(_ url: String) -> Decision {
        guard let location = S3Location(url: url, endpoint: endpoint) else { return .web }
        // A presigned link carries its own grant: fetched as it is, never signed by Reel.
        let components = URLComponents(string: url)
        let query = components?.queryItems?.map { $0.name.lowercased() } ?? []
        let isWeb = ["http", "https"].contains(components?.scheme?.lowercased() ?? "")
        if isWeb, query.contains("x-amz-signature") || (query.contains("signature") && query.contains("expires")) { return .web }
        // S3 reads a key literally, but a store that maps keys to paths may resolve `a//b`,
        // `a/./b` or `x/../a` to `a/b`: such a key could name Reel's own objects in disguise.
        let segments = location.key.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) || location.key.contains("\\") {
            return .refused("an object key with an empty, . or .. part or a backslash is not read")
        }
        let bucket = location.bucket.lowercased()
        if let storage, bucket == storage.bucket, location.key.hasPrefix(storage.prefix) {
            return .refused(
                "Reel's own storage is not read by URL; upload the file (POST /api/v1/assets) and name it as asset://ID")
        }
        if readableBuckets.contains(bucket) { return .credentials(location) }
        if URLComponents(string: url)?.scheme?.lowercased() == "s3" {
            return .refused("bucket \(location.bucket) is not one Reel reads sources from (REEL_SOURCE_BUCKETS)")
        }
        return .web
    }
}
