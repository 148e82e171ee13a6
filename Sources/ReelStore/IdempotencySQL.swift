/// The SQL both drivers share for stored idempotency answers.
enum IdempotencySQL {
    static let columns = "tenant, key, fingerprint, status, body, location, created_at, expires_at"

    /// The upsert's update: an expired answer under the key is replaced, a live one stays (and
    /// the statement returns no row).
    static let replaceExpired = """
        fingerprint = excluded.fingerprint, status = excluded.status, body = excluded.body, location = excluded.location,
        created_at = excluded.created_at, expires_at = excluded.expires_at
        WHERE idempotency_keys.expires_at < excluded.created_at
        """

    /// The columns of a composition's claim on a key (``IdempotencyClaim``).
    static let claimColumns = "idempotency_key, idempotency_fingerprint, idempotency_expires_at"

    /// The conflict target of a claim: the partial unique index on the tenant's keys.
    static let claimTarget = "(tenant, idempotency_key) WHERE idempotency_key IS NOT NULL"

    /// Lets go of a claim (an expired one, before a new claim of its key).
    static let releaseClaim = "idempotency_key = NULL, idempotency_fingerprint = NULL, idempotency_expires_at = NULL"
}
