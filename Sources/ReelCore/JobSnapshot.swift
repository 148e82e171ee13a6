import Foundation

/// A composition's job columns right after a change, read back by the driver in the change's
/// transaction to write its event (and, with a `webhookURL`, its webhook deliveries).
public struct JobSnapshot: Sendable, Hashable {
    public var id: UUID
    public var tenant: String
    public var status: CompositionStatus
    public var progress: Double
    public var attempt: Int
    public var errorMessage: String?
    public var result: RenderResult?
    public var webhookURL: String?

    public init(
        id: UUID, tenant: String, status: CompositionStatus, progress: Double, attempt: Int, errorMessage: String?,
        result: RenderResult?, webhookURL: String?
    ) {
        self.id = id
        self.tenant = tenant
        self.status = status
        self.progress = progress
        self.attempt = attempt
        self.errorMessage = errorMessage
        self.result = result
        self.webhookURL = webhookURL
    }

    /// A stored composition as it stands.
    public init(_ record: CompositionRecord) {
        self.init(
            id: record.id, tenant: record.tenant, status: record.status, progress: record.progress, attempt: record.attempt,
            errorMessage: record.errorMessage, result: record.result, webhookURL: record.request.webhookURL)
    }

    /// The event body a client needs without another request: status, progress, attempt, the
    /// error, and once completed the output's summary and where to download it.
    public func payload(kind: CompositionEvent.Kind, at date: Date) -> String {
        let id = self.id.uuidString.lowercased()
        var body = Payload(
            type: kind.rawValue,
            timestamp: date.timestamp,
            data: .init(
                compositionID: id, status: kind == .deleted ? "deleted" : status.rawValue, progress: progress, attempt: attempt,
                errorMessage: errorMessage))
        if kind == .completed, let result {
            body.data.downloadPath = "/api/v1/compositions/\(id)/download"
            body.data.output = .init(
                format: result.output.formatName, duration: result.output.duration, sizeBytes: result.output.sizeBytes,
                width: result.output.width, height: result.output.height)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(body)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// `{type, timestamp, data}`, the Standard Webhooks payload shape.
    struct Payload: Encodable {
        var type: String
        var timestamp: String
        var data: Body

        struct Body: Encodable {
            var compositionID: String
            var status: String
            var progress: Double
            var attempt: Int
            var errorMessage: String?
            var downloadPath: String?
            var output: Output?

            enum CodingKeys: String, CodingKey {
                case status, progress, attempt, output
                case compositionID = "composition_id"
                case errorMessage = "error_message"
                case downloadPath = "download_path"
            }
        }

        struct Output: Encodable {
            var format: String
            var duration: Double
            var sizeBytes: Int
            var width: Int?
            var height: Int?

            enum CodingKeys: String, CodingKey {
                case format, duration, width, height
                case sizeBytes = "size_bytes"
            }
        }
    }
}
