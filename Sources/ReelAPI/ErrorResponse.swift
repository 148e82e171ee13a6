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
}
