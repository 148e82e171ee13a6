import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ReelCore
import ReelStore
import Testing

/// The holes found in the inputs added by templates, captions and S3 sources (issue 22), each
/// tried as an attacker would: every answer is a 4xx naming the field, and nothing is stored.
@Suite("Hostile new inputs")
struct NewInputHostilityTests {
    let json: HTTPFields = [.contentType: "application/json"]
    static let clip = #"{"video_url": "https://a.example/x.mp4", "start_time": 0, "end_time": 1}"#

    func send(
        _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, _ body: String, headers: HTTPFields = [:]
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        var fields = json
        for field in headers { fields[field.name] = field.value }
        return try await client.execute(uri: uri, method: method, headers: fields, body: ByteBuffer(string: body)) { response in
            (response.status, response.body.json)
        }
    }

    func problems(_ answer: [String: Any]) -> [(field: String, type: String)] {
        (answer["details"] as? [[String: Any]] ?? []).map { ($0["field"] as? String ?? "", $0["error_type"] as? String ?? "") }
    }

    @Test("a merge value used many times cannot grow a body past the body limit: 422 naming it, nothing stored")
    func inlineAmplification() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        // 1.01 MB: two thousand uses of a 1 MB value asked for 2 GB and ended the process.
        let body =
            #"{"title": "\#(String(repeating: "{{A}}", count: 2000))", "clips": [\#(Self.clip)], "merge": {"A": "\#(String(repeating: "a", count: 1_000_000))"}}"#
        let whole =
            #"{"title": "t", "clips": [\#(Self.clip)], "metadata": [\#(Array(repeating: "\"{{B}}\"", count: 5000).joined(separator: ","))], "merge": {"B": "\#(String(repeating: "b", count: 20_000))"}}"#
        try await reel.application().test(.router) { client in
            for (text, field) in [(body, "merge.A"), (whole, "merge.B")] {
                let (status, answer) = try await send(client, .post, "/api/v1/compositions", text)
                #expect(status == .unprocessableContent)
                let found = problems(answer)
                #expect(found.count == 1 && found[0].field == field && found[0].type == "length", "\(answer)")
            }
        }
        #expect(try await reel.store.list(status: nil, offset: 0, limit: 10).total == 0)
    }

    @Test("a template whose defaults or merge values outgrow a composition is refused at its field")
    func templateAmplification() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let uses = Array(repeating: "\"{{A}}\"", count: 9_000).joined(separator: ",")
        // A stored 60 KB template with a 50 KB default cost 8 s and 400 MB on every use.
        let heavy =
            #"{"name": "heavy", "merge_fields": {"A": {"type": "text", "default": "\#(String(repeating: "d", count: 50_000))"}}, "composition": {"title": "t", "clips": [\#(Self.clip)], "metadata": [\#(uses)]}}"#
        let light =
            #"{"name": "light", "merge_fields": {"A": {"type": "text", "default": "d"}}, "composition": {"title": "t", "clips": [\#(Self.clip)], "metadata": {"m": "\#(String(repeating: "{{A}}", count: 200))"}}}"#
        try await reel.application().test(.router) { client in
            let (refused, answer) = try await send(client, .post, "/api/v1/templates", heavy)
            #expect(refused == .unprocessableContent)
            #expect(problems(answer).map(\.field) == ["merge_fields.A.default"], "\(answer)")
            let (created, template) = try await send(client, .post, "/api/v1/templates", light)
            #expect(created == .created, "\(template)")
            let id = try #require(template["id"] as? String)
            let (merged, mergedAnswer) = try await send(
                client, .post, "/api/v1/templates/\(id)/compositions", #"{"merge": {"A": "\#(String(repeating: "m", count: 100_000))"}}"#)
            #expect(merged == .unprocessableContent)
            #expect(problems(mergedAnswer).map(\.field) == ["merge.A"], "\(mergedAnswer)")
        }
        #expect(try await reel.store.list(status: nil, offset: 0, limit: 10).total == 0)
    }

    @Test("an Idempotency-Key replays across /compositions and /compositions/ (one route)")
    func idempotencyAcrossTrailingSlash() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let body = #"{"title": "t", "clips": [\#(Self.clip)]}"#
        let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "slash-1"]
        try await reel.application().test(.router) { client in
            let (first, created) = try await send(client, .post, "/api/v1/compositions", body, headers: key)
            let (second, replayed) = try await send(client, .post, "/api/v1/compositions/", body, headers: key)
            #expect(first == .accepted && second == .accepted, "\(replayed)")
            #expect(created["id"] as? String == replayed["id"] as? String)
        }
        #expect(try await reel.store.list(status: nil, offset: 0, limit: 10).total == 1)
    }

    @Test("the events of a composition that never existed are 404 on every page")
    func eventsOfUnknown() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            for query in ["", "?after=1", "?after=999999&limit=5"] {
                try await client.execute(uri: "/api/v1/compositions/\(UUID().uuidString)/events\(query)", method: .get) { response in
                    #expect(response.status == .notFound, "\(query)")
                }
            }
        }
    }

    @Test("HEAD answers every GET route with its status and headers and no body")
    func head() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            for uri in ["/health", "/openapi.json", "/api/v1/compositions", "/api/v1/compositions/\(UUID().uuidString)", "/livez"] {
                let get = try await client.execute(uri: uri, method: .get) { ($0.status, $0.headers[.contentLength]) }
                try await client.execute(uri: uri, method: .head) { response in
                    #expect(response.status == get.0, "\(uri)")
                    #expect(response.headers[.contentLength] == get.1, "\(uri)")
                    #expect(response.body.readableBytes == 0, "\(uri)")
                }
            }
        }
    }

    @Test(
        "raw object-store URLs read only listed buckets, never Reel's own storage, and say so alike for any key",
        .enabled(if: ProcessInfo.processInfo.environment["REEL_TEST_S3_ENDPOINT"] != nil))
    func objectStoreSources() async throws {
        let endpoint = try #require(ProcessInfo.processInfo.environment["REEL_TEST_S3_ENDPOINT"])
        let reel = try await TestReel(environment: [
            "REEL_STORAGE_URL": "s3://reel-own/tenant-files", "REEL_SOURCE_BUCKETS": "media,reel-own",
        ])
        defer { reel.cleanUp() }
        let asset = UUID().uuidString.lowercased()
        let body = { @Sendable (url: String) in #"{"title": "t", "clips": [{"video_url": "\#(url)", "start_time": 0, "end_time": 1}]}"# }
        try await reel.application().test(.router) { client in
            for url in [
                "s3://reel-own/tenant-files/assets/\(asset)", "\(endpoint)/reel-own/tenant-files/assets/\(asset)",
                "https://reel-own.s3.amazonaws.com/tenant-files/assets/\(asset)", "s3://reel-own/tenant-files/anything",
            ] {
                let (status, answer) = try await send(client, .post, "/api/v1/compositions", body(url))
                #expect(status == .unprocessableContent, "\(url)")
                #expect(problems(answer).map(\.field) == ["clips[0].video_url"], "\(url)")
                #expect((answer["message"] as? String)?.contains("asset://") == true, "\(answer)")
            }
            let (unlisted, unlistedAnswer) = try await send(client, .post, "/api/v1/compositions", body("s3://other-bucket/exists.mp4"))
            let (unlistedMissing, missingAnswer) = try await send(
                client, .post, "/api/v1/compositions", body("s3://other-bucket/\(UUID().uuidString).mp4"))
            #expect(unlisted == .unprocessableContent && unlistedMissing == .unprocessableContent)
            let message = { (answer: [String: Any]) in
                (answer["message"] as? String)?.replacingOccurrences(of: #"s3://\S+"#, with: "", options: .regularExpression)
            }
            #expect(message(unlistedAnswer) == message(missingAnswer))
            #expect(message(unlistedAnswer)?.contains("REEL_SOURCE_BUCKETS") == true)
            // A listed bucket, and the listed storage bucket outside Reel's own prefix, are accepted.
            for url in ["s3://media/clips/a.mp4", "s3://reel-own/shared/intro.mp4"] {
                let (status, answer) = try await send(client, .post, "/api/v1/compositions", body(url))
                #expect(status == .accepted, "\(url): \(answer)")
            }
        }
    }
}
