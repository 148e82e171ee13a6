import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Sends the key as `Authorization: Bearer`, and turns every answer that is not a success
/// into a thrown ``ReelAPIError`` read from Reel's error shape.
struct ReelMiddleware: ClientMiddleware {
    let key: String?

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        if let key { request.headerFields[.authorization] = "Bearer \(key)" }
        let (response, answer) = try await next(request, body, baseURL)
        guard response.status.kind == .clientError || response.status.kind == .serverError else { return (response, answer) }
        var bytes: [UInt8] = []
        if let answer { bytes = try await [UInt8](collecting: answer, upTo: 1 << 20) }
        throw ReelAPIError(status: response.status.code, body: bytes)
    }
}
