import AsyncHTTPClient
import Foundation
import ReelCore
import ReelObjects
import ReelRender
import Testing

/// Sources named by S3 URLs are read through the configured endpoint and credentials
/// (SeaweedFS from `scripts/services`), whatever style the URL has.
@Suite("Sources in S3", .enabled(if: ProcessInfo.processInfo.environment["REEL_TEST_S3_ENDPOINT"] != nil))
struct S3SourceTests {
    @Test("s3://, virtual-hosted AWS and endpoint URLs fetch the same object; a changed object is fetched anew")
    func fetchStyles() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reel-s3src-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let client = S3Client(configuration: .init(environment: ProcessInfo.processInfo.environment), httpClient: .shared)
        let bucket = "reel-src-\(UUID().uuidString.lowercased().prefix(8))"
        try await client.createBucket(bucket)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let original = folder.appendingPathComponent("clip.bin")
        let bytes = Data((0..<50_000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        try bytes.write(to: original)
        try await client.putObject(bucket: bucket, key: "dir/clip one.mp4", file: original, contentType: "video/mp4")

        var fetcher = SourceFetcher(
            httpClient: .shared,
            objects: try LocalObjectStore(root: folder.appendingPathComponent("objects")),
            cacheDirectory: folder.appendingPathComponent("cache"),
            addressGuard: AddressGuard(allowPrivate: false)
        )
        fetcher.s3 = client
        fetcher.sources = S3SourcePolicy(endpoint: client.configuration.endpoint, readableBuckets: [bucket])
        let endpoint = try #require(client.configuration.endpoint?.absoluteString)
        for url in [
            "s3://\(bucket)/dir/clip%20one.mp4",
            "https://\(bucket).s3.amazonaws.com/dir/clip%20one.mp4",
            "https://\(bucket).s3.us-east-1.amazonaws.com/dir/clip%20one.mp4",
            "\(endpoint)/\(bucket)/dir/clip%20one.mp4",
        ] {
            let path = try await fetcher.fetch(url)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "\(url)")
            let again = try await fetcher.fetch(url)
            #expect(again == path)
        }
        let changed = Data(bytes.reversed())
        try changed.write(to: original)
        try await client.putObject(bucket: bucket, key: "dir/clip one.mp4", file: original, contentType: "video/mp4")
        let refreshed = try await fetcher.fetch("s3://\(bucket)/dir/clip%20one.mp4")
        #expect(try Data(contentsOf: URL(fileURLWithPath: refreshed)) == changed)
        let missing = await #expect(throws: RenderFailure.self) {
            try await fetcher.fetch("s3://\(bucket)/nothing.mp4")
        }
        // Missing and forbidden read alike: Reel's credentials tell nothing of what exists.
        #expect(missing?.message.hasSuffix("no such object, or Reel may not read it") == true, "\(String(describing: missing))")
        #expect(missing?.isTransient == false)

        try await client.putObject(bucket: bucket, key: "shared.mp4", file: original, contentType: "video/mp4")
        let shared = fetcher
        let together = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<5 { group.addTask { try await shared.fetch("s3://\(bucket)/shared.mp4") } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(together.count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: together.first ?? "")) == changed)

        var small = fetcher
        small.maxSourceBytes = 10_000
        let tooLarge = await #expect(throws: RenderFailure.self) {
            try await small.fetch("s3://\(bucket)/dir/clip%20one.mp4?fresh")
        }
        #expect(tooLarge?.message.contains("limit of 10000") == true)
        let cached = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("cache").path)
        #expect(!cached.contains { $0.hasSuffix(".part") }, "left behind: \(cached)")
    }

    @Test("credentials read listed buckets only: Reel's own storage is refused before any request; other endpoint URLs go unsigned")
    func onlyListed() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reel-s3src-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let client = S3Client(configuration: .init(environment: ProcessInfo.processInfo.environment), httpClient: .shared)
        let bucket = "reel-own-\(UUID().uuidString.lowercased().prefix(8))"
        try await client.createBucket(bucket)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("asset.bin")
        try Data("another tenant's upload".utf8).write(to: file)
        try await client.putObject(bucket: bucket, key: "store/assets/x", file: file, contentType: "video/mp4")
        let endpoint = try #require(client.configuration.endpoint)
        var fetcher = SourceFetcher(
            httpClient: .shared, objects: try LocalObjectStore(root: folder.appendingPathComponent("objects")),
            cacheDirectory: folder.appendingPathComponent("cache"), addressGuard: AddressGuard(allowPrivate: true))
        fetcher.s3 = client
        fetcher.sources = S3SourcePolicy(endpoint: endpoint, readableBuckets: [bucket], storageURL: "s3://\(bucket)/store")
        for url in ["s3://\(bucket)/store/assets/x", "\(endpoint.absoluteString)/\(bucket)/store/assets/x"] {
            let refused = await #expect(throws: RenderFailure.self) { try await fetcher.fetch(url) }
            #expect(refused?.message.contains("asset://") == true, "\(url): \(String(describing: refused))")
        }
        // Unlisted, the endpoint URL is fetched as any web URL: without a signature, S3 refuses it.
        fetcher.sources = S3SourcePolicy(endpoint: endpoint)
        let unsigned = await #expect(throws: RenderFailure.self) {
            try await fetcher.fetch("\(endpoint.absoluteString)/\(bucket)/store/assets/x")
        }
        #expect(unsigned?.message.contains("HTTP 403") == true, "\(String(describing: unsigned))")
    }

    @Test("without S3 configured, s3:// sources fail with a message naming what is missing")
    func unconfigured() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reel-s3src-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var fetcher = SourceFetcher(
            httpClient: .shared,
            objects: try LocalObjectStore(root: folder.appendingPathComponent("objects")),
            cacheDirectory: folder.appendingPathComponent("cache"),
            addressGuard: AddressGuard(allowPrivate: false)
        )
        fetcher.sources = S3SourcePolicy(readableBuckets: ["bucket"])
        let failure = await #expect(throws: RenderFailure.self) { try await fetcher.fetch("s3://bucket/key.mp4") }
        #expect(failure?.message.contains("AWS_ACCESS_KEY_ID") == true)
    }
}
