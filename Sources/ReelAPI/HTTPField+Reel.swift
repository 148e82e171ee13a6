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
    /// Whether a preview came from the cache (`hit`) or was rendered (`miss`).
    static let previewCache = Self("Reel-Preview-Cache")!
    /// A sprite sheet's layout: ``FrameSheet`` as JSON.
    static let previewSheet = Self("Reel-Preview-Sheet")!
    /// The time of each frame shown, comma-separated: the frame starting at or before each time asked.
    static let previewFrameTimes = Self("Reel-Frame-Times")!
    /// draft-ietf-httpapi-ratelimit-headers.
    static let rateLimitPolicy = Self("RateLimit-Policy")!
    static let rateLimit = Self("RateLimit")!
    public static let xRequestID = Self("X-Request-Id")!
    static let xContentTypeOptions = Self("X-Content-Type-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
    static let lastEventID = Self("Last-Event-ID")!
}
