import Foundation
import ReelCore

/// Who a request acts for: the tenant its objects belong to and what it may do.
public struct Principal: Sendable, Hashable {
    public var tenant: String
    public var scope: KeyScope
    /// The key used; nil when keys are off.
    public var keyID: UUID?

    /// Keys off (Reel on loopback only): one tenant, every right.
    public static let keysOff = Principal(tenant: "", scope: .admin, keyID: nil)

    /// The tenant filter of the stores: nil (every tenant) for admins and with keys off.
    public var tenantFilter: String? { scope == .admin ? nil : tenant }
}
