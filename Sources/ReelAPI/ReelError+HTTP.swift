import HTTPTypes
import ReelCore

extension ReelError.Kind {
    /// The HTTP status of each kind of error: the one place that decides it.
    var status: HTTPResponse.Status {
        switch self {
        case .invalid: .unprocessableContent
        case .notFound: .notFound
        case .conflict: .conflict
        case .notReady: .badRequest
        case .tooLarge: .contentTooLarge
        case .overloaded: .tooManyRequests
        case .unavailable: .serviceUnavailable
        case .internal: .internalServerError
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .timedOut: .gatewayTimeout
        }
    }
}
