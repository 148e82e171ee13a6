import Foundation

/// Objects in an S3 bucket (`s3://bucket[/prefix]` storage URLs). Downloads are handed to
/// clients as presigned GET URLs.
public struct S3ObjectStore: ObjectStore {
    public let client: S3Client
    public let bucket: String
    /// Prepended to every key; empty or ending in `/`.
    public let prefix: String

    public init(url: String, client: S3Client) throws {
        guard let components = URLComponents(string: url), components.scheme == "s3", let bucket = components.host,
            !bucket.isEmpty
        else { throw ObjectStoreError("REEL_STORAGE_URL must look like s3://bucket[/prefix], not \(url)") }
        self.client = client
        self.bucket = bucket
        let path = components.path.split(separator: "/").joined(separator: "/")
        prefix = path.isEmpty ? "" : path + "/"
    }

    public var location: String { "s3://\(bucket)/\(prefix)" }

    func fullKey(_ key: String) -> String { prefix + key }

    public func put(key: String, file: URL, contentType: String) async throws {
        try await client.putObject(bucket: bucket, key: fullKey(key), file: file, contentType: contentType)
    }

    public func copy(from source: String, to target: String, contentType: String) async throws {
        try await client.copyObject(bucket: bucket, from: fullKey(source), to: fullKey(target))
    }

    public func download(key: String, to file: URL) async throws {
        try await client.getObject(bucket: bucket, key: fullKey(key), to: file)
    }

    public func localPath(for key: String) -> String? { nil }

    public func size(of key: String) async throws -> Int? {
        try await client.headObject(bucket: bucket, key: fullKey(key))
    }

    public func delete(key: String) async throws {
        try await client.deleteObject(bucket: bucket, key: fullKey(key))
    }

    public func delete(prefix: String) async throws {
        guard prefix.hasSuffix("/") else { throw ObjectStoreError("prefix must end with /") }
        for key in try await client.listKeys(bucket: bucket, prefix: fullKey(prefix)) {
            try await client.deleteObject(bucket: bucket, key: key)
        }
    }

    public func presignedURL(for key: String, expires: Date) -> URL? {
        client.presignedURL(bucket: bucket, key: fullKey(key), expires: expires)
    }

    public func ping() async throws {
        try await client.headBucket(bucket)
    }

    public func prepare() async throws {
        if (try? await client.headBucket(bucket)) == nil { try await client.createBucket(bucket) }
    }
}
