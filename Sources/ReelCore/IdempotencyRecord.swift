import Foundation

/// The first answer to a write sent with an `Idempotency-Key` (IETF
/// draft-ietf-httpapi-idempotency-key-header), kept so a retry gets the same answer and
/// creates nothing. Keys are scoped per tenant.
public struct IdempotencyRecord: Sendable, Hashable {
    public var tenant: String
    public var key: String
    /// SHA-256 of the request (method, path, body): the same key with another request is refused.
    public var fingerprint: String
    public var status: Int
    public var body: String
    public var location: String?
    public var createdAt: Date
    public var expiresAt: Date

    public init(
        tenant: String, key: String, fingerprint: String, status: Int, body: String, location: String?, createdAt: Date, expiresAt: Date
    ) {
        self.tenant = tenant
        self.key = key
        self.fingerprint = fingerprint
        self.status = status
        self.body = body
        self.location = location
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
