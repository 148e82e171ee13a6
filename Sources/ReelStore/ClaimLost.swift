import ReelCore

/// Thrown inside a write's transaction to roll it back when a concurrent write with the same
/// idempotency key committed its answer first; the store answers with that answer instead.
struct ClaimLost: Error {
    let answer: IdempotencyRecord
}
