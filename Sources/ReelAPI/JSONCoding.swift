import Foundation
import Hummingbird
import NIOCore
import ReelCore

/// The JSON encoder and decoder of the API, and turning decoding errors into field errors.
enum JSONCoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.timestamp)
        }
        return encoder
    }()

    static func text(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        response(bytes: ByteBuffer(bytes: try encoder.encode(value)), status: status, headers: headers)
    }

    /// A JSON answer already encoded.
    static func response(text: String, status: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
        response(bytes: ByteBuffer(string: text), status: status, headers: headers)
    }

    static func response(bytes: ByteBuffer, status: HTTPResponse.Status, headers: HTTPFields) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: bytes))
    }

    /// Decodes a request body, turning every decoding problem into a 422 naming the field;
    /// fields Reel does not know are collected in `unknownFields`.
    static func decode<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer, unknownFields: UnknownFields? = nil) throws -> T {
        if JSONNesting.exceeds(buffer.readableBytesView, limit: InputLimits.bodyDepth) {
            throw ReelError.validation(field: "body", "nests arrays and objects deeper than \(InputLimits.bodyDepth) levels", type: "json")
        }
        let decoder = JSONDecoder()
        if let unknownFields { decoder.userInfo[UnknownFields.userInfoKey] = unknownFields }
        do {
            return try decoder.decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw ReelError.validation([fieldError(error)])
        }
    }

    /// Refuses a body that is not declared JSON with 415: a web page can send `text/plain` to
    /// any address without asking, but not `application/json`.
    static func requireJSON(_ request: Request) throws {
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard let type, type == "application/json" || (type.hasPrefix("application/") && type.hasSuffix("+json")) else {
            throw APIError(
                status: .unsupportedMediaType, code: "unsupported_media_type",
                message: "send the body as JSON with Content-Type: application/json",
                details: [FieldError(field: "Content-Type", message: "must be application/json", errorType: "header")])
        }
    }

    static func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
        UnknownFields.text(codingPath + (last.map { [$0] } ?? []))
    }

    static let choices: [String: String] = [
        "priority": "high, default, low",
        "position": OverlayPosition.allCases.map(\.rawValue).joined(separator: ", "),
        "format": OutputFormat.allCases.map(\.rawValue).joined(separator: ", "),
        "fit": "cover, contain",
    ]

    static func fieldError(_ error: DecodingError) -> FieldError {
        switch error {
        case .keyNotFound(let key, let context):
            return FieldError(field: path(context.codingPath, key), message: "is required", errorType: "missing")
        case .valueNotFound(_, let context):
            return FieldError(field: path(context.codingPath), message: "must not be null", errorType: "missing")
        case .typeMismatch(let type, let context):
            return FieldError(field: path(context.codingPath), message: "must be \(describe(type))", errorType: "type")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return FieldError(field: "body", message: "is not valid JSON", errorType: "json")
            }
            let field = path(context.codingPath)
            // A type that names its own allowed values says so itself.
            if let problem = context.underlyingError as? FieldProblem {
                return FieldError(field: field, message: problem.message, errorType: "value")
            }
            if let name = context.codingPath.last?.stringValue, let options = choices[name] {
                return FieldError(field: field, message: "must be one of \(options)", errorType: "value")
            }
            return FieldError(field: field, message: context.debugDescription, errorType: "value")
        @unknown default:
            return FieldError(field: "body", message: "is not valid", errorType: "value")
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type, is Float.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default:
            String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
