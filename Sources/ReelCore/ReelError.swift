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
/// `code` is the snake_case `error_code` of the HTTP error shape; `status` the HTTP status.
public struct ReelError: Error, Sendable, CustomStringConvertible {
    public var code: String
    public var status: Int
    public var message: String
    public var details: [FieldError]
    /// Seconds a client should wait before trying again (429 and 503).
    public var retryAfter: Int?
    /// More headers of the answer, by name: a 401's `WWW-Authenticate`, a 429's rate-limit headers.
    public var headers: [(name: String, value: String)]

    public init(
        code: String, status: Int, message: String, details: [FieldError] = [], retryAfter: Int? = nil,
        headers: [(name: String, value: String)] = []
    ) {
        self.code = code
        self.status = status
        self.message = message
        self.details = details
        self.retryAfter = retryAfter
        self.headers = headers
    }

    public var description: String { "\(code): \(message)" }

    public static func validation(_ details: [FieldError]) -> ReelError {
        let first = details.first.map { "\($0.field): \($0.message)" } ?? "invalid request"
        let more = details.count > 1 ? " (and \(details.count - 1) more)" : ""
        return ReelError(code: "validation_error", status: 422, message: first + more, details: details)
    }

    public static func validation(field: String, _ message: String, type: String = "value") -> ReelError {
        .validation([FieldError(field: field, message: message, errorType: type)])
    }

    public static func notFound(_ what: String) -> ReelError {
        ReelError(code: "not_found", status: 404, message: "\(what) not found")
    }

    public static func conflict(_ message: String) -> ReelError {
        ReelError(code: "conflict", status: 409, message: message)
    }

    public static func notReady(_ message: String) -> ReelError {
        ReelError(code: "composition_not_ready", status: 400, message: message)
    }

    public static func payloadTooLarge(limit: Int) -> ReelError {
        ReelError(code: "payload_too_large", status: 413, message: "request body exceeds the limit of \(limit) bytes")
    }

    public static func queueFull(retryAfter: Int) -> ReelError {
        ReelError(code: "queue_full", status: 429, message: "the render queue is full, try again later", retryAfter: retryAfter)
    }

    public static func unavailable(_ message: String, retryAfter: Int = 5) -> ReelError {
        ReelError(code: "service_unavailable", status: 503, message: message, retryAfter: retryAfter)
    }

    public static func internalError() -> ReelError {
        ReelError(code: "internal_error", status: 500, message: "an internal error occurred")
    }
}
