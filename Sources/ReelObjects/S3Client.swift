import AsyncHTTPClient
import CoreMetrics
import Crypto
import Foundation
import NIOCore
import NIOHTTP1
import ReelCore

/// A small S3 client over AsyncHTTPClient: signed object reads and writes (multipart above
/// `multipartThreshold`), listing, deletion and presigned GET URLs. With an endpoint
/// (`AWS_ENDPOINT_URL`) it addresses buckets path-style (`endpoint/bucket/key`), as
/// S3-compatible servers expect; without one, virtual-hosted AWS style.
public struct S3Client: Sendable {
    /// Where and as whom to talk to S3, read from the standard AWS variables.
    public struct Configuration: Sendable {
        public var endpoint: URL?
        public var region: String
        public var accessKey: String?
        public var secretKey: String?
        public var sessionToken: String?
        /// Files larger than this are uploaded in parts of `partSize` bytes.
        public var multipartThreshold: Int
        public var partSize: Int

        public init(
            endpoint: URL? = nil,
            region: String = "us-east-1",
            accessKey: String? = nil,
            secretKey: String? = nil,
            sessionToken: String? = nil,
            multipartThreshold: Int = 16 << 20,
            partSize: Int = 8 << 20
        ) {
            self.endpoint = endpoint
            self.region = region
            self.accessKey = accessKey
            self.secretKey = secretKey
            self.sessionToken = sessionToken
            self.multipartThreshold = multipartThreshold
            self.partSize = max(5 << 20, partSize)
        }

        /// `AWS_ENDPOINT_URL` (or `AWS_ENDPOINT_URL_S3`), `AWS_REGION` (or `AWS_DEFAULT_REGION`),
        /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`.
        public init(environment: [String: String]) {
            func value(_ name: String) -> String? {
                guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
                return text
            }
            self.init(
                endpoint: (value("AWS_ENDPOINT_URL_S3") ?? value("AWS_ENDPOINT_URL")).flatMap(URL.init(string:)),
                region: value("AWS_REGION") ?? value("AWS_DEFAULT_REGION") ?? "us-east-1",
                accessKey: value("AWS_ACCESS_KEY_ID"),
                secretKey: value("AWS_SECRET_ACCESS_KEY"),
                sessionToken: value("AWS_SESSION_TOKEN")
            )
        }
    }

    public let configuration: Configuration
    let httpClient: HTTPClient
    let signer: SigV4Signer?

    public init(configuration: Configuration, httpClient: HTTPClient) {
        self.configuration = configuration
        self.httpClient = httpClient
        if let accessKey = configuration.accessKey, let secretKey = configuration.secretKey {
            signer = SigV4Signer(
                accessKey: accessKey,
                secretKey: secretKey,
                sessionToken: configuration.sessionToken,
                region: configuration.region
            )
        } else {
            signer = nil
        }
    }

    /// Scheme, host (with port) and the unencoded path of an object (or bucket, when `key` is empty).
    func address(bucket: String, key: String) -> (base: String, host: String, path: String) {
        let suffix = key.isEmpty ? "" : "/" + key
        if let endpoint = configuration.endpoint, let host = endpoint.host {
            let hostPort = endpoint.port.map { "\(host):\($0)" } ?? host
            let basePath = endpoint.path.hasSuffix("/") ? String(endpoint.path.dropLast()) : endpoint.path
            return ("\(endpoint.scheme ?? "https")://\(hostPort)", hostPort, "\(basePath)/\(bucket)\(suffix)")
        }
        let host = "\(bucket).s3.\(configuration.region).amazonaws.com"
        return ("https://\(host)", host, key.isEmpty ? "/" : suffix)
    }

    /// A signed request (unsigned without credentials, for public buckets).
    public func request(
        _ method: HTTPMethod,
        bucket: String,
        key: String = "",
        query: [(String, String)] = [],
        headers: [(String, String)] = [],
        payloadHash: String = SigV4Signer.emptyPayloadHash
    ) -> HTTPClientRequest {
        let (base, host, path) = address(bucket: bucket, key: key)
        let queryString = SigV4Signer.canonicalQuery(query)
        var request = HTTPClientRequest(
            url: base + SigV4Signer.encode(path, keepSlash: true) + (queryString.isEmpty ? "" : "?" + queryString)
        )
        request.method = method
        var all = headers
        if let signer {
            all = signer.sign(
                .init(method: method.rawValue, path: path, query: query, headers: headers + [("host", host)], payloadHash: payloadHash),
                date: Date()
            )
            all.removeAll { $0.0 == "host" }
        }
        for (name, value) in all { request.headers.add(name: name, value: value) }
        return request
    }

    /// A GET URL for the object that works without credentials until `expires`.
    public func presignedURL(bucket: String, key: String, expires: Date) -> URL? {
        let (base, host, path) = address(bucket: bucket, key: key)
        guard let signer else { return URL(string: base + SigV4Signer.encode(path, keepSlash: true)) }
        let now = Date()
        let seconds = min(604_800, max(1, Int(clamping: expires.timeIntervalSince(now).rounded(.up))))
        let query = signer.presignedQuery(method: "GET", path: path, host: host, expires: seconds, date: now)
        return URL(string: base + SigV4Signer.encode(path, keepSlash: true) + "?" + query)
    }

    /// One request, counted and timed by S3 operation (`reel_s3_requests_total`, `reel_s3_request_duration_seconds`).
    func execute(_ operation: String, _ request: HTTPClientRequest, timeout: TimeAmount) async throws -> HTTPClientResponse {
        let start = ContinuousClock.now
        var status = "error"
        defer {
            Counter(label: "reel_s3_requests_total", dimensions: [("operation", operation), ("status", status)]).increment()
            let elapsed = ContinuousClock.now - start
            CoreMetrics.Timer(label: "reel_s3_request_duration_seconds", dimensions: [("operation", operation)])
                .recordNanoseconds(elapsed.nanoseconds)
        }
        let response = try await httpClient.execute(request, timeout: timeout)
        status = String(response.status.code)
        return response
    }

    func send(
        _ operation: String, _ request: HTTPClientRequest, expecting codes: Set<UInt> = [200, 204]
    ) async throws -> HTTPClientResponse {
        let response = try await execute(operation, request, timeout: .seconds(120))
        guard codes.contains(response.status.code) else {
            let body = try? await response.body.collect(upTo: 64 << 10)
            let text = body.map { String(buffer: $0) } ?? ""
            let code = S3XML.values(of: "Code", in: text).first ?? "HTTP \(response.status.code)"
            let message = S3XML.values(of: "Message", in: text).first ?? response.status.reasonPhrase
            throw ObjectStoreError(
                "S3 \(request.method.rawValue) failed: \(code): \(message)",
                notFound: response.status.code == 404
            )
        }
        return response
    }

    /// Uploads a file: one PUT up to `multipartThreshold`, else a multipart upload read part by part.
    public func putObject(bucket: String, key: String, file: URL, contentType: String) async throws {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        let size = Int(try handle.seekToEnd())
        try handle.seek(toOffset: 0)
        if size <= configuration.multipartThreshold {
            let data = try handle.readToEnd() ?? Data()
            var request = self.request(
                .PUT,
                bucket: bucket,
                key: key,
                headers: [("content-type", contentType)],
                payloadHash: SigV4Signer.hex(SHA256.hash(data: data))
            )
            request.body = .bytes(ByteBuffer(bytes: data))
            _ = try await send("PutObject", request)
            return
        }
        try await multipartUpload(bucket: bucket, key: key, handle: handle, contentType: contentType)
    }

    func multipartUpload(bucket: String, key: String, handle: FileHandle, contentType: String) async throws {
        let created = try await send(
            "CreateMultipartUpload",
            request(.POST, bucket: bucket, key: key, query: [("uploads", "")], headers: [("content-type", contentType)])
        )
        let createdBody = String(buffer: try await created.body.collect(upTo: 1 << 20))
        guard let uploadID = S3XML.values(of: "UploadId", in: createdBody).first else {
            throw ObjectStoreError("S3 did not start a multipart upload for \(key)")
        }
        do {
            var parts: [(Int, String)] = []
            var number = 1
            while let chunk = try handle.read(upToCount: configuration.partSize), !chunk.isEmpty {
                var request = self.request(
                    .PUT,
                    bucket: bucket,
                    key: key,
                    query: [("partNumber", String(number)), ("uploadId", uploadID)],
                    payloadHash: SigV4Signer.hex(SHA256.hash(data: chunk))
                )
                request.body = .bytes(ByteBuffer(bytes: chunk))
                let response = try await send("UploadPart", request)
                guard let etag = response.headers.first(name: "etag") else {
                    throw ObjectStoreError("S3 returned no ETag for part \(number) of \(key)")
                }
                parts.append((number, etag))
                number += 1
            }
            let xml =
                "<CompleteMultipartUpload>"
                + parts.map { "<Part><PartNumber>\($0.0)</PartNumber><ETag>\(S3XML.escape($0.1))</ETag></Part>" }.joined()
                + "</CompleteMultipartUpload>"
            let body = Data(xml.utf8)
            var complete = request(
                .POST,
                bucket: bucket,
                key: key,
                query: [("uploadId", uploadID)],
                headers: [("content-type", "application/xml")],
                payloadHash: SigV4Signer.hex(SHA256.hash(data: body))
            )
            complete.body = .bytes(ByteBuffer(bytes: body))
            let response = try await send("CompleteMultipartUpload", complete)
            let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
            if let code = S3XML.values(of: "Code", in: text).first {
                throw ObjectStoreError("S3 could not complete the upload of \(key): \(code)")
            }
        } catch {
            _ = try? await send("AbortMultipartUpload", request(.DELETE, bucket: bucket, key: key, query: [("uploadId", uploadID)]))
            throw error
        }
    }

    /// Streams the object into `file` (replaced only once complete).
    public func getObject(bucket: String, key: String, to file: URL, maxBytes: Int = .max) async throws {
        let response = try await send("GetObject", request(.GET, bucket: bucket, key: key), expecting: [200])
        do {
            try await ResponseBodyFile.write(response.body, to: file, maxBytes: maxBytes)
        } catch ResponseBodyFile.Failure.tooLarge {
            throw ObjectStoreError("the object is larger than \(maxBytes) bytes")
        } catch ResponseBodyFile.Failure.cannotWrite {
            throw ObjectStoreError("cannot write \(file.path)")
        }
    }

    /// The object's size, or nil when there is none.
    public func headObject(bucket: String, key: String) async throws -> Int? {
        let response = try await execute("HeadObject", request(.HEAD, bucket: bucket, key: key), timeout: .seconds(30))
        switch response.status.code {
        case 200: return response.headers.first(name: "content-length").flatMap(Int.init) ?? 0
        case 404: return nil
        default: throw ObjectStoreError("S3 HEAD \(key) failed: HTTP \(response.status.code)")
        }
    }

    /// CopyObject within the bucket: the server copies the bytes, and its metadata with them.
    /// An error can come with status 200 (the copy failed after it started): the body tells.
    public func copyObject(bucket: String, from source: String, to target: String) async throws {
        let copySource = "/" + bucket + "/" + SigV4Signer.encode(source, keepSlash: true)
        let response = try await send(
            "CopyObject", request(.PUT, bucket: bucket, key: target, headers: [("x-amz-copy-source", copySource)]))
        let body = try await response.body.collect(upTo: 64 << 10)
        let text = String(buffer: body)
        if text.contains("<Error>") {
            throw ObjectStoreError("S3 CopyObject failed: \(S3XML.values(of: "Code", in: text).first ?? "error")")
        }
    }

    public func deleteObject(bucket: String, key: String) async throws {
        _ = try await send("DeleteObject", request(.DELETE, bucket: bucket, key: key), expecting: [200, 204, 404])
    }

    /// Every key under `prefix` (ListObjectsV2, following continuation tokens).
    public func listKeys(bucket: String, prefix: String) async throws -> [String] {
        var keys: [String] = []
        var token: String?
        repeat {
            var query = [("list-type", "2"), ("prefix", prefix)]
            if let token { query.append(("continuation-token", token)) }
            let response = try await send("ListObjectsV2", request(.GET, bucket: bucket, query: query), expecting: [200])
            let text = String(buffer: try await response.body.collect(upTo: 16 << 20))
            keys += S3XML.values(of: "Key", in: text)
            token =
                S3XML.values(of: "IsTruncated", in: text).first == "true" ? S3XML.values(of: "NextContinuationToken", in: text).first : nil
        } while token != nil
        return keys
    }

    /// Throws unless the bucket exists and the credentials may use it.
    public func headBucket(_ bucket: String) async throws {
        _ = try await send("HeadBucket", request(.HEAD, bucket: bucket), expecting: [200])
    }

    public func createBucket(_ bucket: String) async throws {
        var body = ""
        if configuration.region != "us-east-1" {
            body =
                "<CreateBucketConfiguration><LocationConstraint>\(configuration.region)</LocationConstraint></CreateBucketConfiguration>"
        }
        var request = request(.PUT, bucket: bucket, payloadHash: SigV4Signer.hex(SHA256.hash(data: Data(body.utf8))))
        if !body.isEmpty { request.body = .bytes(ByteBuffer(string: body)) }
        _ = try await send("CreateBucket", request, expecting: [200, 409])
    }
}
