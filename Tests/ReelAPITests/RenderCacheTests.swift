import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import ReelCore
import ReelRender
import Testing

/// The content-addressed render cache through the API, with the real ffmpeg behind a wrapper
/// that logs every run: an identical composition completes without ffmpeg, an edited overlay
/// re-renders only the segment it touches, and the result matches a render without the cache.
@Suite("Render cache", .serialized)
struct RenderCacheTests {
    typealias Client = any TestClientProtocol

    /// An ffmpeg that appends its arguments to `log` and runs the real one.
    static func loggingFFmpeg(in folder: URL, log: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("ffmpeg")
        try "#!/bin/sh\necho \"$*\" >> '\(log.path)'\nexec '\(ReelConfiguration().ffmpegPath)' \"$@\"\n".write(
            to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        return script
    }

    /// Renders (not version queries) the wrapper has logged.
    static func runs(_ log: URL) -> [String] {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init).filter {
            !$0.contains("-version")
        }
    }

    /// Seven one-second clips (three segments of up to three pieces) with a title over the first 0.8 s.
    static func body(source: String, title: String, cache: Bool? = nil) -> String {
        let clips = (0..<7).map {
            #"{"video_url":"\#(source)","start_time":\#($0),"end_time":\#($0 + 1),"trim_start":\#(Double($0) * 0.1)}"#
        }
        let cacheField = cache.map { #","cache":\#($0)"# } ?? ""
        return #"""
            {"title":"cache","clips":[\#(clips.joined(separator: ","))],
             "overlays":[{"text":"\#(title)","start_time":0,"end_time":0.8,"position":"center","font_size":40}],
             "output":{"resolution":"160x90","fps":30}\#(cacheField)}
            """#
    }

    static func metadata(_ client: Client, _ id: String) async throws -> [String: Any] {
        try await client.execute(uri: "/api/v1/compositions/\(id)/metadata", method: .get) { $0.body.json }
    }

    static func render(_ client: Client, _ body: String) async throws -> (id: String, cache: [String: Any]?) {
        let id = try await RenderFlowTests.post(client, body)
        let (status, _) = try await RenderFlowTests.wait(client, id)
        #expect(status["status"] as? String == "completed", "\(status)")
        return (id, try await metadata(client, id)["cache"] as? [String: Any])
    }

    static func sha256(_ file: URL) throws -> String {
        Hex.string(SHA256.hash(data: try Data(contentsOf: file)))
    }

    /// The lowest per-frame PSNR of `a` against `b` (ffmpeg's psnr filter), and the frames compared.
    static func worstPSNR(_ a: URL, _ b: URL) async throws -> (Double, Int) {
        let stats = a.deletingLastPathComponent().appendingPathComponent("psnr-\(UUID()).log")
        let outcome = try await ProcessRunner.run(
            ReelConfiguration().ffmpegPath,
            ["-v", "error", "-i", a.path, "-i", b.path, "-lavfi", "[0:v][1:v]psnr=stats_file=\(stats.path)", "-f", "null", "-"])
        #expect(outcome.succeeded, "\(outcome.standardErrorTail)")
        let lines = try String(contentsOf: stats, encoding: .utf8).split(separator: "\n")
        let values = lines.compactMap { line -> Double? in
            guard let field = line.split(separator: " ").first(where: { $0.hasPrefix("psnr_avg:") }) else { return nil }
            let text = field.dropFirst("psnr_avg:".count)
            return text == "inf" ? .infinity : Double(text)
        }
        return (values.min() ?? 0, values.count)
    }

    @Test("an identical composition completes without ffmpeg; an edited title re-renders one segment; cache false renders all")
    func reuse() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("reel-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let log = scratch.appendingPathComponent("ffmpeg.log")
        let ffmpeg = try Self.loggingFFmpeg(in: scratch, log: log)
        let reel = try await TestReel(environment: ["REEL_FFMPEG": ffmpeg.path])
        defer { reel.cleanUp() }
        let clip = try await TestReel.makeClip(seconds: 2, name: "clip.mp4", in: scratch.appendingPathComponent("media"))
        try await reel.applicationWithWorkers().test(.live) { client in
            let source = try await RenderFlowTests.upload(client, clip)

            let first = try await Self.render(client, Self.body(source: source, title: "Hello"))
            let firstCache = try #require(first.cache)
            #expect(firstCache["output_reused"] as? Bool == false)
            #expect(firstCache["segments_rendered"] as? Int == 3)
            #expect(firstCache["segments_reused"] as? Int == 0)
            #expect(firstCache["audio_reused"] as? Bool == false)
            let afterFirst = Self.runs(log).count
            #expect(afterFirst >= 5, "three segments, the audio pass and the stitch")

            // The same composition again: no ffmpeg at all, the same bytes.
            let again = try await Self.render(client, Self.body(source: source, title: "Hello"))
            #expect(again.cache?["output_reused"] as? Bool == true)
            #expect(again.cache?["key"] as? String == firstCache["key"] as? String)
            #expect(Self.runs(log).count == afterFirst, "\(Self.runs(log).suffix(2))")
            let firstFile = try await RenderFlowTests.download(client, first.id, to: scratch)
            let againFile = try await RenderFlowTests.download(client, again.id, to: scratch)
            #expect(try Self.sha256(firstFile) == Self.sha256(againFile))
            // The reuse points at the cache's copy: deleting the first composition leaves it whole.
            try await client.execute(uri: "/api/v1/compositions/\(first.id)", method: .delete) { #expect($0.status == .noContent) }
            let after = scratch.appendingPathComponent("after")
            try FileManager.default.createDirectory(at: after, withIntermediateDirectories: true)
            let afterDelete = try await RenderFlowTests.download(client, again.id, to: after)
            #expect(try Self.sha256(afterDelete) == Self.sha256(againFile))

            // Another title: the first segment and the stitch run; the rest is reused.
            let edited = try await Self.render(client, Self.body(source: source, title: "Changed"))
            let editedCache = try #require(edited.cache)
            #expect(editedCache["output_reused"] as? Bool == false)
            #expect(editedCache["key"] as? String != firstCache["key"] as? String)
            #expect(editedCache["segments_reused"] as? Int == 2)
            #expect(editedCache["segments_rendered"] as? Int == 1)
            #expect(editedCache["audio_reused"] as? Bool == true)
            let editRuns = Self.runs(log).dropFirst(afterFirst)
            #expect(editRuns.count == 2, "\(editRuns)")
            #expect(editRuns.contains { $0.contains("chunk0.mp4") && $0.contains("drawtext") })

            // The same edit with the cache off renders everything, and matches frame for frame.
            let before = Self.runs(log).count
            let fresh = try await Self.render(client, Self.body(source: source, title: "Changed", cache: false))
            #expect(fresh.cache == nil)
            #expect(Self.runs(log).count - before >= 5)
            let editedFile = try await RenderFlowTests.download(client, edited.id, to: scratch)
            let freshFile = try await RenderFlowTests.download(client, fresh.id, to: scratch)
            try await RenderFlowTests.expectRendered(editedFile, duration: 7, width: 160, height: 90, fps: 30)
            let (psnr, frames) = try await Self.worstPSNR(editedFile, freshFile)
            #expect(frames == 210)
            #expect(psnr >= 35, "worst frame \(psnr) dB")
            // And differs from the first title's render (the cache did not hand back the old segment).
            let (titles, _) = try await Self.worstPSNR(editedFile, firstFile)
            #expect(titles < 35)
        }
    }
}
