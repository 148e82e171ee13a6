import Foundation
import Hummingbird
import ReelCore

/// `GET /api/v1/compositions/{id}/webhooks`.
struct WebhookDeliveriesDTO: ResponseEncodable {
    var deliveries: [WebhookDeliveryDTO]
}

/// One event's delivery to the composition's `webhook_url`, with every attempt.
struct WebhookDeliveryDTO: Encodable {
    var eventID: Int64
    var type: String
    var url: String
    var state: String
    var nextAttemptAt: Date?
    var deliveredAt: Date?
    var attempts: [Attempt]

    struct Attempt: Encodable {
        var number: Int
        var at: Date
        var durationMS: Int
        var statusCode: Int?
        var error: String?

        enum CodingKeys: String, CodingKey {
            case number, at, error
            case durationMS = "duration_ms"
            case statusCode = "status_code"
        }
    }

    init(_ record: WebhookDeliveryRecord) {
        eventID = record.eventID
        type = record.type
        url = record.url
        state = record.state
        nextAttemptAt = record.nextAttemptAt
        deliveredAt = record.deliveredAt
        attempts = record.attempts.map {
            Attempt(number: $0.number, at: $0.startedAt, durationMS: $0.milliseconds, statusCode: $0.status, error: $0.error)
        }
    }

    enum CodingKeys: String, CodingKey {
        case type, url, state, attempts
        case eventID = "event_id"
        case nextAttemptAt = "next_attempt_at"
        case deliveredAt = "delivered_at"
    }
}
