import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import ReelCore
import ReelObjects
import ReelStore
import Testing

@Suite("Composition routes")
struct CompositionRouteTests {
    let json: HTTPFields = [.contentType: "application/json"]

    @Test("the seed's payloads are accepted with 202 and Location, with or without the trailing slash")
    func acceptsSeedPayloads() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            for (index, name) in ["simple-2-clip", "complex-5-clip", "complex-10-clip", "burst-1-clip", "sustained-1-clip"].enumerated() {
                let path = index % 2 == 0 ? "/api/v1/compositions/" : "/api/v1/compositions"
                try await client.execute(uri: path, method: .post, headers: json, body: ByteBuffer(string: try TestReel.seedPayload(name)))
                {
                    response in
                    #expect(response.status == .accepted)
                    let body = response.body.json
                    let id = try #require(body["id"] as? String)
                    #expect(response.headers[.location] == "/api/v1/compositions/\(id)")
                    #expect(body["status"] as? String == "queued")
                    #expect(body["overall_progress"] as? Double == 0)
                }
            }
            try await client.execute(uri: "/api/v1/compositions?limit=2", method: .get) { response in
                #expect(response.status == .ok)
                let body = response.body.json
                #expect(body["total"] as? Int == 5)
                #expect((body["compositions"] as? [Any])?.count == 2)
                #expect(body["limit"] as? Int == 2)
            }
        }
        #expect(try await reel.store.stats().queued[.default] == 5)
    }

    @Test("status, metadata and the composition itself")
    func readBack() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            let id = try await client.execute(
                uri: "/api/v1/compositions",
                method: .post,
                headers: json,
                body: ByteBuffer(string: try TestReel.seedPayload("complex-5-clip"))
            ) { $0.body.json["id"] as? String ?? "" }
            try await client.execute(uri: "/api/v1/compositions/\(id)/status", method: .get) { response in
                let body = response.body.json
                #expect(response.status == .ok)
                for key in [
                    "id", "status", "overall_progress", "current_stage", "stages", "created_at", "updated_at", "completed_at",
                    "error_message",
                ] {
                    #expect(body.keys.contains(key), "status lacks \(key)")
                }
                #expect(body["status"] as? String == "queued")
            }
            try await client.execute(uri: "/api/v1/compositions/\(id)/metadata", method: .get) { response in
                let body = response.body.json
                #expect(response.status == .ok)
                #expect((body["request_config"] as? [String: Any])?["title"] as? String == "Load Test Complex - 5678")
                #expect(body["output_file"] is NSNull)
                #expect(body["resource_metrics"] is [String: Any])
            }
            try await client.execute(uri: "/api/v1/compositions/\(id)", method: .get) { response in
                let body = response.body.json
                #expect((body["overlays"] as? [[String: Any]])?.first?["font_color"] as? String == "white")
                #expect((body["output"] as? [String: Any])?["bitrate"] as? Int == 5_000_000)
            }
            try await client.execute(uri: "/api/v1/compositions/\(id)/download", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.body.json["error_code"] as? String == "composition_not_ready")
            }
        }
    }

    @Test("invalid bodies get 422 naming each field, in the error shape")
    func validation() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let cases: [(String, String)] = [
            (
                #"{"title":"t","clips":[{"video_url":"https://x.test/a.mp4","start_time":0,"end_time":5},{"video_url":"https://x.test/b.mp4","start_time":3,"end_time":6}]}"#,
                "clips[1].start_time"
            ),
            (#"{"title":"t","clips":[{"video_url":"https://x.test/a.mp4","start_time":0}]}"#, "clips[0].end_time"),
            (#"{"title":"t","clips":[{"video_url":"https://x.test/a.mp4","start_time":"zero","end_time":1}]}"#, "clips[0].start_time"),
            (
                #"{"title":"t","clips":[{"video_url":"https://x.test/a.mp4","start_time":0,"end_time":1,"trim_start":2,"trim_end":1}]}"#,
                "clips[0].trim_end"
            ),
            (#"{"title":"t","priority":"urgent","clips":[{"video_url":"https://x.test/a.mp4","start_time":0,"end_time":1}]}"#, "priority"),
            (
                #"{"title":"t","clips":[{"video_url":"https://x.test/a.mp4","start_time":0,"end_time":1}],"overlays":[{"text":"x","position":"middle"}]}"#,
                "overlays[0].position"
            ),
            (#"{"title":"t","clips":[]}"#, "clips"),
            (#"{"clips":[{"video_url":"https://x.test/a.mp4","start_time":0,"end_time":1}]}"#, "title"),
            (
                #"{"title":"t","clips":[{"video_url":"https://x.test/a.mp4","start_time":0,"end_time":1}],"output":{"resolution":"1081p"}}"#,
                "output.resolution"
            ),
            ("{not json", "body"),
        ]
        try await reel.application().test(.router) { client in
            for (body, field) in cases {
                try await client.execute(uri: "/api/v1/compositions", method: .post, headers: json, body: ByteBuffer(string: body)) {
                    response in
                    #expect(response.status == .unprocessableContent, "\(field)")
                    let error = response.body.json
                    #expect(error["error_code"] as? String == "validation_error")
                    #expect(error["request_id"] is String)
                    #expect(error["timestamp"] is String)
                    let fields = (error["details"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
                    #expect(fields.contains(field), "expected \(field) in \(fields)")
                }
            }
        }
        #expect(try await reel.store.list(status: nil, offset: 0, limit: 10).total == 0)
    }

    @Test("an over-large body is 413; unknown and malformed IDs are 404")
    func sizesAndIDs() async throws {
        let reel = try await TestReel(environment: ["REEL_MAX_BODY_BYTES": "1024"])
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            let big = try TestReel.seedPayload("complex-10-clip")
            try await client.execute(uri: "/api/v1/compositions", method: .post, headers: json, body: ByteBuffer(string: big)) {
                response in
                #expect(response.status == .contentTooLarge)
                #expect(response.body.json["error_code"] as? String == "payload_too_large")
            }
            for path in [
                "/api/v1/compositions/\(UUID().uuidString)", "/api/v1/compositions/not-a-uuid/status", "/api/v1/compositions/123/metadata",
                "/nope",
            ] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound, "\(path)")
                    #expect(response.body.json["error_code"] as? String == "not_found")
                }
            }
            try await client.execute(uri: "/api/v1/compositions/\(UUID().uuidString)", method: .delete) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/compositions?limit=500", method: .get) { response in
                #expect(response.status == .unprocessableContent)
                #expect((response.body.json["details"] as? [[String: Any]])?.first?["field"] as? String == "limit")
            }
        }
    }

    @Test("cancel, cancel-all, delete; 409 once finished")
    func cancelAndDelete() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            var ids: [String] = []
            for _ in 0..<3 {
                ids.append(
                    try await client.execute(
                        uri: "/api/v1/compositions",
                        method: .post,
                        headers: json,
                        body: ByteBuffer(string: try TestReel.seedPayload("burst-1-clip"))
                    ) { $0.body.json["id"] as? String ?? "" }
                )
            }
            try await client.execute(uri: "/api/v1/compositions/\(ids[0])/cancel", method: .post) { response in
                #expect(response.status == .ok)
                let body = response.body.json
                #expect(body["status"] as? String == "cancelled")
                #expect(body["composition_id"] as? String == ids[0])
                #expect(body["cancelled_at"] is String)
            }
            try await client.execute(uri: "/api/v1/compositions/\(ids[0])/cancel", method: .post) { response in
                #expect(response.status == .conflict)
                #expect(response.body.json["error_code"] as? String == "conflict")
            }
            try await client.execute(uri: "/api/v1/compositions?status=cancelled", method: .get) { response in
                #expect(response.body.json["total"] as? Int == 1)
            }
            try await client.execute(uri: "/api/v1/compositions/cancel-all", method: .post) { response in
                let body = response.body.json
                #expect(body["cancelled_count"] as? Int == 2)
                #expect(Set(body["cancelled_ids"] as? [String] ?? []) == Set(ids[1...]))
            }
            try await client.execute(uri: "/api/v1/compositions/\(ids[1])", method: .delete) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/api/v1/compositions/\(ids[1])", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("past the queue limit POST answers 429 queue_full with Retry-After")
    func queueFull() async throws {
        let reel = try await TestReel(environment: ["REEL_MAX_QUEUED": "2"])
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            for expected in [HTTPResponse.Status.accepted, .accepted, .tooManyRequests] {
                try await client.execute(
                    uri: "/api/v1/compositions",
                    method: .post,
                    headers: json,
                    body: ByteBuffer(string: try TestReel.seedPayload("burst-1-clip"))
                ) { response in
                    #expect(response.status == expected)
                    if expected == .tooManyRequests {
                        #expect(response.headers[.retryAfter] != nil)
                        #expect(response.body.json["error_code"] as? String == "queue_full")
                    }
                }
            }
        }
    }
}
