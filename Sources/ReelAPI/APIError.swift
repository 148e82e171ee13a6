import Foundation
import HTTPTypes
import Hummingbird
import ReelCore

/// An error as HTTP answers it, in Reel's error shape: a ``ReelError`` with the status its kind
/// maps to, or a refusal only HTTP has (405 with `Allow`, 421, 415, 504), with the headers the
/// answer needs (`Retry-After`, `WWW-Authenticate`, the rate-limit fields).
struct APIError: HTTPResponseError {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var details: [FieldError]
    var headers: HTTPFields

    init(status: HTTPResponse.Status, code: String, message: String, details: [FieldError] = [], headers: HTTPFields = [:]) {
        (self.status, self.code, self.message, self.details, self.headers) = (status, code, message, details, headers)
    }

    /// `error` with the status of its kind, `Retry-After` when it has one, and `headers`.
    init(_ error: ReelError, headers: HTTPFields = [:]) {
        var headers = headers
        if let retryAfter = error.retryAfter { headers[.retryAfter] = String(retryAfter) }
        self.init(status: error.kind.status, code: error.code, message: error.message, details: error.details, headers: headers)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        response(requestID: (context as? ReelRequestContext)?.currentRequestID ?? "")
    }

    /// The answer, with the request's id in its body.
    func response(requestID: String) -> Response {
        let body = ErrorResponse(errorCode: code, message: message, details: details, requestID: requestID, timestamp: Date())
        return (try? JSONCoding.response(body, status: status, headers: headers)) ?? Response(status: .internalServerError)
    }
}
