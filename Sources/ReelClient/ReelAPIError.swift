import Foundation
import OpenAPIRuntime

/// An answer that was not a success, in Reel's error shape: `code` (`validation_error`, …),
/// `message`, and for a 422 the `fields` it names (`clips[0].end_time`).
public struct ReelAPIError: Error, Sendable, CustomStringConvertible {
    public var status: Int
    public var code: String
    public var message: String
    public var fields: [String]

    public init(status: Int, code: String, message: String, fields: [String]) {
        (self.status, self.code, self.message, self.fields) = (status, code, message, fields)
    }

    /// Reads Reel's error body (`{"error_code", "message", "details": [{"field", …}]}`).
    init(status: Int, body: [UInt8]) {
        struct Shape: Decodable {
            struct Detail: Decodable { var field: String? }
            var error_code: String?
            var message: String?
            var details: [Detail]?
        }
        let shape = try? JSONDecoder().decode(Shape.self, from: Data(body))
        self.init(
            status: status, code: shape?.error_code ?? "http_error", message: shape?.message ?? "",
            fields: shape?.details?.compactMap(\.field) ?? [])
    }

    /// The Reel error inside an error the generated client threw, if that is what it was.
    public init?(_ error: any Error) {
        if let reel = error as? ReelAPIError {
            self = reel
        } else if let client = error as? ClientError, let reel = client.underlyingError as? ReelAPIError {
            self = reel
        } else {
            return nil
        }
    }

    public var description: String { "\(status) \(code): \(message)" }
}
