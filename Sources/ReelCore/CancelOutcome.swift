/// What a cancel request did.
public enum CancelOutcome: Sendable {
    case cancelled(CompositionRecord)
    case alreadyFinished(CompositionStatus)
    case notFound
    /// Nothing was done: the tenant already has a live answer under the idempotency key.
    case replayed(IdempotencyRecord)
}
