import AsyncHTTPClient
import CoreMetrics
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ReelCore
import ReelRender
import ReelStore
import ServiceLifecycle
import Synchronization

/// Delivers the webhook outbox: claims due deliveries under a lease, POSTs each event's stored
/// body to its `webhook_url` with Standard Webhooks headers, and records every attempt with the
/// decision of ``WebhookPolicy``. Runs beside the render slots, never inside one, so a slow
/// receiver holds no render; any number of processes may run one.
public struct WebhookDispatcher: Service {
    public var outbox: any WebhookOutbox
    public var signer: WebhookSigner
    public var addressGuard: AddressGuard
    public var policy: WebhookPolicy
    /// Deliveries in flight at once.
    public var concurrency: Int
    /// Longest wait for a receiver's answer.
    public var timeout: Duration
    /// Longest wait between looks at the outbox when no wake-up comes (retries fall due).
    public var poll: Duration
    public var logger: Logger

    public init(
        outbox: any WebhookOutbox, signer: WebhookSigner, addressGuard: AddressGuard,
        policy: WebhookPolicy = WebhookPolicy(), concurrency: Int = 16, timeout: Duration = .seconds(10), poll: Duration = .seconds(1),
        logger: Logger
    ) {
        self.outbox = outbox
        self.signer = signer
        self.addressGuard = addressGuard
        self.policy = policy
        self.concurrency = concurrency
        self.timeout = timeout
        self.poll = poll
        self.logger = logger
    }

    /// No redirects (the address guard vets one host), and no reconnecting within an attempt:
    /// a receiver that is down fails the attempt at once, and the retry schedule decides.
    var clientConfiguration: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(5), read: .init(timeout)))
        configuration.connectionPool.retryConnectionEstablishment = false
        return configuration
    }

    public func run() async throws {
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        let busy = InFlight()
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                while !Task.isCancelled {
                    let generation = outbox.deliveryWakeups.generation
                    let free = concurrency - busy.count
                    var claimed: [WebhookDelivery] = []
                    if free > 0 {
                        do {
                            claimed = try await outbox.claimDeliveries(limit: free, leaseSeconds: leaseSeconds, at: Date())
                        } catch {
                            logger.error("claiming webhook deliveries failed", metadata: ["error": "\(error)"])
                        }
                    }
                    for delivery in claimed {
                        busy.add(1)
                        group.addTask {
                            await deliver(delivery, client: httpClient)
                            busy.add(-1)
                            outbox.deliveryWakeups.signal()
                        }
                    }
                    if claimed.isEmpty || claimed.count == free {
                        await outbox.deliveryWakeups.wait(after: generation, timeout: poll)
                    }
                }
            }
        }
        try? await httpClient.shutdown()
    }

    /// A delivery's lease outlasts its attempt (connect, answer, the address check), and no more:
    /// a dispatcher that died holds its deliveries that long.
    var leaseSeconds: Double { Double(timeout.components.seconds) + 15 }

    /// One attempt at `delivery`, recorded with its decision.
    func deliver(_ delivery: WebhookDelivery, client httpClient: HTTPClient) async {
        var logger = self.logger
        logger[metadataKey: "composition_id"] = "\(delivery.compositionID.uuidString.lowercased())"
        logger[metadataKey: "webhook_event"] = "\(delivery.eventID)"
        let started = Date()
        let outcome = await post(delivery, client: httpClient)
        let now = Date()
        let number = delivery.attempts + 1
        let decision = policy.decide(outcome, attempt: number, eventAt: delivery.eventAt, now: now, random: Double.random(in: 0..<1))
        var attempt = WebhookAttempt(
            number: number, startedAt: started, milliseconds: Int(clamping: now.timeIntervalSince(started) * 1000), status: nil, error: nil)
        switch outcome {
        case .answered(let status): attempt.status = status
        case .noAnswer(let error): attempt.error = error
        }
        Counter(label: "reel_webhook_deliveries_total", dimensions: [("outcome", Self.name(of: decision))]).increment()
        switch decision {
        case .delivered: logger.debug("webhook delivered", metadata: ["attempt": "\(number)"])
        case .retry(let at):
            logger.warning(
                "webhook not delivered; trying again",
                metadata: ["attempt": "\(number)", "next": "\(at.timestamp)", "url": "\(delivery.url)"])
        case .gone: logger.warning("webhook endpoint answered 410 Gone; its deliveries stop", metadata: ["url": "\(delivery.url)"])
        case .expired:
            logger.error("webhook given up after its last attempt", metadata: ["attempt": "\(number)", "url": "\(delivery.url)"])
        }
        do {
            try await outbox.record(attempt, of: delivery, decision: decision)
        } catch {
            // The lease runs out and another attempt follows: at least once.
            logger.error("recording a webhook attempt failed", metadata: ["error": "\(error)"])
        }
    }

    static func name(of decision: WebhookPolicy.Decision) -> String {
        switch decision {
        case .delivered: "delivered"
        case .retry: "retried"
        case .gone: "gone"
        case .expired: "expired"
        }
    }

    /// POSTs the stored body through a client connecting only to the address the guard vetted.
    func post(_ delivery: WebhookDelivery, client httpClient: HTTPClient) async -> WebhookPolicy.Outcome {
        guard let components = URLComponents(string: delivery.url), let host = components.host else {
            return .noAnswer("the URL has no host")
        }
        guard components.hasUsablePort else { return .noAnswer("the URL's port is not between 1 and 65535") }
        let body = Data(delivery.payload.utf8)
        let id = String(delivery.eventID)
        let timestamp = Int(clamping: Date().timeIntervalSince1970)
        var request = HTTPClientRequest(url: delivery.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "reel/1")
        request.headers.add(name: "webhook-id", value: id)
        request.headers.add(name: "webhook-timestamp", value: String(timestamp))
        request.headers.add(name: "webhook-signature", value: signer.signature(id: id, timestamp: timestamp, body: body))
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            return try await addressGuard.withVettedClient(host: host, shared: httpClient, configuration: clientConfiguration) { client in
                let response = try await client.execute(request, timeout: .init(timeout))
                // Read (and drop) a little of the answer so the connection can be reused.
                _ = try? await response.body.collect(upTo: 64 * 1024)
                return .answered(status: Int(response.status.code))
            }
        } catch {
            return .noAnswer(String(describing: error).prefix(300).description)
        }
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        self = .nanoseconds(duration.nanoseconds)
    }
}

/// Deliveries in flight in one dispatcher.
final class InFlight: Sendable {
    private let value = Atomic<Int>(0)

    func add(_ delta: Int) { value.add(delta, ordering: .relaxed) }
    var count: Int { value.load(ordering: .relaxed) }
}
