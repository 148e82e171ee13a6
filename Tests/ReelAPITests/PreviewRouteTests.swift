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
import ReelStore
import ReelWorker
import Testing

/// `POST /api/v1/previews` through the router: pictures checked by ffprobe, the cache, the JSON
/// answer's signed links, bad input named by field, and a process that renders no previews.
@Suite("Previews", .serialized)
struct PreviewRouteTests {
    /// Width and height of a picture, and its codec, as ffprobe reads it.
    static func probe(_ bytes: ByteBuffer, in folder: URL) async throws -> (width: Int, height: Int, codec: String) {
        let file = folder.appendingPathComponent("picture-\(UUID().uuidString)")
        try Data(buffer: bytes).write(to: file)
        let output = OutputCapture()
        _ = try await ProcessRunner.run(
            ReelConfiguration().ffprobePath,
            ["-v", "error", "-show_entries", "stream=width,height,codec_name", "-of", "csv=p=0", file.path]
        ) { output.append($0) }
        let fields = output.text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",")
        guard fields.count == 3, let width = Int(fields[1]), let height = Int(fields[2]) else {
            throw RenderFailure("ffprobe: \(output.text)")
        }
        return (width, height, String(fields[0]))
    }

    func composition(_ video: String) -> String {
        #"{"title":"p","clips":[{"video_url":"\#(video)","start_time":0,"end_time":2}],"overlays":[{"text":"Hi","start_time":0,"end_time":2}],"output":{"resolution":"320x180"}}"#
    }

    @Test("one time is the picture, several a sheet; the same frame twice comes from the cache")
    func pictures() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let clip = try await TestReel.makeClip(seconds: 2, name: "clip.mp4", in: reel.folder)
        try await reel.application().test(.router) { client in
            let video = try await RenderFlowTests.upload(client, clip)
            let one = #"{"composition":\#(composition(video)),"time":1.2,"width":160,"format":"png"}"#
            for expected in ["miss", "hit"] {
                try await client.execute(
                    uri: "/api/v1/previews", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: one)
                ) { response in
                    #expect(response.status == .ok, "\(String(buffer: response.body))")
                    #expect(response.headers[.contentType] == "image/png")
                    #expect(response.headers[HTTPField.Name("Reel-Preview-Cache")!] == expected)
                    #expect(response.headers[HTTPField.Name("Reel-Frame-Times")!] == "1.2")
                    let picture = try await Self.probe(response.body, in: reel.folder)
                    #expect(picture.width == 160 && picture.height == 90 && picture.codec == "png")
                }
            }
            let sheet = #"{"composition":\#(composition(video)),"times":[0,0.5,1,1.5,1.99]}"#
            try await client.execute(
                uri: "/api/v1/previews", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: sheet)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/jpeg")
                let layout = try JSONDecoder().decode(
                    FrameSheet.self, from: Data(response.headers[HTTPField.Name("Reel-Preview-Sheet")!]!.utf8))
                // Five tiles of the output's 320 px width (a sheet's default) in a 3×2 grid.
                #expect(layout.columns == 3 && layout.rows == 2 && layout.tileWidth == 320 && layout.tiles.count == 5)
                #expect(layout.tiles.last?.frameTime == 59.0 / 30, "1.99 s shows frame 59")
                let picture = try await Self.probe(response.body, in: reel.folder)
                #expect(picture.width == 960 && picture.height == 360 && picture.codec == "mjpeg")
            }
        }
    }

    @Test("Accept: application/json answers signed links, one picture per time")
    func links() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let clip = try await TestReel.makeClip(seconds: 2, name: "clip.mp4", in: reel.folder)
        try await reel.application().test(.router) { client in
            let video = try await RenderFlowTests.upload(client, clip)
            let body = #"{"composition":\#(composition(video)),"times":[0.25,1.75],"width":64,"format":"webp"}"#
            let urls = try await client.execute(
                uri: "/api/v1/previews", method: .post, headers: [.contentType: "application/json", .accept: "application/json"],
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .ok)
                let frames = response.body.json["frames"] as? [[String: Any]] ?? []
                #expect(frames.map { $0["time"] as? Double } == [0.25, 1.75])
                return frames.compactMap { $0["url"] as? String }
            }
            #expect(urls.count == 2)
            for url in urls {
                let path = String(url.drop { $0 != "/" }.dropFirst(2).drop { $0 != "/" })
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.headers[.contentType] == "image/webp")
                    let picture = try await Self.probe(response.body, in: reel.folder)
                    #expect(picture.width == 64 && picture.height == 36 && picture.codec == "webp")
                }
                // The signature covers the picture: another one with it is refused.
                try await client.execute(uri: path.replacingOccurrences(of: "/0.webp", with: "/1.webp"), method: .get) { response in
                    #expect(response.status == (path.contains("/0.webp") ? .forbidden : .ok))
                }
            }
        }
    }

    @Test(
        "bad input is a 422 naming the field, an unknown composition a 404",
        arguments: [
            (#""time":2"#, "time"), (#""time":-0.1"#, "time"), (#""times":[]"#, "times"),
            (#""times":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]"#, "times"),
            (#""times":[0.5,7]"#, "times[1]"), (#""time":1,"width":8"#, "width"), (#""time":1,"width":321"#, "width"),
            (#""time":1,"format":"gif""#, "format"), (#""time":1,"times":[1]"#, "times"), (#""width":100"#, "time"),
            (#""time":1,"merge":{"a":1}"#, "merge"), (#""time":"soon""#, "time"),
            (#""time":1,"composition_id":"nope""#, "composition_id"), (#""times":[0,1],"width":321"#, "width"),
        ])
    func badInput(fields: String, field: String) async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            let body = #"{"composition":\#(composition("https://example.com/a.mp4")),\#(fields)}"#
            try await client.execute(
                uri: "/api/v1/previews", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .unprocessableContent, "\(fields)")
                let details = response.body.json["details"] as? [[String: Any]] ?? []
                #expect(details.first?["field"] as? String == field, "\(fields): \(String(buffer: response.body))")
            }
            try await client.execute(
                uri: "/api/v1/previews", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"composition_id":"\#(UUID())","time":0}"#)
            ) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("unknown fields are warnings in a JSON answer, and a 422 with Prefer: handling=strict")
    func unknownFields() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let clip = try await TestReel.makeClip(seconds: 2, name: "clip.mp4", in: reel.folder)
        try await reel.application().test(.router) { client in
            let video = try await RenderFlowTests.upload(client, clip)
            var composition = composition(video)
            composition.insert(contentsOf: #""volum":2,"#, at: composition.index(after: composition.startIndex))
            let body = #"{"composition":\#(composition),"time":1,"widht":40}"#
            try await client.execute(
                uri: "/api/v1/previews", method: .post, headers: [.contentType: "application/json", .accept: "application/json"],
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .ok)
                let warnings = response.body.json["warnings"] as? [String] ?? []
                #expect(
                    warnings.contains { $0.hasPrefix("widht ") } && warnings.contains { $0.hasPrefix("composition.volum ") }, "\(warnings)")
            }
            try await client.execute(
                uri: "/api/v1/previews", method: .post,
                headers: [.contentType: "application/json", HTTPField.Name("Prefer")!: "handling=strict"], body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let fields = (response.body.json["details"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
                #expect(Set(fields) == ["widht", "composition.volum"], "\(fields)")
            }
        }
    }

    @Test("a process with no render slots answers 503 with Retry-After")
    func apiOnly() async throws {
        var reel = try await TestReel()
        defer { reel.cleanUp() }
        reel.services.previews = nil
        let clip = try await TestReel.makeClip(seconds: 2, name: "clip.mp4", in: reel.folder)
        try await reel.application().test(.router) { client in
            let video = try await RenderFlowTests.upload(client, clip)
            try await client.execute(
                uri: "/api/v1/previews", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"composition":\#(composition(video)),"time":1}"#)
            ) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] != nil)
                #expect(response.body.json["error_code"] as? String == "service_unavailable")
            }
        }
    }

    @Test("an API-only process hands previews to a worker's preview slot; with no worker alive, 503")
    func throughTheQueue() async throws {
        var setup = try await TestReel()
        setup.services.previews = QueuedPreviews(store: setup.store, timeout: .seconds(20), maxWaiting: 4)
        let reel = setup
        defer { reel.cleanUp() }
        let clip = try await TestReel.makeClip(seconds: 2, name: "clip.mp4", in: reel.folder)
        let video = try await reel.application().test(.router) { client in
            try await RenderFlowTests.upload(client, clip)
        }
        let body = #"{"composition":\#(composition(video)),"time":1,"width":160}"#
        try await reel.application().test(.router) { client in
            try await client.execute(
                uri: "/api/v1/previews", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .serviceUnavailable, "no worker has beaten yet")
                #expect(response.headers[.retryAfter] != nil)
            }
        }
        let app = try reel.runtime.serveApplication(reel.services, background: try reel.runtime.renderingServices(workers: 1))
        try await app.test(.live) { client in
            var status = HTTPResponse.Status.serviceUnavailable
            let deadline = ContinuousClock.now + .seconds(20)
            while status == .serviceUnavailable, ContinuousClock.now < deadline {
                status = try await client.execute(
                    uri: "/api/v1/previews", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: body)
                ) { response in
                    if response.status == .ok {
                        let picture = try await Self.probe(response.body, in: reel.folder)
                        #expect(picture.width == 160 && picture.height == 90 && picture.codec == "mjpeg")
                        #expect(response.headers[HTTPField.Name("Reel-Preview-Cache")!] == "miss")
                    }
                    return response.status
                }
                if status == .serviceUnavailable { try await Task.sleep(for: .milliseconds(200)) }
            }
            #expect(status == .ok, "the worker made it once it was alive")
            #expect(try await reel.store.claimPreview(worker: "x", since: .distantPast, at: Date()) == nil, "its row is gone")
        }
    }
}
