/// What inserting a composition did.
public enum CompositionInsert: Sendable, Hashable {
    case inserted
    /// Nothing was inserted: the tenant's live claim on the key belongs to this earlier
    /// composition, made by the request with this fingerprint.
    case claimed(by: CompositionRecord, fingerprint: String)
}
