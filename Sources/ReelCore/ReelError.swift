/// One problem with one field of a request, as reported in an error's `details`.
public struct FieldError: Sendable, Hashable, Codable {
    /// The field's path in the request body, like `clips[1].end_time`.
    public var field: String
    public var message: String
    /// A machine-readable kind, like `missing`, `type`, `range`, `format`, `overlap`.
    public var errorType: String

    public init(field: String, message: String, errorType: String) {
        self.field = field
        self.message = message
        self.errorType = errorType
    }

    enum CodingKeys: String, CodingKey {
        case field, message
        case errorType = "error_type"
    }
}

/// The error every layer of Reel throws for a condition a client can be told about.
///
/// `code` is the snake_case `error_code` of the HTTP error shape; `kind` says what went wrong,
/// and ReelAPI alone turns it into an HTTP status.
public struct ReelError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, independent of any protocol.
    public enum Kind: Sendable, Hashable {
        /// The request breaks a rule (a field, a header, a reused idempotency key).
        case invalid
        case notFound
        /// The resource's state does not allow this (cancelling a finished composition).
        case conflict
        /// The composition has no output yet.
        case notReady
        case tooLarge
        /// A queue or a rate limit is full: try again later.
        case overloaded
        /// A dependency (database, storage, ffmpeg) cannot be reached: try again later.
        case unavailable
        case `internal`
        /// No valid credentials were presented.
        case unauthenticated
        /// The credentials or the request's origin may not do this.
        case forbidden
        /// The work took longer than it may (a preview past its deadline).
        case timedOut
    }

    public var code: String
    public var kind: Kind
    public var message: String
    public var details: [FieldError]
    /// Seconds a client should wait before trying again (overloaded and unavailable).
    public var retryAfter: Int?

    public init(code: String, kind: Kind, message: String, details: [FieldError] = [], retryAfter: Int? = nil) {
        self.code = code
        self.kind = kind
        self.message = message
        self.details = details
        self.retryAfter = retryAfter
    }

    public var description: String { "\(code): \(message)" }

    public static func validation(_ details: [FieldError]) -> ReelError {
        let first = details.first.map { "\($0.field): \($0.message)" } ?? "invalid request"
        let more = details.count > 1 ? " (and \(details.count - 1) more)" : ""
        return ReelError(code: "validation_error", kind: .invalid, message: first + more, details: details)
    }

    public static func validation(field: String, _ message: String, type: String = "value") -> ReelError {
        .validation([FieldError(field: field, message: message, errorType: type)])
    }

    public static func notFound(_ what: String) -> ReelError {
        ReelError(code: "not_found", kind: .notFound, message: "\(what) not found")
    }

    public static func conflict(_ message: String) -> ReelError {
        ReelError(code: "conflict", kind: .conflict, message: message)
    }

    public static func notReady(_ message: String) -> ReelError {
        ReelError(code: "composition_not_ready", kind: .notReady, message: message)
    }

    public static func payloadTooLarge(limit: Int) -> ReelError {
        ReelError(code: "payload_too_large", kind: .tooLarge, message: "request body exceeds the limit of \(limit) bytes")
    }

    public static func queueFull(retryAfter: Int) -> ReelError {
        ReelError(code: "queue_full", kind: .overloaded, message: "the render queue is full, try again later", retryAfter: retryAfter)
    }

    public static func unavailable(_ message: String, retryAfter: Int = 5) -> ReelError {
        ReelError(code: "service_unavailable", kind: .unavailable, message: message, retryAfter: retryAfter)
    }

    public static func internalError() -> ReelError {
        ReelError(code: "internal_error", kind: .internal, message: "an internal error occurred")
    }
}

extension ReelError {
    /// A validation error with every field rewritten by `describe` (its message rebuilt from the
    /// first); other errors as they are.
    public func describing(_ describe: (FieldError) -> FieldError) -> ReelError {
        guard code == "validation_error", !details.isEmpty else { return self }
        return .validation(details.map(describe))
    }
}
