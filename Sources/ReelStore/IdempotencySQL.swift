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
}
