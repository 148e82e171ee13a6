import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import ReelCore
import ReelObjects
import Testing

/// What every ``ObjectStore`` driver must do, against a local folder and against the
/// S3-compatible server named by `REEL_TEST_S3_ENDPOINT` (SeaweedFS, which checks signatures).
@Suite("Object store conformance")
struct ObjectStoreConformanceTests {
    static let environment = ProcessInfo.processInfo.environment
    static let s3Endpoint = environment["REEL_TEST_S3_ENDPOINT"]
    static let drivers = ["local"] + (s3Endpoint == nil ? [] : ["s3"])

    static func s3Configuration(secret: String? = nil, threshold: Int = 16 << 20) -> S3Client.Configuration {
        var configuration = S3Client.Configuration(environment: environment)
        configuration.endpoint = s3Endpoint.flatMap(URL.init(string:))
        if let secret { configuration.secretKey = secret }
        configuration.multipartThreshold = threshold
        return configuration
    }

    /// A fresh store: a new folder, or a new bucket with a key prefix.
    static func makeStore(_ driver: String, threshold: Int = 16 << 20) async throws -> any ObjectStore {
        let id = UUID().uuidString.lowercased()
        switch driver {
        case "s3":
            let client = S3Client(configuration: s3Configuration(threshold: threshold), httpClient: .shared)
            let store = try S3ObjectStore(url: "s3://reel-test-\(id.prefix(8))/some/prefix", client: client)
            try await store.prepare()
            try await store.ping()
            return store
        default:
            return try LocalObjectStore(root: FileManager.default.temporaryDirectory.appendingPathComponent("reel-objects-\(id)"))
        }
    }

    static func file(bytes count: Int) throws -> (URL, Data) {
        let data = Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) })
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reel-object-\(UUID().uuidString)")
        try data.write(to: url)
        return (url, data)
    }

    @Test("put, size, download and delete round-trip the bytes", arguments: drivers)
    func roundTrip(driver: String) async throws {
        let store = try await Self.makeStore(driver)
        let (file, data) = try Self.file(bytes: 100_000)
        try await store.put(key: "outputs/a/video.mp4", file: file, contentType: "video/mp4")
        #expect(try await store.size(of: "outputs/a/video.mp4") == data.count)
        #expect(try await store.size(of: "outputs/a/missing.mp4") == nil)
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("reel-copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try await store.download(key: "outputs/a/video.mp4", to: copy)
        #expect(try Data(contentsOf: copy) == data)
        let missing = await #expect(throws: ObjectStoreError.self) { try await store.download(key: "nope/x", to: copy) }
        #expect(missing?.isNotFound == true)
        try await store.delete(key: "outputs/a/video.mp4")
        #expect(try await store.size(of: "outputs/a/video.mp4") == nil)
    }

    @Test("copy makes a second object with the same bytes that outlives and ignores the first", arguments: drivers)
    func copy(driver: String) async throws {
        let store = try await Self.makeStore(driver)
        let (file, data) = try Self.file(bytes: 50_000)
        try await store.put(key: "cache/ab/abc.mp4", file: file, contentType: "video/mp4")
        try await store.copy(from: "cache/ab/abc.mp4", to: "outputs/a/video.mp4", contentType: "video/mp4")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("reel-copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try await store.download(key: "outputs/a/video.mp4", to: copy)
        #expect(try Data(contentsOf: copy) == data)
        // Replacing or deleting the copy leaves the original whole.
        let (other, _) = try Self.file(bytes: 10)
        try await store.put(key: "outputs/a/video.mp4", file: other, contentType: "video/mp4")
        #expect(try await store.size(of: "cache/ab/abc.mp4") == data.count)
        try await store.delete(prefix: "outputs/a/")
        #expect(try await store.size(of: "cache/ab/abc.mp4") == data.count)
        let missing = await #expect(throws: ObjectStoreError.self) {
            try await store.copy(from: "cache/no/none.mp4", to: "outputs/b/video.mp4", contentType: "video/mp4")
        }
        #expect(missing?.isNotFound == true)
        #expect(try await store.size(of: "outputs/b/video.mp4") == nil)
    }

    @Test("delete(prefix:) removes one composition's objects only", arguments: drivers)
    func deletePrefix(driver: String) async throws {
        let store = try await Self.makeStore(driver)
        let (file, _) = try Self.file(bytes: 1000)
        for key in ["outputs/a/video.mp4", "outputs/a/thumbnail.jpg", "outputs/b/video.mp4"] {
            let copy = FileManager.default.temporaryDirectory.appendingPathComponent("reel-object-\(UUID().uuidString)")
            try FileManager.default.copyItem(at: file, to: copy)
            try await store.put(key: key, file: copy, contentType: "application/octet-stream")
        }
        try await store.delete(prefix: "outputs/a/")
        #expect(try await store.size(of: "outputs/a/video.mp4") == nil)
        #expect(try await store.size(of: "outputs/a/thumbnail.jpg") == nil)
        #expect(try await store.size(of: "outputs/b/video.mp4") == 1000)
    }

    @Test("a file above the multipart threshold is uploaded in parts and reads back whole", .enabled(if: s3Endpoint != nil))
    func multipart() async throws {
        let store = try await Self.makeStore("s3", threshold: 5 << 20)
        let (file, data) = try Self.file(bytes: 11 << 20 + 12345)
        try await store.put(key: "outputs/big/video.mp4", file: file, contentType: "video/mp4")
        #expect(try await store.size(of: "outputs/big/video.mp4") == data.count)
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("reel-copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try await store.download(key: "outputs/big/video.mp4", to: copy)
        #expect(try Data(contentsOf: copy) == data)
    }

    @Test("presigned URLs fetch without credentials until they expire; a changed signature is refused", .enabled(if: s3Endpoint != nil))
    func presigned() async throws {
        let store = try await Self.makeStore("s3")
        let (file, data) = try Self.file(bytes: 5000)
        try await store.put(key: "outputs/p/video.mp4", file: file, contentType: "video/mp4")
        let url = try #require(store.presignedURL(for: "outputs/p/video.mp4", expires: Date().addingTimeInterval(600)))
        #expect(url.absoluteString.contains("X-Amz-Expires=600"))
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url.absoluteString), timeout: .seconds(30))
        #expect(response.status.code == 200)
        #expect(Data(buffer: try await response.body.collect(upTo: 1 << 20)) == data)
        let tampered = url.absoluteString.replacingOccurrences(of: "X-Amz-Expires=600", with: "X-Amz-Expires=6000")
        let refused = try await HTTPClient.shared.execute(HTTPClientRequest(url: tampered), timeout: .seconds(30))
        #expect(refused.status.code == 403)
    }

    @Test("the S3 server checks signatures: a wrong secret is refused", .enabled(if: s3Endpoint != nil))
    func wrongSecret() async throws {
        let good = try await Self.makeStore("s3")
        let bad = S3Client(configuration: Self.s3Configuration(secret: "not-the-secret"), httpClient: .shared)
        let bucket = try #require((good as? S3ObjectStore)?.bucket)
        let (file, _) = try Self.file(bytes: 10)
        await #expect(throws: ObjectStoreError.self) {
            try await bad.putObject(bucket: bucket, key: "x", file: file, contentType: "text/plain")
        }
    }
}
