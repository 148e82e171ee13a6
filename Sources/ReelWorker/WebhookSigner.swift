import Crypto
import Foundation
import ReelCore

/// Signs webhook deliveries as Standard Webhooks (standardwebhooks.com) does:
/// `webhook-signature: v1,BASE64(HMAC-SHA256(key, "ID.TIMESTAMP.BODY"))`, one signature per
/// secret, so a receiver keeps verifying while the operator rotates (the new secret and the old
/// one sign at once).
public struct WebhookSigner: Sendable {
    let keys: [Data]

    /// Keys from `whsec_BASE64` secrets, as ``WebhookSecret/key(of:)`` reads them (the
    /// configuration has refused any it cannot read).
    public init(secrets: [String]) {
        keys = secrets.compactMap(WebhookSecret.key(of:))
    }

    /// A secret derived from `REEL_SECRET`, for when `REEL_WEBHOOK_SECRET` is not set: processes
    /// sharing `REEL_SECRET` sign alike.
    public static func derivedSecret(from secret: String) -> String {
        let key = HMAC<SHA256>.authenticationCode(for: Data("reel webhook signing key".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return "whsec_" + Data(key).base64EncodedString()
    }

    /// The `webhook-signature` header value for one attempt.
    public func signature(id: String, timestamp: Int, body: Data) -> String {
        var signed = Data("\(id).\(timestamp).".utf8)
        signed.append(body)
        return keys.map { key in
            "v1," + Data(HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: key))).base64EncodedString()
        }
        .joined(separator: " ")
    }
}
