import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ReelAPI
import ReelCore
import ReelRender
import ReelWorker
import Synchronization
import Testing

/// Records what a webhook receiver was sent.
final class WebhookInbox: Sendable {
    struct Delivery: Sendable {
        var body: Data
        var signature: String?
    }
    private let deliveries = Mutex<[Delivery]>([])

    func add(_ delivery: Delivery) { deliveries.withLock { $0.append(delivery) } }
    var all: [Delivery] { deliveries.withLock { $0 } }
}

@Suite("Webhooks", .serialized)
struct WebhookTests {
    @Test("completion and failure are posted to webhook_url, signed with the secret")
    func delivered() async throws {
        let inbox = WebhookInbox()
        let receiver = Router()
        receiver.post("hook") { request, _ -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 1 << 20)
            inbox.add(
                .init(body: Data(body.readableBytesView), signature: request.headers[values: HTTPField.Name("X-Reel-Signature")!].first))
            return .noContent
        }
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let clip = try await TestReel.makeClip(seconds: 1, name: "c.mp4", in: reel.folder.appendingPathComponent("media"))
        try await Application(router: receiver).test(.live) { hookClient in
            let hook = "http://127.0.0.1:\(try #require(hookClient.port))/hook"
            try await reel.applicationWithWorkers().test(.live) { client in
                let source = try await RenderFlowTests.upload(client, clip)
                let good = try await RenderFlowTests.post(
                    client,
                    #"{"title":"ok","webhook_url":"\#(hook)","clips":[{"video_url":"\#(source)","start_time":0,"end_time":1}],"output":{"resolution":"160x90"}}"#
                )
                let bad = try await RenderFlowTests.post(
                    client,
                    #"{"title":"bad","webhook_url":"\#(hook)","clips":[{"video_url":"\#(source)","start_time":0,"end_time":1,"trim_start":30}]}"#
                )
                _ = try await RenderFlowTests.wait(client, good)
                _ = try await RenderFlowTests.wait(client, bad)
                let deadline = ContinuousClock.now + .seconds(10)
                while inbox.all.count < 2 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
                let events = inbox.all.compactMap { try? JSONDecoder().decode(WebhookNotifier.Event.self, from: $0.body) }
                #expect(Set(events.map(\.event)) == ["composition.completed", "composition.failed"])
                #expect(Set(events.map(\.compositionID)) == [good, bad])
                #expect(events.first { $0.compositionID == bad }?.errorMessage?.contains("trim_start") == true)
                let signer = WebhookNotifier(httpClient: .shared, secret: TestReel.secret, addressGuard: .init(allowPrivate: true))
                for delivery in inbox.all {
                    #expect(delivery.signature == signer.signature(for: delivery.body))
                }
            }
        }
    }
}
