import Foundation

/// One event on its way to one `webhook_url`, as the dispatcher claims it under a lease.
public struct WebhookDelivery: Sendable, Hashable {
    public var id: Int64
    /// Receivers dedupe on it: it is the `webhook-id` of every attempt.
    public var eventID: Int64
    public var compositionID: UUID
    public var url: String
    /// Attempts made before this one.
    public var attempts: Int
    public var eventAt: Date
    /// The event's stored JSON, sent as the body of every attempt.
    public var payload: String
    public var token: String

    public init(
        id: Int64, eventID: Int64, compositionID: UUID, url: String, attempts: Int, eventAt: Date, payload: String, token: String
    ) {
        self.id = id
        self.eventID = eventID
        self.compositionID = compositionID
        self.url = url
        self.attempts = attempts
        self.eventAt = eventAt
        self.payload = payload
        self.token = token
    }
}

/// One try of a delivery, as recorded and listed.
public struct WebhookAttempt: Sendable, Hashable {
    public var number: Int
    public var startedAt: Date
    public var milliseconds: Int
    public var status: Int?
    public var error: String?

    public init(number: Int, startedAt: Date, milliseconds: Int, status: Int?, error: String?) {
        self.number = number
        self.startedAt = startedAt
        self.milliseconds = milliseconds
        self.status = status
        self.error = error
    }
}

/// A delivery with its history, for `GET …/webhooks`.
public struct WebhookDeliveryRecord: Sendable, Hashable {
    /// `pending`, `delivered`, `gone` or `expired`.
    public var state: String
    public var eventID: Int64
    public var type: String
    public var url: String
    public var nextAttemptAt: Date?
    public var deliveredAt: Date?
    public var attempts: [WebhookAttempt]

    public init(
        state: String, eventID: Int64, type: String, url: String, nextAttemptAt: Date?, deliveredAt: Date?, attempts: [WebhookAttempt]
    ) {
        self.state = state
        self.eventID = eventID
        self.type = type
        self.url = url
        self.nextAttemptAt = nextAttemptAt
        self.deliveredAt = deliveredAt
        self.attempts = attempts
    }
}
