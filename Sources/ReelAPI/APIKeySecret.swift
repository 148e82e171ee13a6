import Crypto
import Foundation
import ReelCore
import ReelStore

/// Making, hashing and checking API keys. A key is `reel_` and 43 characters of base64url (256
/// random bits); only its SHA-256 is stored, found by its first 16 hex digits (`lookup`) and
/// compared whole in constant time.
public enum APIKeySecret {
    /// A new key, to be shown once.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return "reel_"
            + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The hex SHA-256 of a key and its first 16 digits.
    public static func digest(_ key: String) -> (lookup: String, hash: String) {
        digest(sha256(key))
    }

    static func digest(_ digest: SHA256.Digest) -> (lookup: String, hash: String) {
        let hash = Hex.string(digest)
        return (String(hash.prefix(16)), hash)
    }

    static func sha256(_ key: String) -> SHA256.Digest {
        sha256(key[...])
    }

    /// The digest of a key still inside its header: no copy on the hot path (a native string's
    /// bytes are contiguous; other strings are copied once).
    static func sha256(_ key: Substring) -> SHA256.Digest {
        if let digest = key.utf8.withContiguousStorageIfAvailable({ SHA256.hash(data: UnsafeRawBufferPointer($0)) }) { return digest }
        return SHA256.hash(data: Array(key.utf8))
    }

    /// Compares two strings in time that depends on their length only.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    /// Stores a new key; returns the record and the secret to hand out once.
    public static func create(
        name: String, scope: KeyScope, tenant: String, in store: any AccessStore, secret: String = generate()
    ) async throws -> (record: APIKeyRecord, secret: String) {
        let (lookup, hash) = digest(secret)
        let record = APIKeyRecord(
            id: UUID(), name: name, hint: String(secret.prefix(11)) + "…", scope: scope, tenant: tenant, createdAt: Date())
        try await store.insertKey(record, lookup: lookup, hash: hash)
        return (record, secret)
    }

    /// The live (not revoked) key `secret` names, if any.
    public static func verify(_ secret: String, in store: any AccessStore) async throws -> APIKeyRecord? {
        try await verify(digest: sha256(secret), in: store)
    }

    static func verify(digest secret: SHA256.Digest, in store: any AccessStore) async throws -> APIKeyRecord? {
        let (lookup, hash) = digest(secret)
        guard let found = try await store.key(lookup: lookup), constantTimeEqual(found.hash, hash), found.record.revokedAt == nil
        else { return nil }
        return found.record
    }
}
