import Crypto
import Foundation

/// Checks a webhook delivery as Standard Webhooks defines it: `webhook-signature` holds
/// `v1,BASE64(HMAC-SHA256(key, "ID.TIMESTAMP.BODY"))` for the key of `secret` (Reel's
/// `REEL_WEBHOOK_SECRET`, `whsec_…`), and `webhook-timestamp` is within `tolerance` of now.
public struct WebhookVerifier: Sendable {
    /// Why a delivery does not check out.
    public enum Failure: Error, Sendable {
        case missingHeaders, badSecret, stale, noMatchingSignature
    }

    let key: Data
    let tolerance: TimeInterval

    public init(secret: String, tolerance: TimeInterval = 300) throws {
        let encoded = secret.hasPrefix("whsec_") ? String(secret.dropFirst(6)) : secret
        guard let key = Data(base64Encoded: encoded) else { throw Failure.badSecret }
        self.key = key
        self.tolerance = tolerance
    }

    /// Returns `body` when the delivery is Reel's; `headers` by lower-case name.
    public func verify(headers: [String: String], body: Data, now: Date = Date()) throws -> Data {
        let lowered = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        guard let id = lowered["webhook-id"], let stamp = lowered["webhook-timestamp"].flatMap({ Int64($0) }),
            let signatures = lowered["webhook-signature"]
        else { throw Failure.missingHeaders }
        guard abs(now.timeIntervalSince1970 - TimeInterval(stamp)) <= tolerance else { throw Failure.stale }
        var signed = Data("\(id).\(stamp).".utf8)
        signed.append(body)
        for signature in signatures.split(separator: " ") {
            let parts = signature.split(separator: ",", maxSplits: 1)
            guard parts.count == 2, parts[0] == "v1", let value = Data(base64Encoded: String(parts[1])) else { continue }
            if HMAC<SHA256>.isValidAuthenticationCode(value, authenticating: signed, using: SymmetricKey(data: key)) { return body }
        }
        throw Failure.noMatchingSignature
    }
}
