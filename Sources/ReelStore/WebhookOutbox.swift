import Foundation
import ReelCore

/// The deliveries the events of compositions with a `webhook_url` create (in the event's
/// transaction), claimed under a lease like jobs, so no process death loses one.
public protocol WebhookOutbox: Sendable {
    /// Signalled when a delivery may be due (an event with a webhook in this process, or a
    /// notification from another).
    var deliveryWakeups: WakeSignal { get }
    /// Due deliveries, at most `limit`, leased for `leaseSeconds`; a delivery waits while an
    /// earlier one of its composition is still pending, so each receiver sees a composition's
    /// events in order.
    func claimDeliveries(limit: Int, leaseSeconds: Double, at date: Date) async throws -> [WebhookDelivery]
    /// Records `attempt` and applies `decision`, if the lease is still held.
    func record(_ attempt: WebhookAttempt, of delivery: WebhookDelivery, decision: WebhookPolicy.Decision) async throws
    /// The deliveries of a composition's events, oldest first, with every attempt.
    func deliveries(of composition: UUID, tenant: String?) async throws -> [WebhookDeliveryRecord]
}
