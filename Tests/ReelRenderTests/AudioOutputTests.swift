import Foundation
import ReelCore
import ReelObjects
import ReelRender
import Testing

/// Sound-only outputs: the timeline's audio mixed and encoded, its video never built.
@Suite("Audio-only outputs", .serialized)
struct AudioOutputTests {
    @Test(
        "mp3, m4a and wav carry the mixed timeline's sound alone, as long as the timeline",
        arguments: [(OutputFormat.mp3, "mp3"), (.m4a, "aac"), (.wav, "pcm_s16le")])
    func audioOnly(format: OutputFormat, codec: String) async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let a = try await kit.video(seconds: 3)
        let b = try await kit.video(seconds: 3, tone: 880)
        let still = try await kit.asset("still.png", ["-f", "lavfi", "-i", "color=c=red:size=64x64", "-frames:v", "1"])
        let music = try await kit.asset(
            "music.m4a", ["-f", "lavfi", "-i", "sine=frequency=220:sample_rate=44100:duration=2", "-c:a", "aac"])
        let request = CompositionRequest(
            title: "sound",
            clips: [
                Clip(videoURL: a, startTime: 0, endTime: 2.5),
                Clip(videoURL: b, startTime: 2, endTime: 4.5, transition: Transition(type: "fade", duration: 0.5), speed: 1.5),
                Clip(imageURL: still, startTime: 4.5, endTime: 5.5),
            ],
            audio: AudioSettings(musicURL: music, musicVolume: 0.3),
            overlays: [Overlay(text: "not drawn")],
            output: OutputSettings(format: format)
        )
        let (result, file) = try await kit.render(request)
        #expect(file.pathExtension == format.rawValue)
        let probe = try await MediaKit.probe(file)
        #expect(probe.videoCodec == nil, "no picture in \(format)")
        #expect(probe.audioCodec == codec)
        #expect(probe.sampleRate == 48_000 && probe.channels == 2)
        #expect(abs(probe.formatDuration - 5.5) < 0.06, "duration \(probe.formatDuration)")
        #expect(result.appliedEffects.contains("audio_only"))
        #expect(result.warnings.contains("overlays are not drawn in an audio-only output"))
        #expect(try await MediaKit.meanVolume(file, from: 0.5, to: 1.5) > -30, "the first clip is heard")
        #expect(try await MediaKit.meanVolume(file, from: 4.6, to: 5.4) > -40, "the music under the still is heard")
    }

    @Test("the audio-only plan decodes no video: no video filter, no video map")
    func noVideoWork() throws {
        let info = MediaInfo(
            formatName: "mov,mp4", duration: 3, videoCodec: "h264", width: 1920, height: 1080, fps: 30, pixelFormat: "yuv420p",
            audioCodec: "aac", sampleRate: 48_000, channels: 2)
        let request = CompositionRequest(
            title: "t",
            clips: [Clip(videoURL: "https://x.test/a.mp4", startTime: 0, endTime: 3, crop: Crop(width: 0.5), look: .sepia)],
            output: OutputSettings(format: .mp3))
        let plan = try FilterGraphBuilder(fontFile: "font.ttf").plan(
            for: request, timeline: Timeline(clips: request.clips),
            sources: ["https://x.test/a.mp4": RenderSource(url: "https://x.test/a.mp4", path: "/tmp/a.mp4", info: info)],
            outputPath: "/tmp/out.mp3")
        let graph = plan.arguments[plan.arguments.firstIndex(of: "-filter_complex")! + 1]
        for videoFilter in ["fps=", "scale=", "crop=", "colorchannelmixer", "setsar", ":v:0"] {
            #expect(!graph.contains(videoFilter), "\(videoFilter) in \(graph)")
        }
        #expect(plan.arguments.contains("libmp3lame") && !plan.arguments.contains("libx264"))
    }
}
