import Foundation
import ReelCore
import ReelObjects
import ReelRender
import Testing

/// The editor-grade features, each rendered for real and checked frame-accurately.
@Suite("Rendering features", .serialized)
struct RenderFeatureTests {
    func output(_ resolution: String = "160x90", fps: Double = 30) -> OutputSettings {
        OutputSettings(resolution: resolution, fps: fps, bitrate: Bitrate(bitsPerSecond: 300_000))
    }

    func expectFrameAccurate(_ probe: MediaKit.Probe, duration: Double, fps: Double = 30, sourceLocation: SourceLocation = #_sourceLocation)
    {
        MediaKit.expectFrameAccurate(probe, duration: duration, fps: fps, sourceLocation: sourceLocation)
    }

    static let transitions = [
        "fade", "dissolve", "fadeblack", "fadewhite", "wipeleft", "wiperight", "wipeup", "wipedown", "slideleft", "slideright",
        "slideup", "slidedown", "circleopen", "circleclose", "radial", "smoothleft", "smoothright", "pixelize", "zoomin", "cut",
    ]

    @Test("every transition keeps the timeline frame-accurate, overlapping or touching")
    func transitionMatrix() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let a = try await kit.video(seconds: 3)
        let b = try await kit.video(seconds: 3, tone: 660)
        for (number, type) in Self.transitions.enumerated() {
            let overlap = type != "cut" && number % 2 == 0
            let second = overlap ? 1.5 : 2.0
            let request = CompositionRequest(
                title: type,
                clips: [
                    Clip(videoURL: a, startTime: 0, endTime: 2),
                    Clip(videoURL: b, startTime: second, endTime: second + 1.5, transition: Transition(type: type, duration: 0.5)),
                    Clip(videoURL: a, startTime: second + 1.5, endTime: second + 2.5, transition: Transition(type: type, duration: 0.25)),
                ],
                output: output()
            )
            let (result, file) = try await kit.render(request)
            expectFrameAccurate(try await MediaKit.probe(file), duration: second + 2.5)
            #expect(result.appliedEffects.contains("transition_\(type)") == (type != "cut"), "\(type)")
        }
    }

    @Test("a fade to black really passes through black under the transition")
    func fadeBlackPassesThroughBlack() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let a = try await kit.video(seconds: 3)
        let request = CompositionRequest(
            title: "fb",
            clips: [
                Clip(videoURL: a, startTime: 0, endTime: 2),
                Clip(videoURL: a, startTime: 1, endTime: 3, transition: Transition(type: "fadeblack", duration: 1)),
            ],
            output: output()
        )
        let (_, file) = try await kit.render(request)
        var darkest = Double.infinity
        for time in stride(from: 1.05, to: 1.95, by: 0.1) { darkest = min(darkest, try await MediaKit.meanLuma(file, at: time)) }
        #expect(darkest < 5, "darkest frame under the transition: \(darkest)")
        #expect(try await MediaKit.meanLuma(file, at: 0.5) > 40)
        #expect(try await MediaKit.meanLuma(file, at: 2.5) > 40)
    }

    @Test("stills: cover crops, contain pads, zoom moves")
    func stills() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let white = try await kit.asset("white.png", ["-f", "lavfi", "-i", "color=c=white:size=100x100", "-frames:v", "1"])
        let pattern = try await kit.asset("pattern.png", ["-f", "lavfi", "-i", "testsrc2=size=320x180", "-frames:v", "1"])
        let cover = try await kit.render(
            CompositionRequest(title: "c", clips: [Clip(imageURL: white, startTime: 0, endTime: 1, fit: .cover)], output: output())
        )
        let contain = try await kit.render(
            CompositionRequest(title: "c", clips: [Clip(imageURL: white, startTime: 0, endTime: 1, fit: .contain)], output: output())
        )
        #expect(try await MediaKit.meanLuma(cover.1, at: 0.5) > 220)
        let padded = try await MediaKit.meanLuma(contain.1, at: 0.5)
        #expect(padded > 110 && padded < 160, "contain luma \(padded)")
        let zoomed = try await kit.render(
            CompositionRequest(title: "z", clips: [Clip(imageURL: pattern, startTime: 0, endTime: 2, zoom: .in)], output: output())
        )
        expectFrameAccurate(try await MediaKit.probe(zoomed.1), duration: 2)
        #expect(zoomed.0.appliedEffects.contains("zoom_in"))
        let first = try await MediaKit.frame(zoomed.1, at: 0.05)
        let last = try await MediaKit.frame(zoomed.1, at: 1.9)
        #expect(MediaKit.difference(first, last) > 5, "the frame should move under the zoom")
    }

    @Test("text with a background box fades in; an image watermark shows only in its window")
    func overlays() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let black = try await kit.asset(
            "black.mp4",
            [
                "-f", "lavfi", "-i", "color=c=black:size=160x90:rate=30:duration=3", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt",
                "yuv420p",
            ]
        )
        let logo = try await kit.asset("logo.png", ["-f", "lavfi", "-i", "color=c=white:size=40x40", "-frames:v", "1"])
        let request = CompositionRequest(
            title: "o",
            clips: [Clip(videoURL: black, startTime: 0, endTime: 3)],
            overlays: [
                Overlay(
                    text: "BOX", position: .topLeft, startTime: 0, endTime: 3, fontSize: 20, fontColor: "white", backgroundColor: "white",
                    fadeIn: 1),
                Overlay(imageURL: logo, position: .bottomRight, startTime: 2, endTime: 3, scale: 0.25, opacity: 1),
            ],
            output: output()
        )
        let (result, file) = try await kit.render(request)
        expectFrameAccurate(try await MediaKit.probe(file), duration: 3)
        #expect(Set(["text_background", "overlay_fade", "image_overlay"]).isSubset(of: Set(result.appliedEffects)))
        let fading = try await MediaKit.meanLuma(file, at: 0.2)
        let shown = try await MediaKit.meanLuma(file, at: 1.5)
        let withLogo = try await MediaKit.meanLuma(file, at: 2.5)
        #expect(shown > fading + 3, "fade-in: \(fading) → \(shown)")
        #expect(withLogo > shown + 3, "watermark after 2 s: \(shown) → \(withLogo)")
    }

    @Test("music is ducked under the voice-over")
    func ducking() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let silent = try await kit.video(seconds: 4, audio: false)
        let music = try await kit.asset("m.wav", ["-f", "lavfi", "-i", "sine=frequency=150:sample_rate=48000:duration=4"])
        let voice = try await kit.asset("v.wav", ["-f", "lavfi", "-i", "sine=frequency=3000:sample_rate=48000:duration=2"])
        let request = CompositionRequest(
            title: "duck",
            clips: [Clip(videoURL: silent, startTime: 0, endTime: 4)],
            audio: AudioSettings(musicURL: music, voiceoverURL: voice, musicVolume: 0.5, voiceoverVolume: 1, ducking: true),
            output: output()
        )
        let (result, file) = try await kit.render(request)
        expectFrameAccurate(try await MediaKit.probe(file), duration: 4)
        #expect(result.appliedEffects.contains("ducking"))
        let underVoice = try await MediaKit.meanVolume(file, from: 0.5, to: 1.5, filter: "lowpass=f=400,lowpass=f=400")
        let alone = try await MediaKit.meanVolume(file, from: 2.7, to: 3.7, filter: "lowpass=f=400,lowpass=f=400")
        #expect(alone - underVoice > 6, "music under voice \(underVoice) dB vs alone \(alone) dB")
    }

    @Test("a loudness target is met within 1.5 LU")
    func loudness() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let quiet = try await kit.asset(
            "quiet.mp4",
            [
                "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=30:duration=8", "-f", "lavfi", "-i",
                "anoisesrc=color=pink:amplitude=0.05:duration=8", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-shortest",
            ]
        )
        let request = CompositionRequest(
            title: "loud",
            clips: [Clip(videoURL: quiet, startTime: 0, endTime: 8)],
            audio: AudioSettings(loudnessTarget: -14),
            output: output()
        )
        let (result, file) = try await kit.render(request)
        expectFrameAccurate(try await MediaKit.probe(file), duration: 8)
        #expect(result.appliedEffects.contains("loudness_normalization"))
        let integrated = try await MediaKit.integratedLoudness(file)
        #expect(abs(integrated - -14) <= 1.5, "integrated loudness \(integrated) LUFS")
    }

    @Test(
        "aspect ratios and sizes",
        arguments: [("360p", "9:16", 360, 640), ("360p", "1:1", 360, 360), ("360p", "4:5", 360, 450), ("360p", "16:9", 640, 360)])
    func aspectRatios(resolution: String, aspect: String, width: Int, height: Int) async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let a = try await kit.video(seconds: 1)
        var settings = output(resolution)
        settings.aspectRatio = aspect
        let (_, file) = try await kit.render(
            CompositionRequest(title: "ar", clips: [Clip(videoURL: a, startTime: 0, endTime: 1, fit: .cover)], output: settings)
        )
        let probe = try await MediaKit.probe(file)
        #expect(probe.width == width && probe.height == height)
        expectFrameAccurate(probe, duration: 1)
    }

    @Test("quality presets trade size for quality; MOV carries H.264 and AAC")
    func qualityAndMOV() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let a = try await kit.video(seconds: 2, size: "320x180")
        var sizes: [Quality: Int] = [:]
        for quality in [Quality.low, .high] {
            let settings = OutputSettings(resolution: "320x180", format: .mov, fps: 30, quality: quality)
            let (result, file) = try await kit.render(
                CompositionRequest(title: "q", clips: [Clip(videoURL: a, startTime: 0, endTime: 2)], output: settings)
            )
            sizes[quality] = result.info.sizeBytes
            let probe = try await MediaKit.probe(file)
            #expect(probe.videoCodec == "h264" && probe.audioCodec == "aac")
            #expect(result.info.formatName.contains("mov"))
        }
        #expect((sizes[.high] ?? 0) > (sizes[.low] ?? 0) * 3 / 2, "\(sizes)")
    }

    @Test("phone video with rotation metadata and an 853x480 source")
    func rotationAndOddSize() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let plainFile = kit.folder.appendingPathComponent("plain.mp4")
        _ = try await ProcessRunner.run(
            MediaKit.ffmpeg,
            [
                "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=30:duration=2", "-f", "lavfi", "-i",
                "sine=duration=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                plainFile.path,
            ]
        )
        let rotated = try await kit.asset("rotated.mp4", ["-i", plainFile.path, "-c", "copy", "-metadata:s:v:0", "rotate=90"])
        let odd = try await kit.video(seconds: 1, size: "853x480")
        let (result, file) = try await kit.render(
            CompositionRequest(
                title: "phone",
                clips: [Clip(videoURL: rotated, startTime: 0, endTime: 2), Clip(videoURL: odd, startTime: 2, endTime: 3)],
                output: output("1280x720")
            )
        )
        let probe = try await MediaKit.probe(file)
        #expect(probe.width == 1280 && probe.height == 720)
        expectFrameAccurate(probe, duration: 3)
        let phone = try #require(result.inputs.first { $0.url == rotated })
        #expect(phone.info.width == 90 && phone.info.height == 160, "rotation applied to the probed size")
        let sides = try await MediaKit.meanLuma(file, at: 1, crop: "100:720:0:0")
        #expect(sides < 20, "a portrait source is pillarboxed: left edge luma \(sides)")
    }

    /// A source that already matches a 160x90, 30 fps H.264/AAC output, with a keyframe every second.
    func matchingSource(_ kit: MediaKit, seconds: Double, tone: Int) async throws -> String {
        try await kit.asset(
            "match-\(tone).mp4",
            [
                "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=30:duration=\(seconds)", "-f", "lavfi", "-i",
                "sine=frequency=\(tone):sample_rate=48000:duration=\(seconds)", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-g", "30", "-c:a", "aac", "-ar", "48000", "-ac", "2", "-shortest",
            ]
        )
    }

    @Test("matching sources cut on keyframes are joined by stream copy, frame-accurately")
    func fastPath() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let a = try await matchingSource(kit, seconds: 10, tone: 440)
        let b = try await matchingSource(kit, seconds: 10, tone: 880)
        let request = CompositionRequest(
            title: "fast",
            clips: [
                Clip(videoURL: a, startTime: 0, endTime: 5, trimStart: 0, trimEnd: 5),
                Clip(videoURL: b, startTime: 5, endTime: 10, trimStart: 0, trimEnd: 5),
            ],
            output: output()
        )
        let (result, file) = try await kit.render(request)
        #expect(result.appliedEffects == ["stream_copy"])
        #expect(result.warnings.contains { $0.contains("stream copy") })
        let probe = try await MediaKit.probe(file)
        expectFrameAccurate(probe, duration: 10)
        #expect(probe.width == 160 && probe.height == 90 && probe.videoCodec == "h264" && probe.audioCodec == "aac")
        #expect(try await MediaKit.meanVolume(file, from: 6, to: 7) > -40)
        // The output's info was read from its own boxes, not ffprobe: it must say what ffprobe says.
        var probed = try await MediaProbe(ffprobePath: MediaKit.ffprobe).probe(file.path, name: "output")
        #expect(abs(probed.duration - result.info.duration) < 0.001)
        probed.duration = result.info.duration
        #expect(result.info == probed)
    }

    @Test("a cut off a keyframe, or any filter, takes the full render instead")
    func fastPathDeclined() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let a = try await matchingSource(kit, seconds: 4, tone: 440)
        let offKeyframe = CompositionRequest(
            title: "slow",
            clips: [Clip(videoURL: a, startTime: 0, endTime: 1.5, trimStart: 0.5, trimEnd: 2)],
            output: output()
        )
        let (first, firstFile) = try await kit.render(offKeyframe)
        #expect(!first.appliedEffects.contains("stream_copy"))
        expectFrameAccurate(try await MediaKit.probe(firstFile), duration: 1.5)
        let withText = CompositionRequest(
            title: "slow",
            clips: [Clip(videoURL: a, startTime: 0, endTime: 2)],
            overlays: [Overlay(text: "hi")],
            output: output()
        )
        let (second, _) = try await kit.render(withText)
        #expect(!second.appliedEffects.contains("stream_copy"))
    }
}
