import Foundation
import ReelCore
import Testing

@Suite("Webhook delivery decisions")
struct WebhookPolicyTests {
    let policy = WebhookPolicy(baseDelay: 5, maxDelay: 3_600, maxAge: 86_400, jitter: 0)
    let event = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("a 2xx delivers, 410 stops the endpoint, anything else retries with a doubling delay")
    func outcomes() {
        #expect(policy.decide(.answered(status: 204), attempt: 1, eventAt: event, now: event, random: 0.5) == .delivered)
        #expect(policy.decide(.answered(status: 410), attempt: 1, eventAt: event, now: event, random: 0.5) == .gone)
        #expect(policy.decide(.answered(status: 500), attempt: 1, eventAt: event, now: event, random: 0.5) == .retry(at: event + 5))
        #expect(policy.decide(.answered(status: 404), attempt: 3, eventAt: event, now: event, random: 0.5) == .retry(at: event + 20))
        #expect(policy.decide(.noAnswer("refused"), attempt: 2, eventAt: event, now: event, random: 0.5) == .retry(at: event + 10))
        #expect(policy.decide(.noAnswer("refused"), attempt: 30, eventAt: event, now: event, random: 0.5) == .retry(at: event + 3_600))
    }

    @Test("a retry that would fall after the event's max age gives up")
    func expiry() {
        let late = event + 86_000
        #expect(policy.decide(.answered(status: 503), attempt: 20, eventAt: event, now: late, random: 0.5) == .expired)
        #expect(policy.decide(.answered(status: 503), attempt: 1, eventAt: event, now: late, random: 0.5) == .retry(at: late + 5))
    }

    @Test("secrets read as whsec_ and 16 to 64 base64 bytes")
    func secrets() {
        #expect(WebhookSecret.key(of: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")?.count == 24)
        #expect(WebhookSecret.key(of: "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")?.count == 24)
        #expect(WebhookSecret.key(of: "whsec_c2hvcnQ=") == nil)
        #expect(WebhookSecret.key(of: "whsec_not base64!") == nil)
    }
}
