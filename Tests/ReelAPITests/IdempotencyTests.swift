import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ReelCore
import ReelStore
import Testing

/// `Idempotency-Key` on the writes that create or change something.
@Suite("Idempotent writes")
struct IdempotencyTests {
    static let key = HTTPField.Name("Idempotency-Key")!
    static let replayed = HTTPField.Name("Idempotent-Replayed")!
    static let body = #"{"title":"t","clips":[{"video_url":"https://a.example/x.mp4","start_time":0,"end_time":1}]}"#

    static func headers(_ key: String) -> HTTPFields {
        [.contentType: "application/json", Self.key: key]
    }

    @Test("a retried create answers the first response again and creates nothing; another body with the key is 422")
    func create() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            let first = try await client.execute(
                uri: "/api/v1/compositions", method: .post, headers: Self.headers("order-17"), body: ByteBuffer(string: Self.body)
            ) { response in
                #expect(response.status == .accepted)
                #expect(response.headers[Self.replayed] == nil)
                return (String(buffer: response.body), response.headers[.location])
            }
            try await client.execute(
                uri: "/api/v1/compositions", method: .post, headers: Self.headers("order-17"), body: ByteBuffer(string: Self.body)
            ) { response in
                #expect(response.status == .accepted)
                #expect(response.headers[Self.replayed] == "true")
                #expect(String(buffer: response.body) == first.0)
                #expect(response.headers[.location] == first.1)
            }
            try await client.execute(
                uri: "/api/v1/compositions", method: .post, headers: Self.headers("order-17"),
                body: ByteBuffer(string: Self.body.replacingOccurrences(of: "\"t\"", with: "\"u\""))
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.body.json["error_code"] as? String == "idempotency_key_reused")
            }
            for bad in ["", String(repeating: "k", count: 256), "tab\there"] {
                try await client.execute(
                    uri: "/api/v1/compositions", method: .post, headers: Self.headers(bad), body: ByteBuffer(string: Self.body)
                ) { response in
                    #expect(response.status == .unprocessableContent, "\(bad.prefix(10))")
                    #expect((response.body.json["details"] as? [[String: Any]])?.first?["field"] as? String == "Idempotency-Key")
                }
            }
            try await client.execute(
                uri: "/api/v1/compositions", method: .post, headers: Self.headers("\"order-18\""), body: ByteBuffer(string: Self.body)
            ) { #expect($0.status == .accepted) }
        }
        #expect(try await reel.store.list(status: nil, offset: 0, limit: 10).total == 2)
    }

    @Test("a replay answers the first response, warnings included, after the composition has moved on")
    func replayAfterChange() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let body = Self.body.replacingOccurrences(of: #""title":"t""#, with: #""title":"t","colour":"red""#)
        try await reel.application().test(.router) { client in
            let first = try await client.execute(
                uri: "/api/v1/compositions", method: .post, headers: Self.headers("order-19"), body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .accepted)
                #expect(response.body.json["warnings"] as? [String] == ["colour is not a field Reel knows; it was ignored"])
                return (String(buffer: response.body), response.body.json["id"] as? String ?? "")
            }
            try await client.execute(uri: "/api/v1/compositions/\(first.1)/cancel", method: .post) { #expect($0.status == .ok) }
            try await client.execute(
                uri: "/api/v1/compositions", method: .post, headers: Self.headers("order-19"), body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .accepted)
                #expect(response.headers[Self.replayed] == "true")
                #expect(String(buffer: response.body) == first.0)
                #expect(response.body.json["status"] as? String == "queued")
            }
            // Deleting the composition lets go of the key: the same request makes a new one.
            try await client.execute(uri: "/api/v1/compositions/\(first.1)", method: .delete) { #expect($0.status == .noContent) }
            try await client.execute(
                uri: "/api/v1/compositions", method: .post, headers: Self.headers("order-19"), body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .accepted)
                #expect(response.headers[Self.replayed] == nil)
                #expect(response.body.json["id"] as? String != first.1)
            }
        }
    }

    @Test("ten concurrent creates with one key make exactly one composition, all answered with its id")
    func concurrent() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.live) { client in
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        try await client.execute(
                            uri: "/api/v1/compositions", method: .post, headers: Self.headers("burst"), body: ByteBuffer(string: Self.body)
                        ) { response in
                            #expect(response.status == .accepted)
                            return response.body.json["id"] as? String ?? ""
                        }
                    }
                }
                var ids: [String] = []
                for try await id in group { ids.append(id) }
                return ids
            }
            #expect(Set(ids).count == 1)
        }
        #expect(try await reel.store.list(status: nil, offset: 0, limit: 10).total == 1)
    }

    @Test("template creates replay: a retry answers the first template, another body with the key is 422, the store holds one")
    func templateCreate() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let template = TemplateRouteTests.template
        try await reel.application().test(.live) { client in
            let ids = try await withThrowingTaskGroup(of: (String, String?).self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await client.execute(
                            uri: "/api/v1/templates", method: .post, headers: Self.headers("tpl-1"), body: ByteBuffer(string: template)
                        ) { response in
                            #expect(response.status == .created)
                            return (response.body.json["id"] as? String ?? "", response.headers[.location])
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(ids.map(\.0)).count == 1 && !ids[0].0.isEmpty, "\(ids)")
            #expect(ids.allSatisfy { $0.1 == "/api/v1/templates/\(ids[0].0)" })
            try await client.execute(
                uri: "/api/v1/templates", method: .post, headers: Self.headers("tpl-1"),
                body: ByteBuffer(string: template.replacingOccurrences(of: "Promo", with: "Teaser"))
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.body.json["error_code"] as? String == "idempotency_key_reused")
            }
            try await client.execute(uri: "/api/v1/templates", method: .get) { response in
                #expect(response.body.json["total"] as? Int == 1, "\(String(buffer: response.body))")
            }
        }
    }

    @Test("uploads and cancels replay too")
    func uploadAndCancel() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            var upload = Self.headers("upload-1")
            upload[.contentType] = "video/mp4"
            let ids = try await (0..<2).asyncMap { _ in
                try await client.execute(uri: "/api/v1/assets", method: .post, headers: upload, body: ByteBuffer(string: "bytes")) {
                    #expect($0.status == .created)
                    return $0.body.json["id"] as? String ?? ""
                }
            }
            #expect(ids[0] == ids[1])
            try await client.execute(uri: "/api/v1/assets", method: .post, headers: upload, body: ByteBuffer(string: "other")) {
                #expect($0.status == .unprocessableContent)
            }
            let id = try await client.execute(
                uri: "/api/v1/compositions", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: Self.body)
            ) { $0.body.json["id"] as? String ?? "" }
            for attempt in 0..<2 {
                try await client.execute(uri: "/api/v1/compositions/\(id)/cancel", method: .post, headers: Self.headers("cancel-1")) {
                    #expect($0.status == .ok, "attempt \(attempt)")
                    #expect($0.headers[Self.replayed] == (attempt == 0 ? nil : "true"))
                }
            }
            try await client.execute(uri: "/api/v1/compositions/\(id)/cancel", method: .post) { #expect($0.status == .conflict) }
        }
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var values: [T] = []
        for element in self { values.append(try await transform(element)) }
        return values
    }
}
