import Foundation
import Hummingbird
import HummingbirdTesting
import ReelClient
import Synchronization
import Testing

/// The Swift client generated from openapi.json (`ReelClient`) against the built `reel` binary
/// with keys on: upload, create and wait on the event stream, download a file ffprobe reads, a
/// 422's field paths, and a real webhook delivery verified.
@Suite("The generated Swift client", .serialized)
struct ReelClientTests {
    static let key = "reel_swift-client-admin-0123456789abcdef"
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

    /// Webhook deliveries as they arrived: headers by lower-case name, and the raw body.
    final class Deliveries: Sendable {
        let received = Mutex<[([String: String], Data)]>([])
    }

    @Test("create, wait on the event stream, download, and verify the completed webhook")
    func createWaitDownloadVerify() async throws {
        let deliveries = Deliveries()
        let router = Router()
        router.post("hook") { request, _ -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 1 << 20)
            let headers = Dictionary(request.headers.map { ($0.name.canonicalName, $0.value) }, uniquingKeysWith: { first, _ in first })
            deliveries.received.withLock { $0.append((headers, Data(body.readableBytesView))) }
            return .noContent
        }
        try await Application(router: router).test(.live) { receiver in
            let port = try #require(receiver.port)
            let server = BinaryTests.Server(
                folder: BinaryTests.newFolder(),
                environment: ["REEL_AUTH": "on", "REEL_API_KEYS": "client:admin:\(Self.key)", "REEL_WEBHOOK_SECRET": Self.secret])
            defer { try? FileManager.default.removeItem(at: server.folder) }
            try await server.start()
            let reel = Reel(baseURL: try #require(URL(string: server.base)), key: Self.key)
            let clip = try await TestReel.makeClip(seconds: 1, name: "client.mp4", in: server.folder)
            let asset = try await reel.upload(Array(try Data(contentsOf: clip)))

            let video = try await reel.createAndWait(
                .init(
                    title: "From Swift", webhookUrl: "http://127.0.0.1:\(port)/hook",
                    clips: [.init(videoUrl: asset.url, startTime: 0, endTime: 1)], output: .init(resolution: "160x90")),
                timeout: .seconds(300))
            #expect(video.status == .completed)
            let file = server.folder.appending(path: "downloaded.mp4")
            try await reel.download(video.id, to: file)
            try await RenderFlowTests.expectRendered(file, duration: 1, width: 160, height: 90, fps: 30)

            let deadline = ContinuousClock.now + .seconds(60)
            var completed: ([String: String], Data)?
            while completed == nil, ContinuousClock.now < deadline {
                completed = deliveries.received.withLock {
                    $0.first { String(decoding: $0.1, as: UTF8.self).contains("composition.completed") }
                }
                if completed == nil { try await Task.sleep(for: .milliseconds(100)) }
            }
            let (headers, body) = try #require(completed)
            let verifier = try WebhookVerifier(secret: Self.secret)
            #expect(try verifier.verify(headers: headers, body: body) == body)
            #expect(throws: WebhookVerifier.Failure.noMatchingSignature) {
                try verifier.verify(
                    headers: headers,
                    body: Data(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "completed", with: "cancelled").utf8))
            }
            _ = try await server.stop(SIGTERM)
        }
    }

    @Test("a refusal is a ReelAPIError naming its fields; a wrong key is 401")
    func refusals() async throws {
        let server = BinaryTests.Server(
            folder: BinaryTests.newFolder(), environment: ["REEL_AUTH": "on", "REEL_API_KEYS": "client:admin:\(Self.key)"])
        defer { try? FileManager.default.removeItem(at: server.folder) }
        try await server.start()
        let base = try #require(URL(string: server.base))
        let backwards = Components.Schemas.CompositionRequest(
            title: "Backwards", clips: [.init(videoUrl: "https://example.com/a.mp4", startTime: 2, endTime: 1)])
        do {
            _ = try await Reel(baseURL: base, key: Self.key).create(backwards)
            Issue.record("a clip ending before it starts was accepted")
        } catch {
            let refusal = try #require(ReelAPIError(error))
            #expect(refusal.status == 422 && refusal.code == "validation_error")
            #expect(refusal.fields.contains("clips[0].end_time"))
        }
        do {
            _ = try await Reel(baseURL: base, key: "reel_wrong-key-0123456789abcdef0123").create(backwards)
            Issue.record("a wrong key was accepted")
        } catch {
            #expect(ReelAPIError(error)?.status == 401)
        }
        _ = try await server.stop(SIGTERM)
    }

    @Test("the webhook verifier agrees with the Standard Webhooks reference library's signature")
    func referenceVector() throws {
        // Signed by PyPI's `standardwebhooks` (Webhook.sign) for this id, time and body.
        let body = Data(#"{"test": 2432232314}"#.utf8)
        let headers = [
            "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp": "1614265330",
            "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        ]
        let verifier = try WebhookVerifier(secret: Self.secret)
        #expect(try verifier.verify(headers: headers, body: body, now: Date(timeIntervalSince1970: 1_614_265_330)) == body)
        #expect(throws: WebhookVerifier.Failure.stale) { try verifier.verify(headers: headers, body: body) }
    }
}
