import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import ReelCore
import ReelStore

/// Turns every error thrown by a route into the API's error shape; nothing internal
/// (stack traces, SQL, paths) reaches a client.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = ReelRequestContext

    /// The router's own routes: a known path asked with another method is 405.
    let allowed: AllowedMethods

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && error.body == nil {
            // No route: a known path asked with a method it does not answer is 405.
            guard let allowed = allowed.methods(for: request.uri.path), !allowed.contains(request.method.rawValue) else {
                return Self.map(error).response(requestID: context.currentRequestID)
            }
            let refusal = APIError(
                status: .methodNotAllowed, code: "method_not_allowed",
                message: "\(request.method.rawValue) is not allowed here; use \(allowed.joined(separator: ", "))",
                headers: [.allow: allowed.joined(separator: ", ")])
            return refusal.response(requestID: context.currentRequestID)
        } catch {
            let answer = Self.map(error)
            if answer.status == .internalServerError {
                context.logger.error("request failed", metadata: ["error": "\(error)"])
            }
            return answer.response(requestID: context.currentRequestID)
        }
    }

    /// Any error a route throws, as HTTP answers it; nothing internal reaches the client.
    static func map(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as ReelError:
            return APIError(error)
        case let error as HTTPError:
            switch error.status {
            case .notFound: return APIError(status: .notFound, code: "not_found", message: error.body ?? "no such resource")
            case .contentTooLarge:
                return APIError(status: .contentTooLarge, code: "payload_too_large", message: "request body is too large")
            case .methodNotAllowed:
                return APIError(status: .methodNotAllowed, code: "method_not_allowed", message: "method not allowed on this path")
            case .unauthorized, .forbidden:
                return APIError(status: error.status, code: "unauthorized", message: error.body ?? "not allowed")
            default:
                if error.status.code < 500 {
                    return APIError(status: error.status, code: "bad_request", message: error.body ?? error.status.reasonPhrase)
                }
                return APIError(.internalError())
            }
        case is HTTPParserError:
            // A body that breaks HTTP's framing (a bad chunk size, a short body): the client's fault.
            return APIError(status: .badRequest, code: "bad_request", message: "the request is not valid HTTP/1.1")
        case is NIOTooManyBytesError:
            return APIError(status: .contentTooLarge, code: "payload_too_large", message: "request body is too large")
        case let error as DecodingError:
            return APIError(.validation([JSONCoding.fieldError(error)]))
        default:
            if let error = error as? SQLiteError, error.isBusy {
                return APIError(.unavailable("the database is busy, try again shortly", retryAfter: 1))
            }
            return APIError(.internalError())
        }
    }
}
