import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import ReelCore
import ReelStore
import Testing

/// Templates over the router: CRUD, compositions merged from them, and every problem named.
@Suite("Templates and merge fields")
struct TemplateRouteTests {
    let json: HTTPFields = [.contentType: "application/json"]

    static let template = #"""
        {"name": "Promo", "description": "one clip and a title",
         "merge_fields": {"TITLE": {"type": "text", "default": "Sale"}, "CLIP": {"type": "url", "description": "the footage"},
                          "START": {"type": "number", "default": 0}, "INK": {"type": "color", "default": "yellow"}},
         "composition": {"title": "{{TITLE}}", "clips": [{"video_url": "{{CLIP}}", "start_time": "{{ START }}", "end_time": 4}],
                         "overlays": [{"text": "Now: {{TITLE}} from {{START}} s", "font_color": "{{INK}}"}]}}
        """#

    typealias Client = any TestClientProtocol

    func send(
        _ client: Client, _ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil
    ) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await client.execute(uri: uri, method: method, headers: json, body: body.map { ByteBuffer(string: $0) }) { response in
            (response.status, response.body.json)
        }
    }

    func fields(_ answer: [String: Any]) -> [String] {
        (answer["details"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }

    @Test("create, list, read, replace and delete a template")
    func crud() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            let (created, template) = try await send(client, .post, "/api/v1/templates", Self.template)
            #expect(created == .created)
            let id = try #require(template["id"] as? String)
            #expect((template["merge_fields"] as? [String: Any])?.count == 4)
            #expect((template["links"] as? [String: String])?["compositions"]?.hasSuffix("/api/v1/templates/\(id)/compositions") == true)
            let (_, list) = try await send(client, .get, "/api/v1/templates")
            #expect(list["total"] as? Int == 1)
            #expect(try await send(client, .get, "/api/v1/templates/\(id)").1["name"] as? String == "Promo")
            let renamed = Self.template.replacingOccurrences(of: #""Promo""#, with: #""Promo 2""#)
            let (replaced, body) = try await send(client, .put, "/api/v1/templates/\(id)", renamed)
            #expect(replaced == .ok && body["name"] as? String == "Promo 2")
            #expect(try await send(client, .delete, "/api/v1/templates/\(id)").0 == .noContent)
            #expect(try await send(client, .get, "/api/v1/templates/\(id)").0 == .notFound)
            #expect(try await send(client, .put, "/api/v1/templates/\(id)", renamed).0 == .notFound)
        }
    }

    @Test(
        "a template that cannot work is 422 naming the path",
        arguments: [
            (#""title": "{{TITLE}}""#, #""title": "{{NOPE}}""#, "composition.title"),
            (#""default": "yellow""#, #""default": "not-a-colour""#, "merge_fields.INK.default"),
            (#""end_time": 4"#, #""end_time": "four""#, "composition.clips[0].end_time"),
            (#""START": {"type""#, #""2BAD": {"type": "text"}, "START": {"type""#, "merge_fields.2BAD"),
            (#""type": "url""#, #""type": "link""#, "merge_fields.CLIP.type"),
        ])
    func badTemplates(from: String, to: String, field: String) async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            let (status, answer) = try await send(
                client, .post, "/api/v1/templates", Self.template.replacingOccurrences(of: from, with: to))
            #expect(status == .unprocessableContent)
            #expect(fields(answer).contains(field), "\(field) not in \(answer)")
        }
    }

    @Test("merged compositions keep types, fill text in place, and name the merge field behind a problem")
    func compose() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            let id = try #require(try await send(client, .post, "/api/v1/templates", Self.template).1["id"] as? String)
            let uri = "/api/v1/templates/\(id)/compositions"
            let (status, composition) = try await send(
                client, .post, uri,
                #"{"merge": {"CLIP": "https://x.test/a.mp4", "START": 1.5}, "priority": "high", "metadata": {"order": 7}}"#)
            #expect(status == .accepted, "\(composition)")
            let clip = try #require((composition["clips"] as? [[String: Any]])?.first)
            #expect(clip["start_time"] as? Double == 1.5 && clip["video_url"] as? String == "https://x.test/a.mp4")
            #expect(composition["title"] as? String == "Sale" && composition["priority"] as? String == "high")
            let overlay = try #require((composition["overlays"] as? [[String: Any]])?.first)
            #expect(overlay["text"] as? String == "Now: Sale from 1.5 s" && overlay["font_color"] as? String == "yellow")
            #expect((composition["metadata"] as? [String: Any])?["order"] as? Int == 7)

            let cases: [(String, String, String)] = [
                (#"{"merge": {}}"#, "merge.CLIP", "is required"),
                (#"{"merge": {"CLIP": "https://x.test/a.mp4", "START": "soon"}}"#, "merge.START", "must be a number"),
                (#"{"merge": {"CLIP": "ftp://x/a.mp4"}}"#, "merge.CLIP", "URL"),
                (#"{"merge": {"CLIP": "https://x.test/a.mp4", "EXTRA": 1}}"#, "merge.EXTRA", "is not a merge field"),
                (#"{"merge": {"CLIP": "https://x.test/a.mp4", "START": -3}}"#, "composition.clips[0].start_time", "(from merge.START)"),
                (#"{"merge": {"CLIP": "https://x.test/a.mp4", "TITLE": ""}}"#, "composition.title", "(from merge.TITLE)"),
            ]
            for (body, field, words) in cases {
                let (status, answer) = try await send(client, .post, uri, body)
                #expect(status == .unprocessableContent, "\(body)")
                let detail = (answer["details"] as? [[String: Any]] ?? []).first { $0["field"] as? String == field }
                let message = detail?["message"] as? String ?? ""
                #expect(message.contains(words), "\(field) in \(answer)")
            }
            #expect(try await send(client, .post, "/api/v1/templates/\(UUID())/compositions", #"{"merge": {}}"#).0 == .notFound)
        }
        #expect(try await reel.store.list(status: nil, offset: 0, limit: 10).total == 1)
    }

    @Test("inline merge on POST /compositions, as an object or as Shotstack's find/replace")
    func inline() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let body = #"{"title": "{{T}}!", "clips": [{"video_url": "{{V}}", "start_time": 0, "end_time": "{{END}}"}], "merge": MERGE}"#
        try await reel.application().test(.router) { client in
            for merge in [
                #"{"T": "Hi", "V": "https://x.test/a.mp4", "END": 2}"#,
                #"[{"find": "T", "replace": "Hi"}, {"find": "V", "replace": "https://x.test/a.mp4"}, {"find": "END", "replace": 2}]"#,
            ] {
                let (status, answer) = try await send(
                    client, .post, "/api/v1/compositions", body.replacingOccurrences(of: "MERGE", with: merge))
                #expect(status == .accepted, "\(answer)")
                #expect(answer["title"] as? String == "Hi!")
                #expect((answer["clips"] as? [[String: Any]])?.first?["end_time"] as? Double == 2)
            }
            let (missing, answer) = try await send(
                client, .post, "/api/v1/compositions",
                body.replacingOccurrences(of: "MERGE", with: #"{"T": "Hi", "V": "https://x.test/a.mp4", "X": 1}"#))
            #expect(missing == .unprocessableContent)
            #expect(Set(fields(answer)) == ["clips[0].end_time", "merge.X"], "\(answer)")
        }
    }
}
