import Foundation

/// What an API key may do. `read` < `write` < `admin`; `metrics` may only read `/metrics` and
/// the detailed health, so Prometheus can scrape with a token that can do nothing else.
public enum KeyScope: String, Sendable, Hashable, Codable, CaseIterable {
    case read, write, admin, metrics

    /// Whether a key of this scope may do what `needed` allows.
    public func covers(_ needed: KeyScope) -> Bool {
        switch (self, needed) {
        case (.admin, _): true
        case (.write, .read), (.write, .write): true
        case (.read, .read): true
        case (.metrics, .metrics): true
        default: false
        }
    }
}

/// A stored API key: everything but the secret, of which only a hash is kept.
public struct APIKeyRecord: Sendable, Hashable {
    public var id: UUID
    public var name: String
    /// The key's first characters (`reel_3fa9c1…`), to tell keys apart in listings.
    public var hint: String
    public var scope: KeyScope
    public var tenant: String
    public var createdAt: Date
    public var revokedAt: Date?

    public init(id: UUID, name: String, hint: String, scope: KeyScope, tenant: String, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.hint = hint
        self.scope = scope
        self.tenant = tenant
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
