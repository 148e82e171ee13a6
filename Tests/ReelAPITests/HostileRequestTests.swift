import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ReelCore
import ReelStore
import Testing

/// Requests a hostile client or a hostile web page would send, through the router.
@Suite("Hostile requests")
struct HostileRequestTests {
    let json: HTTPFields = [.contentType: "application/json"]
    static let clip = #"{"video_url":"https://a.example/x.mp4","start_time":0,"end_time":1}"#

    func body(_ extra: String = "", clips: String = clip) -> ByteBuffer {
        ByteBuffer(string: #"{"title":"t","clips":[\#(clips)]\#(extra)}"#)
    }

    @Test("numbers that used to trap answer 422 naming the field, and the process lives on")
    func trapsAreFieldErrors() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let cases: [(String, String, String)] = [
            (#"{"video_url":"http://a.example/x.mp4","start_time":1e19,"end_time":1}"#, "", "clips[0].start_time"),
            (#"{"video_url":"http://a.example/x.mp4","start_time":0,"end_time":1,"trim_start":1e19}"#, "", "clips[0].trim_start"),
            (Self.clip, #","overlays":[{"text":"x","start_time":1e19}]"#, "overlays[0].start_time"),
            (Self.clip, #","output":{"bitrate":"1e19"}"#, "output.bitrate"),
            (Self.clip, #","output":{"bitrate":"99999999999999M"}"#, "output.bitrate"),
            (Self.clip, #","overlays":[{"text":"x","font_size":12.5}]"#, "overlays[0].font_size"),
            (Self.clip, #","cache":"no""#, "cache"),
            (Self.clip, #","cache":0"#, "cache"),
            (Self.clip, #","cache":{"segments":false}"#, "cache"),
        ]
        try await reel.application().test(.router) { client in
            for (clips, extra, field) in cases {
                try await client.execute(uri: "/api/v1/compositions", method: .post, headers: json, body: body(extra, clips: clips)) {
                    response in
                    #expect(response.status == .unprocessableContent)
                    let details = response.body.json["details"] as? [[String: Any]] ?? []
                    #expect(details.compactMap { $0["field"] as? String }.contains(field), "\(field): \(details)")
                }
            }
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
        }
        #expect(try await reel.store.stats().queued[.default] == 0)
    }

    @Test("bodies nested deeper than 16 levels are refused before parsing", arguments: [500, 10_000])
    func deepNesting(levels: Int) async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let nested = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
        try await reel.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/compositions", method: .post, headers: json, body: body(#","metadata":\#(nested)"#)) {
                response in
                #expect(response.status == .unprocessableContent)
                let details = response.body.json["details"] as? [[String: Any]] ?? []
                #expect(details.first?["field"] as? String == "body")
            }
        }
    }

    @Test("a body that is not declared JSON answers 415", arguments: ["text/plain", "application/x-www-form-urlencoded", nil])
    func contentType(type: String?) async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let headers: HTTPFields = type.map { [.contentType: $0] } ?? [:]
        try await reel.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/compositions", method: .post, headers: headers, body: body()) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(response.body.json["error_code"] as? String == "unsupported_media_type")
            }
        }
        #expect(try await reel.store.stats().queued[.default] == 0)
    }

    @Test("another site's page cannot create, cancel or delete; same-origin and non-browser clients can")
    func crossSiteWrites() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            let id = UUID().uuidString.lowercased()
            let writes: [(String, HTTPRequest.Method)] = [
                ("/api/v1/compositions", .post), ("/api/v1/compositions/cancel-all", .post),
                ("/api/v1/compositions/\(id)/cancel", .post), ("/api/v1/compositions/\(id)", .delete), ("/api/v1/assets", .post),
            ]
            for (uri, method) in writes {
                for hostile: HTTPFields in [
                    [.origin: "https://evil.example", .contentType: "application/json"],
                    [.origin: "null", .contentType: "application/json"],
                    [HTTPField.Name("Sec-Fetch-Site")!: "cross-site", .contentType: "application/json"],
                ] {
                    try await client.execute(uri: uri, method: method, headers: hostile, body: body()) { response in
                        #expect(response.status == .forbidden, "\(method) \(uri) \(hostile)")
                        #expect(response.body.json["error_code"] as? String == "forbidden")
                        #expect(response.headers[.accessControlAllowOrigin] == nil)
                    }
                }
            }
            try await client.execute(
                uri: "/api/v1/compositions", method: .post,
                headers: [.contentType: "application/json", .origin: "http://localhost:8000"], body: body()
            ) { #expect($0.status == .accepted) }
            try await client.execute(uri: "/api/v1/compositions", method: .get, headers: [.origin: "https://evil.example"]) {
                #expect($0.status == .ok)
                #expect($0.headers[.accessControlAllowOrigin] == nil)
            }
        }
        #expect(try await reel.store.stats().queued[.default] == 1)
    }

    @Test("unknown fields are warned about, and refused with Prefer: handling=strict")
    func unknownFields() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let typo = body(#","outptu":{"fps":24}"#, clips: #"{"video_url":"https://a.example/x.mp4","start_time":0,"end_time":1,"volum":2}"#)
        try await reel.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/compositions", method: .post, headers: json, body: typo) { response in
                #expect(response.status == .accepted)
                let warnings = response.body.json["warnings"] as? [String] ?? []
                #expect(warnings.count == 2)
                #expect(warnings.contains { $0.hasPrefix("clips[0].volum ") })
            }
            var strict = json
            strict[HTTPField.Name("Prefer")!] = "handling=strict"
            try await client.execute(uri: "/api/v1/compositions", method: .post, headers: strict, body: typo) { response in
                #expect(response.status == .unprocessableContent)
                let details = response.body.json["details"] as? [[String: Any]] ?? []
                #expect(Set(details.compactMap { $0["field"] as? String }) == ["outptu", "clips[0].volum"])
            }
            try await client.execute(uri: "/api/v1/compositions", method: .post, headers: json, body: body()) { response in
                #expect(response.body.json["warnings"] == nil)
            }
        }
        #expect(try await reel.store.stats().queued[.default] == 2)
    }

    @Test("asset URLs are checked at POST: malformed and unknown ids are 422; an upload's Location answers")
    func assets() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            let unknown = UUID().uuidString.lowercased()
            for (url, type) in [("asset://not-a-uuid", "format"), ("asset://\(unknown)", "not_found")] {
                let clips = #"{"video_url":"\#(url)","start_time":0,"end_time":1}"#
                try await client.execute(uri: "/api/v1/compositions", method: .post, headers: json, body: body(clips: clips)) {
                    response in
                    #expect(response.status == .unprocessableContent)
                    let detail = (response.body.json["details"] as? [[String: Any]])?.first
                    #expect(detail?["field"] as? String == "clips[0].video_url")
                    #expect(detail?["error_type"] as? String == type)
                }
            }
            let location = try await client.execute(
                uri: "/api/v1/assets", method: .post, headers: [.contentType: "video/mp4"], body: ByteBuffer(string: "0123456789")
            ) { response in
                #expect(response.status == .created)
                return response.headers[.location] ?? ""
            }
            try await client.execute(uri: location, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.body.json["size_bytes"] as? Int == 10)
                #expect(response.body.json["url"] as? String == "asset://" + location.split(separator: "/").last!)
            }
            try await client.execute(uri: "/api/v1/assets/\(unknown)", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/v1/assets/..%2F..%2Fetc", method: .get) { #expect($0.status == .notFound) }
        }
    }
}

extension HostileRequestTests {
    @Test("beyond the rate limit: 429 rate_limited with Retry-After and the RateLimit headers; reads have their own bucket")
    func rateLimits() async throws {
        // A token every 100 s: however slowly the suite runs, none comes back during the test.
        let reel = try await TestReel(environment: ["REEL_RATE_LIMIT_WRITE": "0.01/s:3", "REEL_RATE_LIMIT_READ": "50/s:100"])
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<4 {
                try await client.execute(uri: "/api/v1/compositions", method: .post, headers: json, body: body()) { response in
                    statuses.append(response.status)
                    #expect(response.headers[HTTPField.Name("RateLimit-Policy")!] == #""write";q=3;w=300"#)
                    #expect(response.headers[HTTPField.Name("RateLimit")!]?.hasPrefix(#""write";r="#) == true)
                    if response.status == .tooManyRequests {
                        #expect((90...100).contains(Int(response.headers[.retryAfter] ?? "") ?? 0))
                        #expect(response.body.json["error_code"] as? String == "rate_limited")
                    }
                }
            }
            #expect(statuses == [.accepted, .accepted, .accepted, .tooManyRequests])
            try await client.execute(uri: "/api/v1/compositions", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[HTTPField.Name("RateLimit")!] == #""read";r=99;t=1"#)
            }
            try await client.execute(uri: "/health", method: .get) {
                #expect($0.headers[HTTPField.Name("RateLimit")!] == nil)
            }
        }
        #expect(try await reel.store.stats().queued[.default] == 3)
    }
}

extension HostileRequestTests {
    @Test(
        "a webhook_url pointing inside the network is 422 at POST",
        arguments: ["http://127.0.0.1:9/hook", "http://169.254.169.254/latest", "http://[::1]/x", "http://localhost/x", "http://10.0.0.1/"])
    func internalWebhook(url: String) async throws {
        let reel = try await TestReel(environment: ["REEL_ALLOW_PRIVATE_SOURCES": "false"])
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/compositions", method: .post, headers: json, body: body(#","webhook_url":"\#(url)""#)) {
                response in
                #expect(response.status == .unprocessableContent)
                #expect((response.body.json["details"] as? [[String: Any]])?.first?["field"] as? String == "webhook_url")
            }
        }
        #expect(try await reel.store.stats().queued[.default] == 0)
    }
}
