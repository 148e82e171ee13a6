import Foundation
import ReelCore
import ReelRender
import Testing

/// Posters and storyboards, compared with frames of the rendered video.
@Suite("Posters and storyboards", .serialized)
struct StillOutputTests {
    /// A still image decoded to grey, cropped (`w:h:x:y`) when asked.
    func grey(_ file: URL, crop: String? = nil) async throws -> Data {
        let output = OutputCapture()
        let filters = [crop.map { "crop=\($0)" }].compactMap { $0 }
        let outcome = try await ProcessRunner.run(
            MediaKit.ffmpeg,
            ["-v", "error", "-i", file.path] + (filters.isEmpty ? [] : ["-vf", filters.joined(separator: ",")])
                + ["-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "-"]
        ) { output.append($0) }
        guard outcome.succeeded else { throw RenderFailure("cannot decode \(file.path)") }
        return output.data
    }

    @Test("a PNG poster is the frame at its time; a storyboard tiles a frame per interval, and its track names each tile")
    func posterAndStoryboard() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let source = try await kit.video(seconds: 5, size: "320x180")
        let request = CompositionRequest(
            title: "stills", clips: [Clip(videoURL: source, startTime: 0, endTime: 4.5)],
            output: OutputSettings(
                resolution: "320x180", bitrate: Bitrate(bitsPerSecond: 1_000_000), poster: PosterSettings(time: 1, format: .png),
                storyboard: StoryboardSettings(interval: 1, columns: 3, width: 64)))
        var sidecars: [String: URL] = [:]
        let rendered = try await kit.renderer.render(id: UUID(), request: request) { _, _ in
        } deliver: { files in
            for sidecar in files.sidecars {
                let kept = kit.folder.appendingPathComponent(sidecar.file.lastPathComponent)
                try FileManager.default.moveItem(at: sidecar.file, to: kept)
                sidecars[sidecar.role] = kept
            }
            let output = kit.folder.appendingPathComponent("out.mp4")
            try FileManager.default.moveItem(at: files.output, to: output)
            return output
        }
        let poster = try #require(sidecars["poster"])
        #expect(poster.pathExtension == "png")
        let posterProbe = try await MediaKit.probe(poster)
        #expect(posterProbe.width == 320 && posterProbe.height == 180)
        let atOne = try await MediaKit.frame(rendered, at: 1)
        #expect(MediaKit.psnr(try await grey(poster), atOne) > 35, "the poster is the frame at 1 s")
        #expect(MediaKit.psnr(try await grey(poster), try await MediaKit.frame(rendered, at: 3)) < 30, "and not the one at 3 s")

        let sheet = try #require(sidecars["storyboard"])
        let sheetProbe = try await MediaKit.probe(sheet)
        #expect(sheetProbe.width == 192 && sheetProbe.height == 72, "3 × 2 tiles of 64x36")
        let track = try String(contentsOf: try #require(sidecars["storyboard_vtt"]), encoding: .utf8)
        let cues = try CaptionFile.parse(track)
        #expect(cues.map(\.start) == [0, 1, 2, 3, 4] && cues.last?.end == 4.5)
        #expect(cues[4].text == "storyboard.jpg#xywh=64,36,64,36")
        for (index, cue) in cues.enumerated() {
            let tile = cue.text.split(separator: "=").last!.split(separator: ",")
            let tileImage = try await grey(sheet, crop: "\(tile[2]):\(tile[3]):\(tile[0]):\(tile[1])")
            let expected = try await scaledFrame(rendered, at: Double(index), kit: kit)
            #expect(MediaKit.psnr(tileImage, expected) > 25, "tile \(index)")
        }
    }

    @Test("a poster at a denormal time (1e-320 s) is the first frame: times reach ffmpeg without an exponent")
    func posterAtTinyTime() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let source = try await kit.video(seconds: 2, size: "160x90")
        let request = CompositionRequest(
            title: "tiny", clips: [Clip(videoURL: source, startTime: 0, endTime: 1)],
            output: OutputSettings(resolution: "160x90", poster: PosterSettings(time: Double.leastNonzeroMagnitude, format: .png)))
        #expect(CompositionValidator().problems(in: request).isEmpty)
        var poster: URL?
        let rendered = try await kit.renderer.render(id: UUID(), request: request) { _, _ in
        } deliver: { files in
            for sidecar in files.sidecars where sidecar.role == "poster" {
                poster = kit.folder.appendingPathComponent(sidecar.file.lastPathComponent)
                try FileManager.default.moveItem(at: sidecar.file, to: try #require(poster))
            }
            let output = kit.folder.appendingPathComponent("tiny.mp4")
            try FileManager.default.moveItem(at: files.output, to: output)
            return output
        }
        let still = try #require(poster)
        #expect(MediaKit.psnr(try await grey(still), try await MediaKit.frame(rendered, at: 0)) > 35)
    }

    /// The frame at `time` scaled to a 64x36 tile, in grey.
    func scaledFrame(_ file: URL, at time: Double, kit: MediaKit) async throws -> Data {
        let output = OutputCapture()
        let outcome = try await ProcessRunner.run(
            MediaKit.ffmpeg,
            [
                "-v", "error", "-ss", String(time), "-i", file.path, "-vf", "scale=64:36", "-frames:v", "1", "-f", "rawvideo", "-pix_fmt",
                "gray", "-",
            ]
        ) { output.append($0) }
        guard outcome.succeeded else { throw RenderFailure("no frame at \(time)") }
        return output.data
    }
}
