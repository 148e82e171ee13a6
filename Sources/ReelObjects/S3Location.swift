import Foundation

/// A bucket and key named by a source URL that Reel reads through its own S3 endpoint and
/// credentials: `s3://bucket/key`, `https://bucket.s3.amazonaws.com/key`,
/// `https://bucket.s3.REGION.amazonaws.com/key`, `https://s3[.REGION].amazonaws.com/bucket/key`,
/// or a path-style URL of the configured endpoint.
public struct S3Location: Sendable, Hashable {
    public var bucket: String
    public var key: String

    public init(bucket: String, key: String) {
        self.bucket = bucket
        self.key = key
    }

    public init?(url: String, endpoint: URL?) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        let path = String(components.percentEncodedPath.dropFirst()).removingPercentEncoding ?? ""
        if scheme == "s3" {
            guard !path.isEmpty else { return nil }
            self.init(bucket: components.host ?? host, key: path)
            return
        }
        guard scheme == "http" || scheme == "https" else { return nil }
        if let endpoint, endpoint.host?.lowercased() == host,
            (endpoint.port ?? Self.defaultPort(endpoint.scheme)) == (components.port ?? Self.defaultPort(scheme))
        {
            self.init(pathStyle: path)
            return
        }
        guard host.hasSuffix(".amazonaws.com") else { return nil }
        let labels = host.dropLast(".amazonaws.com".count).split(separator: ".").map(String.init)
        if let s3 = labels.firstIndex(where: { $0 == "s3" || $0.hasPrefix("s3-") }) {
            if s3 == 0 {
                self.init(pathStyle: path)
            } else {
                guard !path.isEmpty else { return nil }
                self.init(bucket: labels[..<s3].joined(separator: "."), key: path)
            }
            return
        }
        return nil
    }

    private init?(pathStyle path: String) {
        let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(bucket: parts[0], key: parts[1])
    }

    static func defaultPort(_ scheme: String?) -> Int { scheme?.lowercased() == "http" ? 80 : 443 }
}
