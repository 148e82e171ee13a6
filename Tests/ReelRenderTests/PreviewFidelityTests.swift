import Foundation
import ReelCore
import ReelRender
import Testing

/// Preview frames against the same frames decoded from the final render, measured by ffmpeg's
/// own `psnr` filter: every effect, at times across pieces and seams, and every transition kind
/// at its midpoint.
@Suite("Preview fidelity", .serialized)
struct PreviewFidelityTests {
    /// ffmpeg's PSNR (dB) of two pictures of the same size, both in the render's own yuv420p
    /// (so the average weighs the planes as a frame of the video does).
    static func psnr(_ a: URL, _ b: URL) async throws -> Double {
        let outcome = try await ProcessRunner.run(
            MediaKit.ffmpeg,
            [
                "-hide_banner", "-nostdin", "-i", a.path, "-i", b.path, "-lavfi", "[0]format=yuv420p[a];[1]format=yuv420p[b];[a][b]psnr",
                "-f", "null", "-",
            ])
        guard let line = outcome.standardErrorTail.split(separator: "\n").last(where: { $0.contains("average:") }),
            let field = line.split(separator: " ").first(where: { $0.hasPrefix("average:") })
        else { throw RenderFailure("no PSNR in: \(outcome.standardErrorTail)") }
        let value = field.dropFirst("average:".count)
        return value == "inf" ? .infinity : Double(value) ?? 0
    }

    /// The render's frame `index` as a PNG.
    static func renderedFrame(_ file: URL, index: Int, fps: Double, folder: URL) async throws -> URL {
        let png = folder.appendingPathComponent("render-\(index).png")
        let outcome = try await ProcessRunner.run(
            MediaKit.ffmpeg,
            ["-v", "error", "-y", "-ss", String((Double(index) - 0.25) / fps), "-i", file.path, "-frames:v", "1", png.path])
        guard outcome.succeeded else { throw RenderFailure("frame \(index): \(outcome.standardErrorTail)") }
        return png
    }

    /// The PSNR of tile `tile` of a sheet against `frame`.
    static func psnr(sheet: URL, tile: FrameSheet.Tile, size: FrameSheet, _ frame: URL) async throws -> Double {
        let cropped = sheet.deletingLastPathComponent().appendingPathComponent("tile-\(tile.x)-\(tile.y).png")
        let outcome = try await ProcessRunner.run(
            MediaKit.ffmpeg,
            ["-v", "error", "-y", "-i", sheet.path, "-vf", "crop=\(size.tileWidth):\(size.tileHeight):\(tile.x):\(tile.y)", cropped.path])
        guard outcome.succeeded else { throw RenderFailure(outcome.standardErrorTail) }
        return try await psnr(cropped, frame)
    }

    /// Writes a preview and returns its file.
    static func preview(
        _ kit: MediaKit, _ request: CompositionRequest, times: [Double], width: Int, name: String
    ) async throws -> (URL, PreviewImage) {
        let image = try await kit.renderer.preview(request, times: times, width: width, format: .png)
        let file = kit.folder.appendingPathComponent("\(name).png")
        try image.pictures[0].write(to: file)
        return (file, image)
    }

    /// Sources made by lavfi and a composition with every effect; its output is encoded at a
    /// high bit rate, so what is measured is where and what each frame is, not the encoder's loss.
    func everyEffect(_ kit: MediaKit) async throws -> CompositionRequest {
        let a = try await kit.video(seconds: 6, size: "320x180")
        let b = try await kit.asset(
            "b.mp4",
            [
                "-f", "lavfi", "-i", "testsrc=size=320x180:rate=30:duration=5", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt",
                "yuv420p",
            ])
        let still = try await kit.asset("still.png", ["-f", "lavfi", "-i", "testsrc2=size=640x360", "-frames:v", "1"])
        let green = try await kit.asset(
            "green.mp4",
            [
                "-f", "lavfi", "-i", "color=c=0x00ff00:size=160x90:rate=30:duration=8", "-f", "lavfi", "-i",
                "testsrc=size=40x40:rate=30:duration=8", "-filter_complex", "[0][1]overlay=x='20+t*10':y=20", "-c:v", "libx264", "-preset",
                "ultrafast", "-pix_fmt", "yuv420p",
            ])
        let json = """
            {"title": "every effect",
             "clips": [
               {"video_url": "\(a)", "start_time": 0, "end_time": 2, "speed": 2, "fade_in": 0.5},
               {"video_url": "\(b)", "start_time": 2, "end_time": 4, "reverse": true, "transition": {"type": "dissolve", "duration": 0.5}},
               {"image_url": "\(still)", "start_time": 4, "end_time": 6, "zoom": "in", "transition": {"type": "wipeleft", "duration": 0.5}},
               {"video_url": "\(a)", "start_time": 6, "end_time": 8, "trim_start": 1, "crop": {"x": 0.1, "y": 0.1, "width": 0.6, "height": 0.6},
                "rotate": 90, "look": "sepia", "fade_out": 0.5, "transition": {"type": "circleopen", "duration": 0.6}}
             ],
             "overlays": [
               {"text": "Hello Reel", "position": "top_left", "start_time": 0.2, "end_time": 3, "font_size": 24,
                "animation": {"in": {"type": "slide_left", "duration": 1}, "out": {"type": "fade", "duration": 0.5}}},
               {"text": "typing along", "position": "center", "start_time": 5, "end_time": 7.5, "font_size": 20,
                "animation": {"in": {"type": "typewriter", "duration": 1}}},
               {"video_url": "\(green)", "position": "top_right", "start_time": 1, "end_time": 7, "scale": 0.4,
                "chroma_key": {"color": "#00ff00"}}
             ],
             "captions": {"cues": [{"start": 0.5, "end": 2.5, "text": "First caption"}, {"start": 3, "end": 5.5, "text": "Second one"}]},
             "output": {"resolution": "320x180", "fps": 30, "bitrate": "8M"}}
            """
        return try JSONDecoder().decode(CompositionRequest.self, from: Data(json.utf8))
    }

    @Test("24 frames of a composition using every effect match the render's (≥ 33 dB)")
    func everyEffectFrames() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let request = try await everyEffect(kit)
        let (_, rendered) = try await kit.render(request)
        let times = [
            0, 0.25, 0.5, 1.0, 1.5, 1.97, 2.0, 2.25, 2.49, 2.5, 3.0, 3.5, 3.97, 4.0, 4.25, 4.75, 5.0, 5.5, 6.0, 6.3, 6.6, 7.0, 7.5, 7.97,
        ]
        var report: [String] = []
        for time in times {
            let (file, image) = try await Self.preview(kit, request, times: [time], width: 320, name: "at-\(time)")
            let index = Int(clamping: (image.sheet.tiles[0].frameTime * 30).rounded())
            let score = try await Self.psnr(file, Self.renderedFrame(rendered, index: index, fps: 30, folder: kit.folder))
            report.append("\(time): \(String(format: "%.1f", score)) dB")
            #expect(score >= 33, "at \(time) s (frame \(index)): \(score) dB")
        }
        print("preview fidelity:", report.joined(separator: ", "))
    }

    @Test("every transition kind at its midpoint, from two sheets, matches the render's frame")
    func transitionMidpoints() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let a = try await kit.video(seconds: 2, size: "320x180", audio: false)
        let b = try await kit.asset(
            "b.mp4",
            [
                "-f", "lavfi", "-i", "testsrc=size=320x180:rate=30:duration=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt",
                "yuv420p",
            ])
        let kinds = TransitionKind.names.subtracting(["cut"]).sorted()
        let slot = 0.6
        let clips = (0...kinds.count).map { index in
            Clip(
                videoURL: index % 2 == 0 ? a : b, startTime: Double(index) * slot, endTime: Double(index + 1) * slot,
                trimStart: index % 2 == 0 ? 0.2 : 0.5, transition: index == 0 ? nil : Transition(type: kinds[index - 1], duration: 0.4))
        }
        let request = CompositionRequest(
            title: "transitions", clips: clips,
            output: OutputSettings(resolution: "320x180", fps: 30, bitrate: Bitrate(bitsPerSecond: 8_000_000)))
        let (_, rendered) = try await kit.render(request)
        // A transition on clip k plays over [start_k, start_k + 0.4): its midpoint is 0.2 s in.
        let midpoints = kinds.indices.map { Double($0 + 1) * slot + 0.2 }
        var weakest = (kind: "", score: Double.infinity)
        for (part, chunk) in [midpoints.prefix(32), midpoints.dropFirst(32)].enumerated() {
            let (sheet, image) = try await Self.preview(kit, request, times: Array(chunk), width: 320, name: "sheet\(part)")
            #expect(image.sheet.tiles.count == chunk.count)
            for (offset, tile) in image.sheet.tiles.enumerated() {
                let kind = kinds[part * 32 + offset]
                let index = Int(clamping: (tile.frameTime * 30).rounded())
                let frame = try await Self.renderedFrame(rendered, index: index, fps: 30, folder: kit.folder)
                let score = try await Self.psnr(sheet: sheet, tile: tile, size: image.sheet, frame)
                #expect(score >= 33, "\(kind) at \(tile.time) s: \(score) dB")
                if score < weakest.score { weakest = (kind, score) }
            }
        }
        print("transition midpoints: weakest \(weakest.kind) \(String(format: "%.1f", weakest.score)) dB")
    }

    @Test(
        "sources at other frame rates, slowed, sped up and reversed: every frame is the render's",
        arguments: [
            ("24 fps source, 30 fps output", 24, 30.0, 1.0, false), ("25 fps source, 29.97 fps output", 25, 29.97, 1.0, false),
            ("30 fps source, 60 fps output", 30, 60.0, 1.0, false), ("speed 0.25", 24, 30.0, 0.25, false),
            ("speed 0.3, reversed", 30, 30.0, 0.3, true), ("speed 1.5, reversed", 24, 30.0, 1.5, true),
        ])
    func frameRates(name: String, sourceFPS: Int, fps: Double, speed: Double, reverse: Bool) async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let source = try await kit.video(seconds: 8, size: "160x90", fps: sourceFPS, audio: false)
        let other = try await kit.video(seconds: 8, size: "160x90", fps: 30, audio: false)
        // A second clip and a transition, so frames come from spans, a blend and pieces after it.
        let request = CompositionRequest(
            title: name,
            clips: [
                Clip(videoURL: source, startTime: 0, endTime: 2.5, trimStart: 0.5, speed: speed, reverse: reverse),
                Clip(videoURL: other, startTime: 2, endTime: 3.2, transition: Transition(type: "wipeleft", duration: 0.5)),
            ],
            output: OutputSettings(resolution: "160x90", fps: fps, bitrate: Bitrate(bitsPerSecond: 4_000_000)))
        let (_, rendered) = try await kit.render(request)
        let frames = Int(clamping: (3.2 * fps).rounded(.down))
        var mismatched: [String] = []
        for index in stride(from: 0, to: frames, by: 5) {
            let time = Double(index) / fps + 0.1 / fps
            let (file, image) = try await Self.preview(kit, request, times: [time], width: 160, name: "f\(index)")
            let shown = Int(clamping: (image.sheet.tiles[0].frameTime * fps).rounded())
            let score = try await Self.psnr(file, Self.renderedFrame(rendered, index: shown, fps: fps, folder: kit.folder))
            if score < 33 { mismatched.append("frame \(shown): \(String(format: "%.1f", score)) dB") }
        }
        #expect(mismatched.isEmpty, "\(name): \(mismatched.joined(separator: ", "))")
    }
}
