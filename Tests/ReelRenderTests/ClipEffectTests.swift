import Foundation
import ReelCore
import ReelObjects
import ReelRender
import Testing

/// Per-clip speed, reverse, crop, rotation, flip, looks and fades, each rendered for real and
/// measured with ffprobe and frames decoded by ffmpeg.
@Suite("Clip effects", .serialized)
struct ClipEffectTests {
    func output(_ resolution: String = "160x90") -> OutputSettings {
        OutputSettings(resolution: resolution, fps: 30, bitrate: Bitrate(bitsPerSecond: 600_000))
    }

    /// The stored file behind an `asset://` URL the kit made.
    func file(_ kit: MediaKit, _ asset: String) -> URL {
        kit.objects.root.appendingPathComponent(ObjectKeys.asset(UUID(uuidString: String(asset.dropFirst("asset://".count)))!))
    }

    /// A still-image source split in two halves, `first` (left or top) and `second`.
    func halves(_ kit: MediaKit, vertical: Bool) async throws -> String {
        let box = vertical ? "x=0:y=45:w=160:h=45" : "x=80:y=0:w=80:h=90"
        return try await kit.asset(
            "halves-\(vertical).mp4",
            [
                "-f", "lavfi", "-i", "color=c=white:size=160x90:rate=30:duration=2,drawbox=\(box):c=black:t=fill", "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p",
            ]
        )
    }

    @Test("2× speed fills the slot with twice the source time, audio included; 0.5× with half")
    func speed() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let source = try await kit.video(seconds: 6)
        let fast = try await kit.render(
            CompositionRequest(title: "fast", clips: [Clip(videoURL: source, startTime: 0, endTime: 2, speed: 2)], output: output()))
        let probe = try await MediaKit.probe(fast.1)
        MediaKit.expectFrameAccurate(probe, duration: 2, fps: 30, sourceLocation: #_sourceLocation)
        #expect(fast.0.appliedEffects.contains("speed"))
        // One output second shows source second two, not one.
        let shown = try await MediaKit.frame(fast.1, at: 1)
        let expected = try await MediaKit.psnr(shown, MediaKit.frame(file(kit, source), at: 2))
        let unsped = try await MediaKit.psnr(shown, MediaKit.frame(file(kit, source), at: 1))
        #expect(expected > 28 && expected > unsped + 8, "at 1 s: vs source 2 s \(expected) dB, vs source 1 s \(unsped) dB")
        #expect(try await MediaKit.meanVolume(fast.1, from: 0.2, to: 1.8) > -30, "the sped-up tone is heard")
        let pitch = try await MediaKit.toneFrequency(fast.1, from: 0.3, to: 1.7)
        #expect(abs(pitch - 440) < 15, "the 440 Hz tone keeps its pitch at 2× (\(pitch) Hz; 880 if it did not)")

        let slow = try await kit.render(
            CompositionRequest(
                title: "slow", clips: [Clip(videoURL: source, startTime: 0, endTime: 2, trimStart: 1, speed: 0.5)], output: output()))
        MediaKit.expectFrameAccurate(try await MediaKit.probe(slow.1), duration: 2, fps: 30, sourceLocation: #_sourceLocation)
        let slowShown = try await MediaKit.frame(slow.1, at: 1)
        #expect(try await MediaKit.psnr(slowShown, MediaKit.frame(file(kit, source), at: 1.5)) > 28)
        #expect(try await MediaKit.meanVolume(slow.1, from: 0.2, to: 1.8) > -30)
        let slowPitch = try await MediaKit.toneFrequency(slow.1, from: 0.3, to: 1.7)
        #expect(abs(slowPitch - 440) < 15, "and at 0.5× (\(slowPitch) Hz)")
    }

    @Test("reverse: the first output frame is the source's last, across runs and segments")
    func reverse() async throws {
        let kit = try MediaKit.make(settings: ["REEL_SEGMENT_SECONDS": "2"])
        defer { kit.cleanUp() }
        let source = try await kit.video(seconds: 5)
        let (result, file) = try await kit.render(
            CompositionRequest(
                title: "back",
                clips: [
                    Clip(videoURL: source, startTime: 0, endTime: 1),
                    Clip(videoURL: source, startTime: 1, endTime: 6, reverse: true),
                ],
                output: output()
            )
        )
        MediaKit.expectFrameAccurate(try await MediaKit.probe(file), duration: 6, fps: 30, sourceLocation: #_sourceLocation)
        #expect(result.appliedEffects.contains("reverse"))
        let sourceFile = self.file(kit, source)
        // Output 1 s + k frames shows source frame 149 − k (5 s at 30 fps), runs and segment seams included.
        for k in [0, 29, 30, 59, 60, 61, 90, 149] {
            let shown = try await MediaKit.frame(file, at: 1 + Double(k) / 30)
            let expected = try await MediaKit.frame(sourceFile, at: Double(149 - k) / 30)
            let forward = try await MediaKit.frame(sourceFile, at: Double(k) / 30)
            let match = MediaKit.psnr(shown, expected)
            #expect(match > 28 && match > MediaKit.psnr(shown, forward) + 5, "frame \(k): \(match) dB")
        }
        #expect(try await MediaKit.meanVolume(file, from: 1.2, to: 5.8) > -30, "the reversed tone is heard")
    }

    @Test("crop keeps the chosen part; rotate turns it; flip mirrors it")
    func cropRotateFlip() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let leftWhite = try await halves(kit, vertical: false)
        let topWhite = try await halves(kit, vertical: true)
        let right = try await kit.render(
            CompositionRequest(
                title: "crop",
                clips: [Clip(videoURL: leftWhite, startTime: 0, endTime: 1, fit: .cover, crop: Crop(x: 0.5, width: 0.5))],
                output: output()
            )
        )
        #expect(try await MediaKit.meanLuma(right.1, at: 0.5) < 25, "the right half is black")
        let left = try await kit.render(
            CompositionRequest(
                title: "crop",
                clips: [Clip(videoURL: leftWhite, startTime: 0, endTime: 1, fit: .cover, crop: Crop(width: 0.5))], output: output()))
        #expect(try await MediaKit.meanLuma(left.1, at: 0.5) > 225, "the left half is white")

        // 160x90 turned clockwise fills a 90x160 frame: its white top is now the right side.
        let turned = try await kit.render(
            CompositionRequest(
                title: "rotate", clips: [Clip(videoURL: topWhite, startTime: 0, endTime: 1, rotate: 90)], output: output("90x160")))
        let probe = try await MediaKit.probe(turned.1)
        #expect(probe.width == 90 && probe.height == 160)
        #expect(try await MediaKit.meanLuma(turned.1, at: 0.5, crop: "40:160:50:0") > 225, "right side white")
        #expect(try await MediaKit.meanLuma(turned.1, at: 0.5, crop: "40:160:0:0") < 25, "left side black")
        #expect(turned.0.appliedEffects.contains("rotate_90"))
        let counter = try await kit.render(
            CompositionRequest(
                title: "rotate", clips: [Clip(videoURL: topWhite, startTime: 0, endTime: 1, rotate: 270)], output: output("90x160")))
        #expect(try await MediaKit.meanLuma(counter.1, at: 0.5, crop: "40:160:0:0") > 225, "270°: left side white")

        let mirrored = try await kit.render(
            CompositionRequest(
                title: "flip", clips: [Clip(videoURL: leftWhite, startTime: 0, endTime: 1, flip: .horizontal)], output: output()))
        #expect(try await MediaKit.meanLuma(mirrored.1, at: 0.5, crop: "70:90:0:0") < 25, "flipped: left black")
        #expect(try await MediaKit.meanLuma(mirrored.1, at: 0.5, crop: "70:90:90:0") > 225, "flipped: right white")
        let upsideDown = try await kit.render(
            CompositionRequest(
                title: "half-turn", clips: [Clip(videoURL: topWhite, startTime: 0, endTime: 1, rotate: 180)], output: output()))
        #expect(try await MediaKit.meanLuma(upsideDown.1, at: 0.5, crop: "160:40:0:50") > 225, "180°: bottom white")
    }

    @Test("greyscale leaves the chroma planes flat; every look changes the picture and keeps the timeline")
    func looks() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let source = try await kit.video(seconds: 1)
        let plain = try await kit.render(
            CompositionRequest(title: "plain", clips: [Clip(videoURL: source, startTime: 0, endTime: 1)], output: output()))
        let plainFrame = try await MediaKit.frame(plain.1, at: 0.5)
        let plainChroma = try await MediaKit.planes(plain.1, at: 0.5).u
        #expect(plainChroma.contains { abs(Int($0) - 128) > 20 }, "the test pattern has colour")
        for look in Look.allCases {
            let (result, file) = try await kit.render(
                CompositionRequest(
                    title: look.rawValue, clips: [Clip(videoURL: source, startTime: 0, endTime: 1, look: look)], output: output())
            )
            MediaKit.expectFrameAccurate(try await MediaKit.probe(file), duration: 1, fps: 30, sourceLocation: #_sourceLocation)
            #expect(result.appliedEffects.contains("look_\(look.rawValue)"))
            let planes = try await MediaKit.planes(file, at: 0.5)
            let changed = MediaKit.difference(planes.y, plainFrame) + MediaKit.difference(planes.u, plainChroma)
            #expect(changed > 2, "\(look.rawValue) changed the frame by \(changed)")
            if look == .greyscale {
                let spread = (planes.u + planes.v).map { abs(Int($0) - 128) }.max() ?? 255
                #expect(spread <= 3, "greyscale chroma spread \(spread)")
            }
        }
    }

    @Test("fade_in and fade_out take the clip's picture and sound from and to black and silence")
    func fades() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let white = try await kit.asset(
            "white.mp4",
            [
                "-f", "lavfi", "-i", "color=c=white:size=160x90:rate=30:duration=4", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000:duration=4", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-shortest",
            ]
        )
        let (result, file) = try await kit.render(
            CompositionRequest(
                title: "fades", clips: [Clip(videoURL: white, startTime: 0, endTime: 4, fadeIn: 1, fadeOut: 1)], output: output()))
        MediaKit.expectFrameAccurate(try await MediaKit.probe(file), duration: 4, fps: 30, sourceLocation: #_sourceLocation)
        #expect(Set(["fade_in", "fade_out"]).isSubset(of: Set(result.appliedEffects)))
        let start = try await MediaKit.meanLuma(file, at: 0)
        let rising = try await MediaKit.meanLuma(file, at: 0.5)
        let full = try await MediaKit.meanLuma(file, at: 2)
        let end = try await MediaKit.meanLuma(file, at: 3.95)
        #expect(start < 30 && rising > start + 40 && full > rising + 40 && end < 40, "\(start) → \(rising) → \(full) → \(end)")
        let quiet = try await MediaKit.meanVolume(file, from: 0, to: 0.2)
        let loud = try await MediaKit.meanVolume(file, from: 1.5, to: 2.5)
        #expect(loud > quiet + 12, "sound fades in: \(quiet) → \(loud) dB")
    }
}
