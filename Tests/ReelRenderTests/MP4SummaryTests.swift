import Foundation
import ReelCore
import ReelRender
import Testing

@Suite("MP4 box reader")
struct MP4SummaryTests {
    /// Makes a file with ffmpeg in `kit`'s folder and returns its path.
    func make(_ kit: MediaKit, _ name: String, _ arguments: [String]) async throws -> String {
        let file = kit.folder.appendingPathComponent(name)
        let outcome = try await ProcessRunner.run(MediaKit.ffmpeg, ["-v", "error", "-y"] + arguments + [file.path])
        guard outcome.succeeded else { throw RenderFailure("fixture \(name): \(outcome.standardErrorTail)") }
        return file.path
    }

    func lavfi(seconds: Double, rate: Int, size: String = "160x90", sampleRate: Int = 48000, channels: Int = 2) -> [String] {
        [
            "-f", "lavfi", "-i", "testsrc2=size=\(size):rate=\(rate):duration=\(seconds)", "-f", "lavfi", "-i",
            "sine=frequency=440:sample_rate=\(sampleRate):duration=\(seconds)", "-c:v", "libx264", "-preset", "ultrafast",
            "-pix_fmt", "yuv420p", "-c:a", "aac", "-ac", "\(channels)", "-shortest",
        ]
    }

    @Test(
        "duration, frames and stream parameters agree with ffprobe",
        arguments: [
            (2.0, 30, "160x90", 48000, 2, ["-movflags", "+faststart"], "mp4"),
            (1.5, 25, "320x180", 44100, 1, [], "mp4"),  // moov after mdat
            (1.0, 24, "160x90", 48000, 2, [], "mov"),
        ]
    )
    func agreesWithFFprobe(
        seconds: Double, rate: Int, size: String, sampleRate: Int, channels: Int, flags: [String], container: String
    ) async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let path = try await make(
            kit, "a.\(container)", lavfi(seconds: seconds, rate: rate, size: size, sampleRate: sampleRate, channels: channels) + flags
        )
        let summary = try #require(MP4Summary.read(path: path))
        let probed = try await MediaProbe(ffprobePath: MediaKit.ffprobe).probe(path, name: "file")
        #expect(abs(summary.duration - probed.duration) < 0.001)
        let video = try #require(summary.tracks.first { $0.handler == "vide" })
        let audio = try #require(summary.tracks.first { $0.handler == "soun" })
        #expect(video.codec == "avc1" && video.width == probed.width && video.height == probed.height)
        #expect(video.sampleCount == probed.frameCount && abs(Double(video.sampleCount) - seconds * Double(rate)) <= 1)
        #expect(audio.codec == "mp4a" && audio.sampleRate == sampleRate && probed.channels == channels)

        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(summary.sizeBytes == size)
        var derived = try #require(summary.mediaInfo(copyOf: probed))
        #expect(abs(derived.duration - probed.duration) < 0.001)
        derived.duration = probed.duration
        #expect(derived == probed)
    }

    @Test("a stream copy whose tracks differ from the source's is not vouched for")
    func mismatchedSource() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let path = try await make(kit, "a.mp4", lavfi(seconds: 1, rate: 30))
        let summary = try #require(MP4Summary.read(path: path))
        let probed = try await MediaProbe(ffprobePath: MediaKit.ffprobe).probe(path, name: "file")
        var wider = probed
        wider.width = 320
        var silent = probed
        silent.audioCodec = nil
        var resampled = probed
        resampled.sampleRate = 44100
        for source in [wider, silent, resampled] {
            #expect(summary.mediaInfo(copyOf: source) == nil)
        }
    }

    @Test("files that are not MP4, or are cut short, give nil")
    func unreadable() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let webm = try await make(
            kit, "a.webm", ["-f", "lavfi", "-i", "testsrc2=size=160x90:rate=10:duration=1", "-c:v", "libvpx", "-deadline", "realtime"]
        )
        #expect(MP4Summary.read(path: webm) == nil)
        let mp4 = try await make(kit, "b.mp4", lavfi(seconds: 1, rate: 30))  // moov at the end
        let bytes = try Data(contentsOf: URL(fileURLWithPath: mp4))
        let cut = kit.folder.appendingPathComponent("cut.mp4")
        try bytes.prefix(bytes.count - 200).write(to: cut)
        #expect(MP4Summary.read(path: cut.path) == nil)
        let noise = kit.folder.appendingPathComponent("noise.mp4")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: noise)
        #expect(MP4Summary.read(path: noise.path) == nil)
        #expect(MP4Summary.read(path: kit.folder.appendingPathComponent("missing.mp4").path) == nil)
    }
}
