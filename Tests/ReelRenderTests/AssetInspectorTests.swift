import Foundation
import ReelCore
import ReelRender
import Testing

/// What an upload is, as ``AssetInspector`` reads it: facts checked against ffprobe's own JSON,
/// no thumbnail past the pixel budget, audio without a picture, text as not media, and a full
/// line of inspections refused rather than queued.
@Suite("Asset inspection")
struct AssetInspectorTests {
    func make(_ folder: URL, _ name: String, _ arguments: [String]) async throws -> URL {
        let file = folder.appendingPathComponent(name)
        let outcome = try await ProcessRunner.run(MediaKit.ffmpeg, ["-v", "error", "-y"] + arguments + [file.path])
        guard outcome.succeeded else { throw RenderFailure("fixture \(name): \(outcome.standardErrorTail)") }
        return file
    }

    func inspector(_ gate: SlotGate = SlotGate(slots: 1, maxWaiting: 4)) -> AssetInspector {
        AssetInspector(ffmpegPath: MediaKit.ffmpeg, ffprobePath: MediaKit.ffprobe, niceness: 0, gate: gate)
    }

    @Test("a video's length and size, an image's size, audio's length; thumbnails only of pictures within the budget")
    func facts() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reel-inspect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let video = try await make(
            folder, "v.mp4", ["-f", "lavfi", "-i", "testsrc2=size=480x270:rate=25:duration=2.4", "-c:v", "libx264", "-pix_fmt", "yuv420p"])
        let still = try await make(folder, "s.png", ["-f", "lavfi", "-i", "color=c=red:s=200x100", "-frames:v", "1"])
        let huge = try await make(folder, "h.png", ["-f", "lavfi", "-i", "color=c=black:s=6100x6000", "-frames:v", "1"])
        let sound = try await make(folder, "a.wav", ["-f", "lavfi", "-i", "sine=duration=1.5"])
        let text = folder.appendingPathComponent("t.txt")
        try Data("hello".utf8).write(to: text)

        let (movie, movieThumbnail) = try #require(try await inspector().inspect(video))
        let reference = try await MediaKit.probe(video)
        #expect(movie.width == 480 && movie.height == 270)
        #expect(abs((movie.duration ?? 0) - reference.formatDuration) < 0.05)
        let thumbnail = folder.appendingPathComponent("thumb.jpg")
        try #require(movieThumbnail).write(to: thumbnail)
        let picture = try await MediaKit.probe(thumbnail)
        #expect(picture.width == 320 && picture.height == 180 && picture.videoCodec == "mjpeg")

        let (image, imageThumbnail) = try #require(try await inspector().inspect(still))
        #expect(image.duration == nil && image.width == 200 && image.thumbnail && imageThumbnail != nil)

        let (big, bigThumbnail) = try #require(try await inspector().inspect(huge))
        #expect(big.width == 6100 && big.height == 6000 && !big.thumbnail && bigThumbnail == nil)

        let (audio, audioThumbnail) = try #require(try await inspector().inspect(sound))
        #expect(abs((audio.duration ?? 0) - 1.5) < 0.05 && audio.width == nil && audioThumbnail == nil)

        #expect(try await inspector().inspect(text) == nil)
    }

    @Test("past the slots and their line an inspection is refused at once")
    func full() async throws {
        let gate = SlotGate(slots: 1, maxWaiting: 0)
        let (held, release) = AsyncStream.makeStream(of: Void.self)
        let (entered, didEnter) = AsyncStream.makeStream(of: Void.self)
        let holder = Task {
            try await gate.withSlot {
                didEnter.yield()
                for await _ in held { break }
            }
        }
        for await _ in entered { break }
        await #expect(throws: SlotGate.Full.self) {
            _ = try await inspector(gate).inspect(URL(fileURLWithPath: "/dev/null"))
        }
        release.finish()
        try await holder.value
    }
}
