import Foundation

/// The `whsec_BASE64` form of Standard Webhooks secrets.
public enum WebhookSecret {
    /// The key bytes of `secret` (`whsec_` may be left out), or nil unless they are 16 to 64 bytes.
    public static func key(of secret: String) -> Data? {
        let encoded = secret.hasPrefix("whsec_") ? String(secret.dropFirst(6)) : secret
        guard let bytes = Data(base64Encoded: encoded), (16...64).contains(bytes.count) else { return nil }
        return bytes
    }
}
