import HTTPTypes

/// Header names Reel reads or writes that HTTPTypes does not predefine.
extension HTTPField.Name {
    static let secFetchSite = Self("Sec-Fetch-Site")!
    /// RFC 7240.
    static let prefer = Self("Prefer")!
    static let preferenceApplied = Self("Preference-Applied")!
    static let xAPIKey = Self("X-API-Key")!
    /// draft-ietf-httpapi-idempotency-key-header.
    static let idempotencyKey = Self("Idempotency-Key")!
    static let idempotentReplayed = Self("Idempotent-Replayed")!
    /// draft-ietf-httpapi-ratelimit-headers.
    static let rateLimitPolicy = Self("RateLimit-Policy")!
    static let rateLimit = Self("RateLimit")!
    public static let xRequestID = Self("X-Request-Id")!
}
