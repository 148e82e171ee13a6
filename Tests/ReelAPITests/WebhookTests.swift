import AsyncHTTPClient
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ReelAPI
import ReelApp
import ReelCore
import ReelWorker
import Synchronization
import Testing

/// Records what a webhook receiver was sent, and answers `failures` 500s before 204s.
final class WebhookInbox: Sendable {
    struct Delivery: Sendable {
        var body: Data
        var id: String?
        var timestamp: String?
        var signature: String?

        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:] }
        var type: String? { json["type"] as? String }
        var compositionID: String? { (json["data"] as? [String: Any])?["composition_id"] as? String }
    }
    private let deliveries = Mutex<[Delivery]>([])
    private let failures: Mutex<Int>

    init(failures: Int = 0) {
        self.failures = Mutex(failures)
    }

    var all: [Delivery] { deliveries.withLock { $0 } }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("hook") { request, _ -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 1 << 20)
            let header = { (name: String) in request.headers[values: HTTPField.Name(name)!].first }
            self.deliveries.withLock {
                $0.append(
                    .init(
                        body: Data(body.readableBytesView), id: header("webhook-id"), timestamp: header("webhook-timestamp"),
                        signature: header("webhook-signature")))
            }
            return self.failures.withLock { left in
                guard left > 0 else { return .noContent }
                left -= 1
                return .internalServerError
            }
        }
        return router
    }

    /// Waits until `condition` holds of the deliveries (10 s at most).
    func wait(until condition: ([Delivery]) -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while !condition(all) && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
    }
}

@Suite("Webhooks", .serialized)
struct WebhookTests {
    @Test("every event reaches webhook_url in order, signed as Standard Webhooks; failures and cancel included")
    func delivered() async throws {
        let inbox = WebhookInbox()
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let clip = try await TestReel.makeClip(seconds: 1, name: "c.mp4", in: reel.folder.appendingPathComponent("media"))
        try await Application(router: inbox.router()).test(.live) { hookClient in
            let hook = "http://127.0.0.1:\(try #require(hookClient.port))/hook"
            try await reel.applicationWithWorkers().test(.live) { client in
                let source = try await RenderFlowTests.upload(client, clip)
                let good = try await RenderFlowTests.post(
                    client,
                    #"{"title":"ok","webhook_url":"\#(hook)","clips":[{"video_url":"\#(source)","start_time":0,"end_time":1}],"output":{"resolution":"160x90","thumbnail":true}}"#
                )
                let bad = try await RenderFlowTests.post(
                    client,
                    #"{"title":"bad","webhook_url":"\#(hook)","clips":[{"video_url":"\#(source)","start_time":0,"end_time":1,"trim_start":30}]}"#
                )
                _ = try await RenderFlowTests.wait(client, good)
                _ = try await RenderFlowTests.wait(client, bad)
                try await inbox.wait {
                    $0.filter { $0.type?.hasSuffix("completed") == true || $0.type?.hasSuffix("failed") == true }.count == 2
                }
                let types = { (id: String) in inbox.all.filter { $0.compositionID == id }.compactMap(\.type) }
                #expect(types(good) == ["composition.queued", "composition.processing", "composition.completed"])
                #expect(types(bad) == ["composition.queued", "composition.processing", "composition.failed"])
                // The worker stored the poster beside the output.
                let link = try await client.execute(uri: "/api/v1/compositions/\(good)/download", method: .get) {
                    $0.body.json["thumbnail_url"] as? String
                }
                let thumbnail = try #require(URLComponents(string: link ?? ""))
                try await client.execute(uri: thumbnail.path + "?" + (thumbnail.query ?? ""), method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "image/jpeg")
                    #expect(Array(response.body.readableBytesView.prefix(2)) == [0xFF, 0xD8])
                }
                let failed = inbox.all.first { $0.compositionID == bad && $0.type == "composition.failed" }
                #expect(((failed?.json["data"] as? [String: Any])?["error_message"] as? String)?.contains("trim_start") == true)

                // The signature is Standard Webhooks' over id.timestamp.body with the key REEL_SECRET derives.
                let secret = WebhookSigner.derivedSecret(from: TestReel.secret)
                let written = try String(contentsOf: reel.folder.appendingPathComponent("webhook-secret"), encoding: .utf8)
                #expect(written == secret + "\n")
                let key = SymmetricKey(data: try #require(WebhookSecret.key(of: secret)))
                for delivery in inbox.all {
                    let id = try #require(delivery.id)
                    let timestamp = try #require(delivery.timestamp)
                    let mac = HMAC<SHA256>.authenticationCode(for: Data("\(id).\(timestamp).".utf8) + delivery.body, using: key)
                    #expect(delivery.signature == "v1," + Data(mac).base64EncodedString())
                }
                #expect(Set(inbox.all.compactMap(\.id)).count == inbox.all.count)

                // Cancel and delete are delivered too.
                let queued = try await RenderFlowTests.post(
                    client,
                    #"{"title":"later","priority":"low","webhook_url":"\#(hook)","clips":[{"video_url":"\#(source)","start_time":0,"end_time":1}]}"#
                )
                _ = try await client.execute(uri: "/api/v1/compositions/\(queued)/cancel", method: .post) { $0.status }
                _ = try await client.execute(uri: "/api/v1/compositions/\(queued)", method: .delete) { $0.status }
                try await inbox.wait { $0.contains { $0.compositionID == queued && $0.type == "composition.deleted" } }
                #expect(types(queued).suffix(2) == ["composition.cancelled", "composition.deleted"])
            }
        }
    }

    @Test("a receiver failing three times gets one event in four attempts under one webhook-id, all listed")
    func retried() async throws {
        let inbox = WebhookInbox(failures: 3)
        let reel = try await TestReel(environment: [
            "REEL_WEBHOOK_RETRY_DELAY": "0.1", "REEL_WEBHOOK_SECRET": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        ])
        defer { reel.cleanUp() }
        try await Application(router: inbox.router()).test(.live) { hookClient in
            let hook = "http://127.0.0.1:\(try #require(hookClient.port))/hook"
            // The dispatcher without render workers: the composition stays queued until cancelled.
            try await reel.runtime.serveApplication(reel.services, background: [try reel.runtime.dispatcher()]).test(.live) { client in
                // Two events, the first retried three times.
                let id = try await RenderFlowTests.post(
                    client,
                    #"{"title":"r","webhook_url":"\#(hook)","clips":[{"video_url":"https://example.invalid/a.mp4","start_time":0,"end_time":1}]}"#
                )
                _ = try await client.execute(uri: "/api/v1/compositions/\(id)/cancel", method: .post) { $0.status }
                try await inbox.wait { $0.count >= 5 }
                let deliveries = inbox.all
                #expect(deliveries.count == 5)
                #expect(deliveries.prefix(4).allSatisfy { $0.type == "composition.queued" })
                #expect(Set(deliveries.prefix(4).compactMap(\.id)).count == 1)
                #expect(deliveries.last?.type == "composition.cancelled")
                #expect(deliveries.last?.id != deliveries.first?.id)
                // The receiver has the last event before the dispatcher records its answer: list until both are settled.
                var listed: [[String: Any]] = []
                let deadline = ContinuousClock.now + .seconds(10)
                repeat {
                    listed = try await client.execute(uri: "/api/v1/compositions/\(id)/webhooks", method: .get) { response in
                        #expect(response.status == .ok)
                        return try #require(response.body.json["deliveries"] as? [[String: Any]])
                    }
                    if listed.allSatisfy({ $0["state"] as? String != "pending" }) { break }
                    try await Task.sleep(for: .milliseconds(50))
                } while ContinuousClock.now < deadline
                #expect(listed.compactMap { $0["type"] as? String } == ["composition.queued", "composition.cancelled"])
                #expect(listed.compactMap { $0["state"] as? String } == ["delivered", "delivered"])
                let attempts = try #require(listed.first?["attempts"] as? [[String: Any]])
                #expect(attempts.compactMap { $0["status_code"] as? Int } == [500, 500, 500, 204])
                #expect(attempts.compactMap { $0["number"] as? Int } == [1, 2, 3, 4])
            }
        }
    }
}
