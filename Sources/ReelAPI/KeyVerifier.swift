import ReelCore
import ReelStore

/// Finds the live key a secret belongs to: from ``KeyCache`` while no revocation has been heard
/// of (and for a second at most), else from the store. ``AuthMiddleware`` asks it for every
/// request; an event stream asks again as it goes, so a key revoked while it is open stops it.
struct KeyVerifier: Sendable {
    let store: any AccessStore
    let cache: KeyCache

    func key(for secret: Substring) async throws -> APIKeyRecord? {
        let digest = APIKeySecret.sha256(secret)
        if let known = cache.key(digest: digest) { return known }
        let heard = store.revocations.value
        guard let key = try await APIKeySecret.verify(digest: digest, in: store) else { return nil }
        cache.remember(key, digest: digest, heard: heard)
        return key
    }
}
