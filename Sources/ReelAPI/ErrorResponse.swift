import Foundation
import ReelCore

/// The one shape of every error body (DESIGN §1).
struct ErrorResponse: Encodable {
    var errorCode: String
    var message: String
    var details: [FieldError]
    var requestID: String
    var timestamp: Date

    enum CodingKeys: String, CodingKey {
        case message, details, timestamp
        case errorCode = "error_code"
        case requestID = "request_id"
    }

    /// The body of an answer the HTTP layer writes below the router (a 408, a refused head),
    /// under a request id of its own.
    static func text(code: String, message: String, details: [FieldError] = []) -> String {
        let error = ErrorResponse(
            errorCode: code, message: message, details: details, requestID: UUID().uuidString.lowercased(), timestamp: Date())
        return (try? JSONCoding.text(error)) ?? "{}"
    }
}
