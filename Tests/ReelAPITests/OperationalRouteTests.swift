import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import ReelAPI
import ReelCore
import ReelObjects
import ReelStore
import Testing

@Suite("Health, metrics, assets, files and the OpenAPI document")
struct OperationalRouteTests {
    @Test("health at the root and under /api/v1")
    func health() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            try await client.execute(uri: "/health/detailed", method: .get) { response in
                let body = response.body.json
                #expect(body["status"] as? String == "degraded")
                let workers = (body["components"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "workers" }
                #expect(workers?["status"] as? String == "degraded")
                #expect((workers?["error"] as? String)?.contains("no render worker") == true)
            }
            let now = Date()
            try await reel.store.beat(WorkerHeartbeat(id: "host-7", slots: 3, busy: 1, startedAt: now, lastSeenAt: now))
            for prefix in ["", "/api/v1"] {
                try await client.execute(uri: "\(prefix)/health", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.body.json["status"] as? String == "healthy")
                }
                try await client.execute(uri: "\(prefix)/health/detailed", method: .get) { response in
                    #expect(response.status == .ok)
                    let body = response.body.json
                    #expect(body["status"] as? String == "healthy")
                    let names = (body["components"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                    #expect(names == ["database", "queue", "storage", "ffmpeg", "workers"])
                    let workers = (body["components"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "workers" }
                    let details = workers?["details"] as? [String: Any]
                    #expect(details?["alive"] as? Double == 1)
                    #expect(details?["slots"] as? Double == 3)
                    let queue = (body["components"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "queue" }
                    let depth = queue?["details"] as? [String: Any]
                    #expect(["depth_high", "depth_default", "depth_low"].allSatisfy { depth?[$0] as? Double == 0 })
                }
            }
        }
    }

    @Test("/livez answers while the process runs; /readyz is 503 with Retry-After while the object store is unreachable")
    func probes() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            try await client.execute(uri: "/livez", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.body.json["status"] as? String == "alive")
            }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.body.json["status"] as? String == "ready")
                #expect(response.body.json["checks"] as? [String: String] == ["database": "ok", "storage": "ok"])
            }
            // The objects folder becomes a plain file: nothing can be written there any more.
            let objects = reel.folder.appendingPathComponent("objects")
            try FileManager.default.removeItem(at: objects)
            try Data().write(to: objects)
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "5")
                #expect(response.body.json["status"] as? String == "not_ready")
                #expect(response.body.json["checks"] as? [String: String] == ["database": "ok", "storage": "unreachable"])
            }
            try await client.execute(uri: "/livez", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test("a worker's operations router serves the probes and /metrics, and no API")
    func operationsRouter() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await Application(router: buildOperationsRouter(reel.services)).test(.router) { client in
            try await client.execute(uri: "/livez", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/readyz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\nreel_worker_slots 2.0\n"))
            }
            try await client.execute(uri: "/api/v1/compositions", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test("health is 503 with Retry-After when ffmpeg is unusable")
    func unhealthy() async throws {
        let reel = try await TestReel(environment: ["REEL_FFMPEG": "/nonexistent/ffmpeg"])
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] != nil)
            }
            try await client.execute(uri: "/health/detailed", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let body = response.body.json
                #expect(body["status"] as? String == "unhealthy")
                let ffmpeg = (body["components"] as? [[String: Any]])?.first { $0["name"] as? String == "ffmpeg" }
                #expect(ffmpeg?["status"] as? String == "unhealthy")
            }
        }
    }

    @Test("a request's id is the client's X-Request-Id when it is a short token, answered in the header and the error body")
    func requestIDs() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            let missing = "/api/v1/compositions/\(UUID().uuidString)"
            try await client.execute(uri: missing, method: .get, headers: [.xRequestID: "trace-42.a:b_c"]) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.xRequestID] == "trace-42.a:b_c")
                #expect(response.body.json["request_id"] as? String == "trace-42.a:b_c")
            }
            for refused in ["has space", String(repeating: "x", count: 129), "new\u{7F}line"] {
                try await client.execute(uri: missing, method: .get, headers: [.xRequestID: refused]) { response in
                    let answered = response.headers[.xRequestID] ?? ""
                    #expect(!answered.isEmpty && answered != refused)
                    #expect(response.body.json["request_id"] as? String == answered)
                }
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.headers[.xRequestID]?.isEmpty == false)
            }
        }
    }

    @Test("metrics count requests per route with latency histograms and queue depth")
    func metrics() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            for _ in 0..<3 { try await client.execute(uri: "/health", method: .get) { _ in } }
            try await client.execute(
                uri: "/api/v1/compositions",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: try TestReel.seedPayload("burst-1-clip"))
            ) { _ in }
            try await client.execute(uri: "/api/v1/compositions/\(UUID().uuidString)/status", method: .get) { _ in }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(text.contains(#"reel_http_requests_total{method="GET",route="/health",status="200"} 3"#))
                #expect(text.contains(#"reel_http_requests_total{method="POST",route="/api/v1/compositions",status="202"} 1"#))
                #expect(text.contains(#"route="/api/v1/compositions/{id}/status",status="404"} 1"#))
                #expect(text.contains(#"reel_http_request_duration_seconds_bucket{method="GET",route="/health",le="+Inf"} 3"#))
                #expect(text.contains(#"reel_queue_depth{priority="default"} 1"#))
                let rss = text.split(separator: "\n").first { $0.hasPrefix("process_resident_memory_bytes ") }
                let bytes = rss.flatMap { Double($0.split(separator: " ")[1]) } ?? 0
                #expect(bytes > 1_000_000 && bytes < 4_000_000_000)
            }
        }
    }

    @Test("an uploaded asset is stored with its size and hash; an empty upload is refused")
    func assets() async throws {
        let reel = try await TestReel(environment: ["REEL_MAX_ASSET_BYTES": "100000"])
        defer { reel.cleanUp() }
        let bytes = ByteBuffer(repeating: 7, count: 5000)
        try await reel.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/assets", method: .post, headers: [.contentType: "video/mp4"], body: bytes) {
                response in
                #expect(response.status == .created)
                let body = response.body.json
                let id = try #require(body["id"] as? String)
                #expect(body["url"] as? String == "asset://\(id)")
                #expect(body["size_bytes"] as? Int == 5000)
                #expect(body["content_type"] as? String == "video/mp4")
                #expect((body["sha256"] as? String)?.count == 64)
                #expect(try await reel.services.objects.size(of: "assets/\(id)") == 5000)
            }
            try await client.execute(uri: "/api/v1/assets", method: .post, body: ByteBuffer()) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/api/v1/assets", method: .post, body: ByteBuffer(repeating: 1, count: 200_000)) {
                response in
                #expect(response.status == .contentTooLarge)
            }
        }
        let uploads =
            (try? FileManager.default.contentsOfDirectory(
                atPath: reel.configuration.scratchDirectory.appendingPathComponent("uploads").path)) ?? []
        #expect(uploads.isEmpty, "upload temp files left: \(uploads)")
    }

    @Test("signed file links: Range, expiry and tampering")
    func files() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let source = reel.folder.appendingPathComponent("f.bin")
        try FileManager.default.createDirectory(at: reel.folder, withIntermediateDirectories: true)
        try Data((0..<1000).map { UInt8($0 % 256) }).write(to: source)
        try await reel.services.objects.put(key: "outputs/x/video.mp4", file: source, contentType: "video/mp4")
        let expires = Int(clamping: Date().timeIntervalSince1970) + 60
        let path = reel.services.signer.signedPath(for: "outputs/x/video.mp4", expires: expires)
        try await reel.application().test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 1000)
                #expect(response.headers[.acceptRanges] == "bytes")
                #expect(response.headers[.contentType] == "video/mp4")
            }
            try await client.execute(uri: path, method: .get, headers: [.range: "bytes=100-199"]) { response in
                #expect(response.status == .partialContent)
                #expect(response.headers[.contentRange] == "bytes 100-199/1000")
                #expect(Array(response.body.readableBytesView) == (100..<200).map { UInt8($0 % 256) })
            }
            try await client.execute(uri: path, method: .get, headers: [.range: "bytes=-10"]) { response in
                #expect(response.status == .partialContent)
                #expect(response.headers[.contentRange] == "bytes 990-999/1000")
            }
            try await client.execute(uri: path, method: .get, headers: [.range: "bytes=5000-"]) { response in
                #expect(response.status == .rangeNotSatisfiable)
            }
            try await client.execute(uri: path.replacingOccurrences(of: "signature=", with: "signature=0"), method: .get) { response in
                #expect(response.status == .forbidden)
            }
            let expired = reel.services.signer.signedPath(for: "outputs/x/video.mp4", expires: expires - 120)
            try await client.execute(uri: expired, method: .get) { response in
                #expect(response.status == .forbidden)
                #expect(response.body.json["error_code"] as? String == "unauthorized")
            }
        }
    }

    @Test("/openapi.json describes exactly the routes the router serves")
    func openAPIMatchesRouter() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let router = buildRouter(reel.services)
        var served = Set<String>()
        for route in router.routes {
            var path = route.path.description
            if !path.hasPrefix("/") { path = "/" + path }
            path = path.replacingOccurrences(of: "/**", with: "/{key}")
            path = path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            served.insert("\(route.method.rawValue.lowercased()) /\(path)")
        }
        let routes = served
        try await reel.application().test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let document = response.body.json
                #expect(document["openapi"] as? String == "3.1.0")
                var documented = Set<String>()
                for (path, item) in document["paths"] as? [String: [String: Any]] ?? [:] {
                    for method in item.keys where method != "parameters" { documented.insert("\(method) \(path)") }
                }
                #expect(
                    documented == routes,
                    "undocumented: \(routes.subtracting(documented).sorted()), stale: \(documented.subtracting(routes).sorted())")
            }
        }
    }
}
