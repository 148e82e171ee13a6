import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import ReelAPI
import ReelApp
import ReelCore
import ReelRender
import Testing

/// What the Studio needs of the API, through the router: its files (policy, revalidation, gzip,
/// `REEL_STUDIO=off`), validation without storing, the asset list with ffprobe's facts and a
/// thumbnail, `/api/v1/me`, and CORS for listed origins only.
@Suite("Studio routes", .serialized)
struct StudioRouteTests {
    @Test("the Studio is served under a strict policy, revalidated by ETag, gzipped when accepted, and off with REEL_STUDIO=off")
    func files() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            try await client.execute(uri: "/studio", method: .get) { response in
                #expect(response.status == .permanentRedirect)
                #expect(response.headers[.location] == "/studio/")
            }
            let eTag = try await client.execute(uri: "/studio/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"))
                #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"))
                #expect(response.headers[.contentEncoding] == nil)
                #expect(String(buffer: response.body).contains("<script type=\"module\""))
                return response.headers[.eTag] ?? ""
            }
            for tag in [eTag, "W/\(eTag)", "\"other\", \(eTag)"] {
                try await client.execute(uri: "/studio/", method: .get, headers: [.ifNoneMatch: tag]) { response in
                    #expect(response.status == .notModified, "\(tag)")
                    #expect(response.body.readableBytes == 0)
                }
            }
            try await client.execute(uri: "/studio/", method: .get, headers: [.acceptEncoding: "gzip"]) { response in
                // The gzip representation has a tag of its own: a cache never mixes the two.
                #expect(response.headers[.contentEncoding] == "gzip")
                #expect(response.headers[.eTag] != eTag)
            }
            try await client.execute(uri: "/studio/app.js", method: .get, headers: [.acceptEncoding: "br;q=1, gzip;q=0.5"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(response.headers[.contentEncoding] == "gzip")
                #expect(Array(response.body.readableBytesView.prefix(2)) == [0x1f, 0x8b])
            }
            try await client.execute(uri: "/studio/app.js", method: .get, headers: [.acceptEncoding: "gzip;q=0"]) { response in
                #expect(response.headers[.contentEncoding] == nil)
            }
            try await client.execute(uri: "/studio/missing.js", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
        let off = try await TestReel(environment: ["REEL_STUDIO": "off"])
        defer { off.cleanUp() }
        try await off.application().test(.router) { client in
            try await client.execute(uri: "/studio/", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("validate answers a create's problems by field and stores nothing")
    func validate() async throws {
        // As deployed: a webhook inside the network is refused.
        let reel = try await TestReel(environment: ["REEL_ALLOW_PRIVATE_SOURCES": "false"])
        defer { reel.cleanUp() }
        let clip = try await TestReel.makeClip(seconds: 2, name: "clip.mp4", in: reel.folder)
        try await reel.application().test(.router) { client in
            let video = try await RenderFlowTests.upload(client, clip)
            let cases: [(body: String, field: String?)] = [
                (#"{"title":"ok","clips":[{"video_url":"\#(video)","start_time":0,"end_time":2}],"extra":1}"#, nil),
                (#"{"title":"bad","clips":[{"video_url":"\#(video)","start_time":1,"end_time":0.5}]}"#, "clips[0].end_time"),
                (#"{"title":"nobody's","clips":[{"video_url":"asset://\#(UUID())","start_time":0,"end_time":1}]}"#, "clips[0].video_url"),
                (#"{"title":"typed","clips":[{"video_url":"\#(video)","start_time":"zero","end_time":1}]}"#, "clips[0].start_time"),
                (#"{"title":"#, "body"),
                (
                    #"{"title":"hook","clips":[{"video_url":"\#(video)","start_time":0,"end_time":2}],"webhook_url":"http://[::ffff:127.0.0.1]/x"}"#,
                    "webhook_url"
                ),
            ]
            for (body, field) in cases {
                try await client.execute(
                    uri: "/api/v1/compositions/validate", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == .ok)
                    let answer = response.body.json
                    let problems = answer["problems"] as? [[String: Any]] ?? []
                    #expect(answer["valid"] as? Bool == (field == nil), "\(body)")
                    #expect(problems.first?["field"] as? String == field, "\(problems)")
                    if field == nil {
                        #expect(answer["duration"] as? Double == 2)
                        #expect((answer["warnings"] as? [String])?.first?.hasPrefix("extra ") == true)
                    } else {
                        #expect(answer["duration"] is NSNull)
                    }
                }
            }
            try await client.execute(uri: "/api/v1/compositions", method: .get) { response in
                #expect(response.body.json["total"] as? Int == 0)
            }
            try await client.execute(uri: "/api/v1/compositions/validate", method: .post, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .unsupportedMediaType)
            }
        }
    }

    @Test("uploads list newest first with ffprobe's facts, and a video's thumbnail is a JPEG of its picture")
    func assets() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let clip = try await TestReel.makeClip(seconds: 2, name: "clip.mp4", in: reel.folder)
        try await reel.application().test(.router) { client in
            _ = try await RenderFlowTests.upload(client, clip)
            try await client.execute(
                uri: "/api/v1/assets", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "not media")
            ) { response in
                #expect(response.status == .created)
                let answer = response.body.json
                #expect(answer["duration"] is NSNull && answer["thumbnail_url"] is NSNull && answer["width"] is NSNull)
            }
            let thumbnail = try await client.execute(uri: "/api/v1/assets?limit=1&offset=1", method: .get) { response in
                #expect(response.status == .ok)
                let page = response.body.json
                #expect(page["total"] as? Int == 2 && page["limit"] as? Int == 1)
                let asset = (page["assets"] as? [[String: Any]])?.first ?? [:]
                #expect(asset["content_type"] as? String == "video/mp4")
                #expect(abs((asset["duration"] as? Double ?? 0) - 2) < 0.1)
                #expect(asset["width"] as? Int == 160 && asset["height"] as? Int == 90)
                return URLComponents(string: asset["thumbnail_url"] as? String ?? "")
            }
            let path = (thumbnail?.path ?? "") + "?" + (thumbnail?.percentEncodedQuery ?? "")
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                let picture = try await PreviewRouteTests.probe(response.body, in: reel.folder)
                #expect(picture.codec == "mjpeg" && picture.width == 160 && picture.height == 90)
            }
            try await client.execute(uri: "/api/v1/assets?limit=0", method: .get) { response in
                #expect(response.status == .unprocessableContent)
                #expect((response.body.json["details"] as? [[String: Any]])?.first?["field"] as? String == "limit")
            }
        }
    }

    @Test("/api/v1/me names the caller's scope and tenant")
    func me() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/me", method: .get) { response in
                let answer = response.body.json
                #expect(answer["scope"] as? String == "admin" && answer["keys_required"] as? Bool == false)
                #expect(answer["key_id"] is NSNull)
            }
        }
    }

    @Test("CORS answers only the origins REEL_CORS_ORIGINS lists, whose writes then pass the browser guard")
    func cors() async throws {
        let listed = "https://app.example.com"
        let reel = try await TestReel(environment: ["REEL_CORS_ORIGINS": listed])
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            try await client.execute(
                uri: "/api/v1/compositions", method: .options,
                headers: [.origin: listed, .accessControlRequestMethod: "POST", .accessControlRequestHeaders: "content-type"]
            ) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == listed)
                #expect(response.headers[.accessControlAllowHeaders]?.contains("Authorization") == true)
            }
            try await client.execute(
                uri: "/api/v1/compositions/validate", method: .post,
                headers: [.origin: listed, .contentType: "application/json", HTTPField.Name("Sec-Fetch-Site")!: "cross-site"],
                body: ByteBuffer(string: "{}")
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == listed)
                #expect(response.headers[.accessControlExposeHeaders]?.contains("Location") == true)
            }
            try await client.execute(
                uri: "/api/v1/compositions/validate", method: .post,
                headers: [.origin: "https://evil.example", .contentType: "application/json"], body: ByteBuffer(string: "{}")
            ) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.accessControlAllowOrigin] == nil)
                #expect(response.headers[values: .vary].contains("Origin"))
            }
        }
        let plain = try await TestReel()
        defer { plain.cleanUp() }
        try await plain.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/me", method: .get, headers: [.origin: listed]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
        }
    }
}

extension StudioRouteTests {
    @Test("an upload left behind by a killed process is swept when the next one starts; one still arriving is not")
    func abandonedUploads() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let folder = reel.configuration.uploadDirectory
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (old, arriving) = (folder.appendingPathComponent("old"), folder.appendingPathComponent("arriving"))
        try Data(count: 16).write(to: old)
        try Data(count: 16).write(to: arriving)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-601)], ofItemAtPath: old.path)
        _ = try await reel.runtime.services(workerSlots: 0)
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(FileManager.default.fileExists(atPath: arriving.path))
    }
}
