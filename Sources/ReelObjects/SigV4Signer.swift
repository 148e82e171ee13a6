import Crypto
import Foundation
import ReelCore

/// AWS Signature Version 4: signs requests in the `Authorization` header and presigns URLs.
/// Pure computation; checked against AWS's published examples in the tests.
public struct SigV4Signer: Sendable {
    public var accessKey: String
    public var secretKey: String
    public var sessionToken: String?
    public var region: String
    public var service: String

    /// The payload hash of a request with no body.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    public init(accessKey: String, secretKey: String, sessionToken: String? = nil, region: String, service: String = "s3") {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.sessionToken = sessionToken
        self.region = region
        self.service = service
    }

    /// The parts of a request that are signed. `path` and `query` are not percent-encoded yet.
    public struct Request: Sendable {
        public var method: String
        public var path: String
        public var query: [(String, String)]
        /// Header names in any case; all of them are signed.
        public var headers: [(String, String)]
        public var payloadHash: String

        public init(method: String, path: String, query: [(String, String)] = [], headers: [(String, String)], payloadHash: String) {
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.payloadHash = payloadHash
        }
    }

    /// `20130524T000000Z`.
    public static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ",
            parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0
        )
    }

    static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~".utf8)

    /// RFC 3986 encoding of everything but unreserved characters (and `/` when `keepSlash`).
    public static func encode(_ text: String, keepSlash: Bool = false) -> String {
        var result = ""
        for byte in text.utf8 {
            if unreserved.contains(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }

    /// The query string as it is signed and sent: encoded and sorted.
    public static func canonicalQuery(_ query: [(String, String)]) -> String {
        let encoded: [(name: String, value: String)] = query.map { (encode($0.0), encode($0.1)) }
        let sorted = encoded.sorted { left, right in
            left.name == right.name ? left.value < right.value : left.name < right.name
        }
        return sorted.map { pair in pair.name + "=" + pair.value }.joined(separator: "&")
    }

    static func canonicalHeaders(_ headers: [(String, String)]) -> (block: String, signed: String) {
        var merged: [String: [String]] = [:]
        for (name, value) in headers {
            let trimmed = value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            merged[name.lowercased(), default: []].append(trimmed)
        }
        let names = merged.keys.sorted()
        let block = names.map { "\($0):\(merged[$0]!.joined(separator: ","))\n" }.joined()
        return (block, names.joined(separator: ";"))
    }

    /// The canonical request of the signing process (exposed for tests).
    public static func canonicalRequest(_ request: Request) -> (text: String, signedHeaders: String) {
        let headers = canonicalHeaders(request.headers)
        let text = [
            request.method,
            encode(request.path, keepSlash: true),
            canonicalQuery(request.query),
            headers.block,
            headers.signed,
            request.payloadHash,
        ].joined(separator: "\n")
        return (text, headers.signed)
    }

    func scope(day: String) -> String { "\(day)/\(region)/\(service)/aws4_request" }

    func signature(canonicalRequest: String, timestamp: String) -> String {
        let day = String(timestamp.prefix(8))
        let stringToSign = [
            "AWS4-HMAC-SHA256", timestamp, scope(day: day), Self.hex(SHA256.hash(data: Data(canonicalRequest.utf8))),
        ].joined(separator: "\n")
        var key = SymmetricKey(data: Data("AWS4\(secretKey)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return Self.hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key))
    }

    /// The `Authorization` header for a request whose headers already carry `host` and `x-amz-date`.
    public func authorization(for request: Request, timestamp: String) -> String {
        let canonical = Self.canonicalRequest(request)
        let signature = signature(canonicalRequest: canonical.text, timestamp: timestamp)
        return "AWS4-HMAC-SHA256 Credential=\(accessKey)/\(scope(day: String(timestamp.prefix(8)))), "
            + "SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
    }

    /// Adds `x-amz-date`, `x-amz-content-sha256`, the session token and `Authorization` to a
    /// request's headers (which must include `host`); returns all headers to send.
    public func sign(_ request: Request, date: Date) -> [(String, String)] {
        let timestamp = Self.timestamp(date)
        var signed = request
        signed.headers += [("x-amz-date", timestamp), ("x-amz-content-sha256", request.payloadHash)]
        if let sessionToken { signed.headers.append(("x-amz-security-token", sessionToken)) }
        return signed.headers + [("Authorization", authorization(for: signed, timestamp: timestamp))]
    }

    /// The query string of a presigned request (`X-Amz-Signature` last) for `host`, valid for `expires` seconds.
    public func presignedQuery(method: String, path: String, host: String, expires: Int, date: Date) -> String {
        let timestamp = Self.timestamp(date)
        var query = [
            ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
            ("X-Amz-Credential", "\(accessKey)/\(scope(day: String(timestamp.prefix(8))))"),
            ("X-Amz-Date", timestamp),
            ("X-Amz-Expires", String(expires)),
            ("X-Amz-SignedHeaders", "host"),
        ]
        if let sessionToken { query.append(("X-Amz-Security-Token", sessionToken)) }
        let request = Request(method: method, path: path, query: query, headers: [("host", host)], payloadHash: "UNSIGNED-PAYLOAD")
        let signature = signature(canonicalRequest: Self.canonicalRequest(request).text, timestamp: timestamp)
        return Self.canonicalQuery(query) + "&X-Amz-Signature=\(signature)"
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        Hex.string(bytes)
    }
}
