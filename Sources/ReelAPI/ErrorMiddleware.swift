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
            guard let allowed = allowed.methods(for: request.uri.path),
                !allowed.contains(request.method.rawValue)
            else {
                return Self.response(Self.map(error), requestID: context.currentRequestID)
            }
            let refusal = ReelError(
                code: "method_not_allowed", kind: .methodNotAllowed,
                message: "\(request.method.rawValue) is not allowed here; use \(allowed.joined(separator: ", "))",
                headers: [("Allow", allowed.joined(separator: ", "))])
            return Self.response(refusal, requestID: context.currentRequestID)
        } catch {
            let reelError = Self.map(error)
            if reelError.kind == .internal {
                context.logger.error("request failed", metadata: ["error": "\(error)"])
            }
            return Self.response(reelError, requestID: context.currentRequestID)
        }
    }

    static func response(_ error: ReelError, requestID: String) -> Response {
        let body = ErrorResponse(
            errorCode: error.code,
            message: error.message,
            details: error.details,
            requestID: requestID,
            timestamp: Date()
        )
        var headers: HTTPFields = [:]
        if let retryAfter = error.retryAfter { headers[.retryAfter] = String(retryAfter) }
        for (name, value) in error.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        let status = error.kind.status
        return (try? JSONCoding.response(body, status: status, headers: headers))
            ?? Response(status: .internalServerError)
    }

    static func map(_ error: any Error) -> ReelError {
        switch error {
        case let error as ReelError:
            return error
        case let error as HTTPError:
            switch error.status {
            case .notFound: return ReelError(code: "not_found", kind: .notFound, message: error.body ?? "no such resource")
            case .contentTooLarge: return ReelError(code: "payload_too_large", kind: .tooLarge, message: "request body is too large")
            case .methodNotAllowed:
                return ReelError(code: "method_not_allowed", kind: .methodNotAllowed, message: "method not allowed on this path")
            case .unauthorized, .forbidden:
                return ReelError(
                    code: "unauthorized", kind: error.status == .unauthorized ? .unauthenticated : .forbidden,
                    message: error.body ?? "not allowed")
            default:
                if error.status.code < 500 {
                    return ReelError(
                        code: "bad_request", kind: .refused(status: error.status.code), message: error.body ?? error.status.reasonPhrase)
                }
                return .internalError()
            }
        case is HTTPParserError:
            // A body that breaks HTTP's framing (a bad chunk size, a short body): the client's fault.
            return ReelError(code: "bad_request", kind: .refused(status: 400), message: "the request is not valid HTTP/1.1")
        case is NIOTooManyBytesError:
            return ReelError(code: "payload_too_large", kind: .tooLarge, message: "request body is too large")
        case let error as DecodingError:
            return .validation([JSONCoding.fieldError(error)])
        default:
            if let error = error as? SQLiteError, error.isBusy {
                return .unavailable("the database is busy, try again shortly", retryAfter: 1)
            }
            return .internalError()
        }
    }
}
