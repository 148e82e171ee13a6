import AsyncHTTPClient
import CoreMetrics
import Crypto
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ReelCore
import ReelRender

/// Tells a composition's `webhook_url` that it finished: a JSON POST signed with
/// `X-Reel-Signature: sha256=HMAC(secret, body)`, tried up to three times, never fatal.
public struct WebhookNotifier: Sendable {
    public var httpClient: HTTPClient
    public var secret: String
    public var addressGuard: AddressGuard
    public var attempts: Int
    public var timeout: Duration

    public init(httpClient: HTTPClient, secret: String, addressGuard: AddressGuard, attempts: Int = 3, timeout: Duration = .seconds(5)) {
        self.httpClient = httpClient
        self.secret = secret
        self.addressGuard = addressGuard
        self.attempts = attempts
        self.timeout = timeout
    }

    /// The body sent to the webhook.
    public struct Event: Codable, Sendable, Hashable {
        public var event: String
        public var compositionID: String
        public var status: String
        public var errorMessage: String?
        public var timestamp: String

        enum CodingKeys: String, CodingKey {
            case event, status, timestamp
            case compositionID = "composition_id"
            case errorMessage = "error_message"
        }
    }

    public func signature(for body: Data) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + Hex.string(mac)
    }

    /// Posts `event` to `url`; returns whether a 2xx answer came.
    @discardableResult
    public func send(_ event: Event, to url: String, logger: Logger) async -> Bool {
        guard let host = URLComponents(string: url)?.host else { return false }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let body = try? encoder.encode(event) else { return false }
        do {
            let delivered = try await addressGuard.withVettedClient(host: host, shared: httpClient) { client in
                await deliver(body, event: event.event, to: url, client: client, logger: logger)
            }
            Counter(label: "reel_webhook_deliveries_total", dimensions: [("outcome", delivered ? "delivered" : "failed")]).increment()
            return delivered
        } catch {
            logger.warning("webhook refused", metadata: ["url": "\(url)", "error": "\(error)"])
            Counter(label: "reel_webhook_deliveries_total", dimensions: [("outcome", "refused")]).increment()
            return false
        }
    }

    /// Up to `attempts` POSTs of `body` through a client connecting to the vetted address.
    func deliver(_ body: Data, event: String, to url: String, client: HTTPClient, logger: Logger) async -> Bool {
        for attempt in 1...max(1, attempts) {
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "User-Agent", value: "reel/1")
            request.headers.add(name: "X-Reel-Event", value: event)
            request.headers.add(name: "X-Reel-Signature", value: signature(for: body))
            request.body = .bytes(ByteBuffer(bytes: body))
            do {
                let response = try await client.execute(request, timeout: .init(timeout))
                if (200..<300).contains(response.status.code) { return true }
                logger.warning("webhook answered \(response.status.code)", metadata: ["url": "\(url)", "attempt": "\(attempt)"])
            } catch {
                logger.warning("webhook failed", metadata: ["url": "\(url)", "attempt": "\(attempt)", "error": "\(error)"])
            }
            if attempt < attempts { try? await Task.sleep(for: .milliseconds(500 * attempt)) }
        }
        return false
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
