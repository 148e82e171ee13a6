import Foundation
import ReelCore

/// The columns a ``WebhookPolicy/Decision`` sets on a delivery, for both drivers.
struct WebhookDeliveryChange {
    var state: String
    var nextAttemptAt: Date?
    /// 410 Gone: the endpoint's other pending deliveries for the composition stop too.
    var stopsEndpoint: Bool

    init(_ decision: WebhookPolicy.Decision) {
        switch decision {
        case .delivered: (state, nextAttemptAt, stopsEndpoint) = ("delivered", nil, false)
        case .retry(let at): (state, nextAttemptAt, stopsEndpoint) = ("pending", at, false)
        case .gone: (state, nextAttemptAt, stopsEndpoint) = ("gone", nil, true)
        case .expired: (state, nextAttemptAt, stopsEndpoint) = ("expired", nil, false)
        }
    }
}
