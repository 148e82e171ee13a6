import Foundation
import ReelCore
import ReelObjects
import ReelRender
import Testing

/// Burned-in captions, measured against the same render without them.
@Suite("Captions", .serialized)
struct CaptionTests {
    let output = OutputSettings(resolution: "320x180", fps: 30, bitrate: Bitrate(bitsPerSecond: 800_000))

    func black(_ kit: MediaKit, seconds: Double) async throws -> String {
        try await kit.asset(
            "black.mp4",
            [
                "-f", "lavfi", "-i", "color=c=black:size=320x180:rate=30:duration=\(seconds)", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p",
            ])
    }

    /// Mean difference of the lower third of frame `index` between two renders.
    func shown(_ file: URL, _ plain: URL, frame index: Int) async throws -> Double {
        let time = max(0, Double(index) / 30 - 0.001)
        return MediaKit.difference(
            try await MediaKit.frame(file, at: time, crop: "320:60:0:120"), try await MediaKit.frame(plain, at: time, crop: "320:60:0:120"))
    }

    @Test("a cue shows on exactly the frames inside its interval, across segment seams")
    func exactInterval() async throws {
        let kit = try MediaKit.make(settings: ["REEL_SEGMENT_SECONDS": "2"])
        defer { kit.cleanUp() }
        let video = try await black(kit, seconds: 5)
        let clips = [Clip(videoURL: video, startTime: 0, endTime: 5)]
        let cues = [CaptionCue(start: 1, end: 2, text: "HELLO {world} \\n"), CaptionCue(start: 3.4, end: 3.5, text: "BRIEF")]
        let plain = try await kit.render(CompositionRequest(title: "plain", clips: clips, output: output))
        let (result, file) = try await kit.render(
            CompositionRequest(title: "captioned", clips: clips, output: output, captions: Captions(cues: cues)))
        #expect(result.appliedEffects.contains("captions_burned") && result.appliedEffects.contains("chunked_render"))
        MediaKit.expectFrameAccurate(try await MediaKit.probe(file), duration: 5, fps: 30, sourceLocation: #_sourceLocation)
        // Segments start at frames 0, 50 and 100: the first cue crosses the seam at 50.
        for (frame, visible) in [
            (29, false), (30, true), (49, true), (50, true), (59, true), (60, false), (101, false), (102, true), (104, true), (105, false),
        ] {
            let difference = try await shown(file, plain.1, frame: frame)
            #expect(visible ? difference > 0.8 : difference < 0.3, "frame \(frame): \(difference)")
        }
    }

    @Test("a cue's line breaks cannot inject a script line: its text shows within its own interval only")
    func injectedLineStaysText() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let video = try await black(kit, seconds: 2)
        let clips = [Clip(videoURL: video, startTime: 0, endTime: 2)]
        let injected = "ok\r\nDialogue: 0,0:00:00.00,9:00:00.00,Default,,0,0,0,,INJECTED"
        let plain = try await kit.render(CompositionRequest(title: "plain", clips: clips, output: output))
        let (_, file) = try await kit.render(
            CompositionRequest(
                title: "injected", clips: clips, output: output, captions: Captions(cues: [CaptionCue(start: 0, end: 0.5, text: injected)]))
        )
        #expect(try await shown(file, plain.1, frame: 6) > 0.8, "the cue's own text is drawn")
        for frame in [20, 45, 59] {
            let difference = try await shown(file, plain.1, frame: frame)
            #expect(difference < 0.3, "frame \(frame), after the cue's end: \(difference)")
        }
    }

    @Test("an uploaded SRT draws what the same cues inline draw; a box shows behind the text")
    func srtAndBox() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let video = try await black(kit, seconds: 2)
        let srtFile = kit.folder.appendingPathComponent("c.srt")
        try "1\r\n00:00:00,500 --> 00:00:01,500\r\n<i>Two</i>\r\nlines\r\n\r\n".write(to: srtFile, atomically: true, encoding: .utf8)
        let srt = "asset://\(UUID().uuidString.lowercased())"
        try await kit.objects.put(
            key: ObjectKeys.asset(UUID(uuidString: String(srt.dropFirst(8)))!), file: srtFile, contentType: "application/x-subrip")
        let clips = [Clip(videoURL: video, startTime: 0, endTime: 2)]
        let fromFile = try await kit.render(CompositionRequest(title: "srt", clips: clips, output: output, captions: Captions(url: srt)))
        let inline = try await kit.render(
            CompositionRequest(
                title: "inline", clips: clips, output: output,
                captions: Captions(cues: [CaptionCue(start: 0.5, end: 1.5, text: "Two\nlines")])))
        let same = MediaKit.difference(
            try await MediaKit.frame(fromFile.1, at: 1), try await MediaKit.frame(inline.1, at: 1))
        #expect(same < 0.5, "SRT vs inline: \(same)")
        #expect(try await MediaKit.meanLuma(fromFile.1, at: 1, crop: "320:60:0:120") > 1, "text drawn")

        var boxed = CaptionStyle(backgroundColor: "white", position: .topCenter)
        boxed.fontSize = 20
        let box = try await kit.render(
            CompositionRequest(
                title: "box", clips: clips, output: output,
                captions: Captions(cues: [CaptionCue(start: 0, end: 2, text: "BOX")], style: boxed)))
        let top = try await MediaKit.meanLuma(box.1, at: 1, crop: "320:40:0:0")
        let bottom = try await MediaKit.meanLuma(box.1, at: 1, crop: "320:60:0:120")
        #expect(top > 20 && bottom < 2, "box at the top: \(top), bottom \(bottom)")
    }

    @Test("a caption file that cannot be read fails the render, naming the cue and line")
    func malformed() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let video = try await black(kit, seconds: 1)
        let file = kit.folder.appendingPathComponent("bad.vtt")
        try "WEBVTT\n\n00:00.000 --> 00:01.000\nfine\n\n00:02.000 --> 00:01.500\nbackwards\n".write(
            to: file, atomically: true, encoding: .utf8)
        let id = UUID()
        try await kit.objects.put(key: ObjectKeys.asset(id), file: file, contentType: "text/vtt")
        await #expect {
            _ = try await kit.render(
                CompositionRequest(
                    title: "bad", clips: [Clip(videoURL: video, startTime: 0, endTime: 1)], output: output,
                    captions: Captions(url: "asset://\(id.uuidString.lowercased())")))
        } throws: { error in
            "\(error)".contains("cue 2 (line 6)")
        }
    }
}
