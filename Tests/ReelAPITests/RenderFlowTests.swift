import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import ReelAPI
import ReelCore
import ReelObjects
import ReelRender
import ReelStore
import ReelTestSupport
import Testing

/// The whole flow over a live server with in-process workers and the real ffmpeg:
/// upload, POST, poll real progress, download with Range, ffprobe the result.
@Suite("Rendering through the API", .serialized)
struct RenderFlowTests {
    typealias Client = any TestClientProtocol

    static func post(_ client: Client, _ body: String) async throws -> String {
        try await client.execute(
            uri: "/api/v1/compositions/",
            method: .post,
            headers: [.contentType: "application/json"],
            body: ByteBuffer(string: body)
        ) { response in
            #expect(response.status == .accepted, "\(String(buffer: response.body))")
            return response.body.json["id"] as? String ?? ""
        }
    }

    static func upload(_ client: Client, _ file: URL) async throws -> String {
        let data = try Data(contentsOf: file)
        return try await client.execute(
            uri: "/api/v1/assets",
            method: .post,
            headers: [.contentType: "video/mp4"],
            body: ByteBuffer(bytes: data)
        ) { response in
            #expect(response.status == .created)
            return response.body.json["url"] as? String ?? ""
        }
    }

    /// Polls `/status` until the composition settles; returns the last status and every progress value seen.
    static func wait(_ client: Client, _ id: String, timeout: Duration = .seconds(180)) async throws -> ([String: Any], [Double]) {
        let deadline = ContinuousClock.now + timeout
        var seen: [Double] = []
        while ContinuousClock.now < deadline {
            let status = try await client.execute(uri: "/api/v1/compositions/\(id)/status", method: .get) { $0.body.json }
            seen.append(status["overall_progress"] as? Double ?? -1)
            if let state = status["status"] as? String, ["completed", "failed", "cancelled"].contains(state) { return (status, seen) }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw RenderFailure("composition \(id) did not finish in time")
    }

    /// Downloads the composition's file through its signed link into `folder`.
    static func download(_ client: Client, _ id: String, to folder: URL) async throws -> URL {
        let link = try await client.execute(uri: "/api/v1/compositions/\(id)/download", method: .get) { response in
            #expect(response.status == .ok)
            return response.body.json
        }
        let url = try #require(URLComponents(string: link["download_url"] as? String ?? ""))
        let path = url.path + "?" + (url.percentEncodedQuery ?? "")
        let file = folder.appendingPathComponent("\(id).mp4")
        try await client.execute(uri: path, method: .get, headers: [.range: "bytes=0-1023"]) { response in
            #expect(response.status == .partialContent)
            #expect(response.body.readableBytes == 1024)
        }
        try await client.execute(uri: path, method: .get) { response in
            #expect(response.status == .ok)
            #expect(response.body.readableBytes == link["file_size_bytes"] as? Int)
            try Data(response.body.readableBytesView).write(to: file)
        }
        return file
    }

    static func probe(_ file: URL) async throws -> [String: Any] {
        let output = OutputCapture()
        let outcome = try await ProcessRunner.run(
            ReelConfiguration().ffprobePath,
            ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file.path]
        ) { output.append($0) }
        #expect(outcome.succeeded)
        return try JSONSerialization.jsonObject(with: output.data) as? [String: Any] ?? [:]
    }

    /// Checks duration within one frame, size, rate, codecs, and audio as long as the video.
    static func expectRendered(_ file: URL, duration: Double, width: Int, height: Int, fps: Double) async throws {
        let probe = try await probe(file)
        let streams = probe["streams"] as? [[String: Any]] ?? []
        let video = try #require(streams.first { $0["codec_type"] as? String == "video" })
        let audio = try #require(streams.first { $0["codec_type"] as? String == "audio" })
        let frame = 1 / fps
        let formatDuration = Double((probe["format"] as? [String: Any])?["duration"] as? String ?? "") ?? 0
        let videoDuration = Double(video["duration"] as? String ?? "") ?? 0
        let audioDuration = Double(audio["duration"] as? String ?? "") ?? 0
        #expect(abs(formatDuration - duration) <= frame, "duration \(formatDuration) vs \(duration)")
        #expect(abs(videoDuration - duration) <= frame)
        #expect(abs(audioDuration - videoDuration) <= frame, "audio \(audioDuration) vs video \(videoDuration)")
        #expect(video["codec_name"] as? String == "h264")
        #expect(audio["codec_name"] as? String == "aac")
        #expect(video["width"] as? Int == width && video["height"] as? Int == height)
        #expect(video["avg_frame_rate"] as? String == "\(Int(clamping: fps))/1")
        let formatName = (probe["format"] as? [String: Any])?["format_name"] as? String
        #expect(formatName?.contains("mp4") == true)
    }

    @Test("the seed's five payloads render as the seed asks, with sources uploaded and fetched over HTTP")
    func seedPayloads() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let media = reel.folder.appendingPathComponent("media")
        var files: [String: URL] = [:]
        for index in 0..<10 {
            files["video\(index).mp4"] = try await TestReel.makeClip(
                seconds: index == 1 ? 10 : 5, name: "video\(index).mp4", in: media, tone: 300 + 50 * index)
        }
        files["music.mp3"] = try await TestReel.makeMedia(
            ["-f", "lavfi", "-i", "sine=frequency=220:duration=7"], name: "music.mp3", in: media)
        files["voice.mp3"] = try await TestReel.makeMedia(
            ["-f", "lavfi", "-i", "sine=frequency=900:duration=12"], name: "voice.mp3", in: media)
        let fixtures = files
        try await reel.applicationWithWorkers().test(.live) { client in
            var sources: [String: String] = [:]
            for (name, file) in fixtures { sources[name] = try await Self.upload(client, file) }
            let musicID = String(sources["music.mp3"]!.dropFirst("asset://".count))
            let expires = Int(clamping: Date().timeIntervalSince1970) + 3600
            let port = try #require(client.port)
            sources["music.mp3"] = "http://127.0.0.1:\(port)" + reel.services.signer.signedPath(for: "assets/\(musicID)", expires: expires)

            let expectations: [(String, Double, Int, Int)] = [
                ("simple-2-clip", 10, 1280, 720), ("burst-1-clip", 5, 1280, 720), ("sustained-1-clip", 10, 1280, 720),
                ("complex-5-clip", 15, 1920, 1080), ("complex-10-clip", 30, 1920, 1080),
            ]
            var ids: [String] = []
            for (name, _, _, _) in expectations {
                ids.append(try await Self.post(client, try TestReel.seedPayload(name, sources: sources)))
            }
            for (id, expectation) in zip(ids, expectations) {
                let (status, progress) = try await Self.wait(client, id)
                #expect(status["status"] as? String == "completed", "\(expectation.0): \(status["error_message"] ?? "")")
                #expect(progress.allSatisfy { (0...100).contains($0) })
                #expect(zip(progress, progress.dropFirst()).allSatisfy { $0 <= $1 || $1 == 0 })
                let file = try await Self.download(client, id, to: reel.folder)
                try await Self.expectRendered(file, duration: expectation.1, width: expectation.2, height: expectation.3, fps: 30)
                let metadata = try await client.execute(uri: "/api/v1/compositions/\(id)/metadata", method: .get) { $0.body.json }
                let output = try #require(metadata["output_file"] as? [String: Any])
                #expect(output["resolution"] as? String == "\(expectation.2)x\(expectation.3)")
                #expect(abs((output["duration_seconds"] as? Double ?? 0) - expectation.1) < 0.05)
                #expect((metadata["input_files"] as? [Any])?.isEmpty == false)
                #expect((metadata["resource_metrics"] as? [String: Any])?["processing_time_seconds"] is Double)
            }
        }
        let scratch =
            (try? FileManager.default.contentsOfDirectory(atPath: reel.configuration.scratchDirectory.appendingPathComponent("jobs").path))
            ?? []
        #expect(scratch.isEmpty, "scratch left: \(scratch)")
    }

    @Test("progress is real, cancel stops a running render, delete removes its files", .tags(.timed), .apart, .timeLimit(.minutes(3)))
    func progressCancelDelete() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let clip = try await TestReel.makeClip(seconds: 10, name: "long.mp4", in: reel.folder.appendingPathComponent("media"))
        try await reel.applicationWithWorkers().test(.live) { client in
            let source = try await Self.upload(client, clip)
            let long =
                #"{"title":"long","clips":[{"video_url":"\#(source)","start_time":0,"end_time":60,"trim_end":10}],"output":{"resolution":"1080p","fps":60}}"#
            let id = try await Self.post(client, long)
            var progress = 0.0
            let deadline = ContinuousClock.now + .seconds(60)
            while progress <= 10 && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
                progress = try await client.execute(uri: "/api/v1/compositions/\(id)/status", method: .get) {
                    $0.body.json["overall_progress"] as? Double ?? 0
                }
            }
            #expect(progress > 10 && progress < 95, "progress \(progress)")
            try await client.execute(uri: "/api/v1/compositions/\(id)/cancel", method: .post) { response in
                #expect(response.status == .ok)
            }
            // DESIGN: a cancelled render's ffmpeg stops within a second (the worker's poll), its scratch with it.
            let jobs = reel.configuration.scratchDirectory.appendingPathComponent("jobs")
            var scratch: [String] = []
            let stopBy = ContinuousClock.now + .seconds(1.2)
            repeat {
                try await Task.sleep(for: .milliseconds(100))
                scratch = (try? FileManager.default.contentsOfDirectory(atPath: jobs.path)) ?? []
            } while !scratch.isEmpty && ContinuousClock.now < stopBy
            #expect(scratch.isEmpty, "ffmpeg still running or scratch left: \(scratch)")
            let status = try await client.execute(uri: "/api/v1/compositions/\(id)/status", method: .get) { $0.body.json }
            #expect(status["status"] as? String == "cancelled")

            let short =
                #"{"title":"short","clips":[{"video_url":"\#(source)","start_time":0,"end_time":1}],"output":{"resolution":"160x90"}}"#
            let done = try await Self.post(client, short)
            let (final, _) = try await Self.wait(client, done)
            #expect(final["status"] as? String == "completed")
            let key = "outputs/\(done)/video.mp4"
            #expect(try await reel.services.objects.size(of: key) ?? 0 > 0)
            try await client.execute(uri: "/api/v1/compositions/\(done)", method: .delete) { #expect($0.status == .noContent) }
            #expect(try await reel.services.objects.size(of: key) == nil)
        }
    }

    @Test("a source that cannot be fetched fails the composition, naming the URL and the reason")
    func unfetchableSource() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.applicationWithWorkers().test(.live) { client in
            let port = try #require(client.port)
            let missing = "http://127.0.0.1:\(port)/no/such/video.mp4"
            let id = try await Self.post(client, #"{"title":"404","clips":[{"video_url":"\#(missing)","start_time":0,"end_time":1}]}"#)
            let (status, _) = try await Self.wait(client, id)
            #expect(status["status"] as? String == "failed")
            let message = status["error_message"] as? String ?? ""
            #expect(message.contains(missing) && message.contains("404"), "\(message)")
        }
    }

    @Test("without REEL_ALLOW_PRIVATE_SOURCES a loopback source is refused")
    func privateSourcesRefused() async throws {
        let reel = try await TestReel(environment: ["REEL_ALLOW_PRIVATE_SOURCES": "false"])
        defer { reel.cleanUp() }
        try await reel.applicationWithWorkers().test(.live) { client in
            let url = "http://127.0.0.1:\(try #require(client.port))/health"
            let id = try await Self.post(client, #"{"title":"ssrf","clips":[{"video_url":"\#(url)","start_time":0,"end_time":1}]}"#)
            let (status, _) = try await Self.wait(client, id)
            #expect(status["status"] as? String == "failed")
            #expect((status["error_message"] as? String ?? "").contains("REEL_ALLOW_PRIVATE_SOURCES"))
        }
    }

    @Test("captions: an uploaded file that cannot be read is 422 naming the cue; a sidecar's link comes with /download")
    func captions() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let clip = try await TestReel.makeClip(seconds: 2, name: "clip.mp4", in: reel.folder)
        try await reel.applicationWithWorkers().test(.live) { client in
            let video = try await Self.upload(client, clip)
            func uploadText(_ text: String) async throws -> String {
                try await client.execute(
                    uri: "/api/v1/assets", method: .post, headers: [.contentType: "application/x-subrip"], body: ByteBuffer(string: text)
                ) { $0.body.json["url"] as? String ?? "" }
            }
            let bad = try await uploadText("1\n00:00:00,000 --> 00:00:01,000\nok\n\n2\n00:00:01,000 --> 00:00:00,200\nback\n")
            try await client.execute(
                uri: "/api/v1/compositions", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(
                    string: #"{"title":"c","clips":[{"video_url":"\#(video)","start_time":0,"end_time":2}],"captions":{"url":"\#(bad)"}}"#)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let detail = (response.body.json["details"] as? [[String: Any]])?.first
                #expect(detail?["field"] as? String == "captions.url")
                let message = detail?["message"] as? String ?? ""
                #expect(message.contains("cue 2 (line 6)"), "\(message)")
            }
            let good = try await uploadText("1\n00:00:00,500 --> 00:00:01,500\nHello & 5 < 6 <b>bold</b>\n")
            let id = try await Self.post(
                client,
                #"{"title":"c","clips":[{"video_url":"\#(video)","start_time":0,"end_time":2}],"captions":{"url":"\#(good)","sidecar":true}}"#
            )
            let (status, _) = try await Self.wait(client, id)
            #expect(status["status"] as? String == "completed", "\(status)")
            let link = try await client.execute(uri: "/api/v1/compositions/\(id)/download", method: .get) { $0.body.json }
            let captions = try #require(URLComponents(string: link["captions_url"] as? String ?? ""))
            try await client.execute(uri: captions.path + "?" + (captions.percentEncodedQuery ?? ""), method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/vtt") == true, "\(response.headers)")
                let cues = try CaptionFile.parse(String(buffer: response.body))
                #expect(cues == [CaptionCue(start: 0.5, end: 1.5, text: "Hello & 5 < 6 bold")])
            }
        }
    }

    @Test(
        "HLS through the API: the master playlist's folder link reaches every variant, init and segment it names; file_size_bytes is their bytes together"
    )
    func hlsLinks() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let clip = try await TestReel.makeClip(seconds: 5, name: "clip.mp4", in: reel.folder)
        try await reel.applicationWithWorkers().test(.live) { client in
            let video = try await Self.upload(client, clip)
            let id = try await Self.post(
                client,
                #"{"title":"stream","clips":[{"video_url":"\#(video)","start_time":0,"end_time":5}],"output":{"resolution":"320x180","format":"hls","renditions":["320x180","160x90"]}}"#
            )
            let (status, _) = try await Self.wait(client, id)
            #expect(status["status"] as? String == "completed", "\(status)")
            let link = try await client.execute(uri: "/api/v1/compositions/\(id)/download", method: .get) { $0.body.json }
            let master = try #require(URL(string: link["download_url"] as? String ?? ""))
            #expect(master.path.hasPrefix("/files/folder/") && master.path.hasSuffix(".m3u8"))
            var served = 0
            func get(_ url: URL) async throws -> (HTTPResponse.Status, String) {
                try await client.execute(uri: url.path, method: .get) { response in
                    served += response.body.readableBytes
                    return (response.status, String(buffer: response.body))
                }
            }
            let (masterStatus, playlist) = try await get(master)
            #expect(masterStatus == .ok && playlist.contains("#EXT-X-STREAM-INF"))
            var fetched = 0
            for variantName in playlist.split(separator: "\n").filter({ !$0.hasPrefix("#") && !$0.isEmpty }) {
                let variant = try #require(URL(string: String(variantName), relativeTo: master)?.absoluteURL)
                let (variantStatus, media) = try await get(variant)
                #expect(variantStatus == .ok, "\(variant)")
                let named = media.split(separator: "\n").compactMap { line -> String? in
                    if line.hasPrefix("#EXT-X-MAP:URI=") { return line.split(separator: "\"").dropFirst().first.map(String.init) }
                    return line.hasPrefix("#") || line.isEmpty ? nil : String(line)
                }
                #expect(named.count >= 3, "an init and two 4-s segments: \(named)")
                for name in named {
                    let file = try #require(URL(string: name, relativeTo: variant)?.absoluteURL)
                    #expect(try await get(file).0 == .ok, "\(file)")
                    fetched += 1
                }
            }
            #expect(fetched >= 6)
            #expect(link["file_size_bytes"] as? Int == served, "every file the master leads to, counted as served")
            let forged = master.path.replacingOccurrences(of: "/files/folder/", with: "/files/folder/1/")
            try await client.execute(uri: forged, method: .get) { #expect($0.status != .ok) }
        }
    }
}
