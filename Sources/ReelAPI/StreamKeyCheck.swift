import Foundation
import ReelCore

/// The key an event stream was opened with, checked again while the stream is open: at least
/// every ``interval`` (the key cache's own bound, so a revocation no process announces still
/// shows within it). A revoked key ends the stream; a store that cannot answer does not — the
/// check comes again. Streams of one key share the cache, so they cost one lookup a second.
struct StreamKeyCheck: Sendable {
    static let interval = Duration.seconds(1)

    let keys: KeyVerifier
    let secret: Substring
    let id: UUID
    var checkedAt = ContinuousClock.now

    init(keys: KeyVerifier, secret: Substring, id: UUID) {
        self.keys = keys
        self.secret = secret
        self.id = id
    }

    /// False once the key is revoked (or no longer this key); asks only when a check is due.
    mutating func holds() async -> Bool {
        let now = ContinuousClock.now
        guard now - checkedAt >= Self.interval else { return true }
        checkedAt = now
        do {
            return try await keys.key(for: secret)?.id == id
        } catch {
            return true  // the store did not answer: the next check asks again
        }
    }

    /// How long until the next check is due.
    func due(now: ContinuousClock.Instant) -> Duration { Self.interval - (now - checkedAt) }

    /// The last event of a stream whose key was revoked while it was open.
    static let revokedEvent =
        "event: error\ndata: "
        + ErrorResponse.text(code: "unauthorized", message: "the API key was revoked; the stream ends") + "\n\n"
}
