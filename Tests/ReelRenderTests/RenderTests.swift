import Foundation
import ReelCore
import ReelObjects
import ReelRender
import ReelTestSupport
import Testing

/// Renders with the real ffmpeg on tiny generated media and checks the files with ffprobe.
@Suite("Rendering with ffmpeg", .serialized)
struct RenderTests {
    static let frame = 1.0 / 30

    func output(_ resolution: String = "160x90", format: OutputFormat = .mp4, fps: Double = 30) -> OutputSettings {
        OutputSettings(resolution: resolution, format: format, fps: fps, bitrate: Bitrate(bitsPerSecond: 300_000))
    }

    /// Duration, size, rate, codecs, frames and audio length as a composition of `duration` must have.
    func expectConforms(
        _ probe: MediaKit.Probe, duration: Double, width: Int = 160, height: Int = 90, fps: Double = 30,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        MediaKit.expectFrameAccurate(probe, duration: duration, fps: fps, sourceLocation: sourceLocation)
        #expect(probe.width == width && probe.height == height, sourceLocation: sourceLocation)
        #expect(abs((probe.fps ?? 0) - fps) < 0.01, sourceLocation: sourceLocation)
        #expect(probe.videoCodec == "h264", sourceLocation: sourceLocation)
        #expect(probe.audioCodec == "aac", sourceLocation: sourceLocation)
        #expect(probe.sampleRate == 48000 && probe.channels == 2, sourceLocation: sourceLocation)
    }

    @Test("two clips with trims, back to back")
    func twoClips() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let a = try await kit.video(seconds: 3)
        let b = try await kit.video(seconds: 3, tone: 880)
        let request = CompositionRequest(
            title: "two",
            clips: [
                Clip(videoURL: a, startTime: 0, endTime: 1.5, trimStart: 0.5, trimEnd: 2),
                Clip(videoURL: b, startTime: 1.5, endTime: 3, trimStart: 1, trimEnd: 2.5),
            ],
            output: output()
        )
        let (result, file) = try await kit.render(request)
        expectConforms(try await MediaKit.probe(file), duration: 3)
        #expect(result.info.duration > 2.9)
        #expect(result.inputs.count == 2)
        #expect(result.appliedEffects.contains("trim"))
        let scratch = try FileManager.default.contentsOfDirectory(atPath: kit.renderer.scratchRoot.path)
        #expect(scratch.isEmpty, "scratch files left: \(scratch)")
    }

    @Test("a source without audio gets silence; a short source holds its last frame")
    func silentAndShort() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let silent = try await kit.video(seconds: 1, audio: false)
        let request = CompositionRequest(
            title: "hold",
            clips: [Clip(videoURL: silent, startTime: 0, endTime: 2.5)],
            output: output()
        )
        let (result, file) = try await kit.render(request)
        expectConforms(try await MediaKit.probe(file), duration: 2.5)
        #expect(result.appliedEffects.contains("hold_last_frame"))
        #expect(!result.warnings.isEmpty)
        #expect(try await MediaKit.meanLuma(file, at: 2.2) > 30)
    }

    @Test("gaps are black with silence")
    func gaps() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let a = try await kit.video(seconds: 2)
        let request = CompositionRequest(
            title: "gap",
            clips: [Clip(videoURL: a, startTime: 0, endTime: 1), Clip(videoURL: a, startTime: 2, endTime: 3)],
            output: output()
        )
        let (_, file) = try await kit.render(request)
        expectConforms(try await MediaKit.probe(file), duration: 3)
        #expect(try await MediaKit.meanLuma(file, at: 1.5) < 20)
        #expect(try await MediaKit.meanLuma(file, at: 0.5) > 30)
        #expect(try await MediaKit.meanVolume(file, from: 1.2, to: 1.8) < -80)
        #expect(try await MediaKit.meanVolume(file, from: 0.2, to: 0.8) > -40)
    }

    @Test("awkward sources are normalised: mono 22.05 kHz, 60 fps, odd size, no audio")
    func awkwardSources() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let mono = try await kit.asset(
            "mono.mp4",
            [
                "-f", "lavfi", "-i", "testsrc2=size=171x97:rate=60:duration=1.5", "-f", "lavfi", "-i",
                "sine=frequency=300:sample_rate=22050:duration=1.5", "-ac", "1", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv444p", "-c:a", "aac", "-shortest",
            ]
        )
        let vfr = try await kit.asset(
            "vfr.mkv",
            [
                "-f", "lavfi", "-i", "testsrc2=size=200x200:rate=25:duration=2", "-vf", "setpts='PTS+0.02*sin(N)/TB'", "-c:v", "libx264",
                "-preset", "ultrafast",
            ]
        )
        let request = CompositionRequest(
            title: "awkward",
            clips: [
                Clip(videoURL: mono, startTime: 0, endTime: 1.5),
                Clip(videoURL: vfr, startTime: 1.5, endTime: 3, fit: .cover),
            ],
            output: output()
        )
        let (_, file) = try await kit.render(request)
        expectConforms(try await MediaKit.probe(file), duration: 3)
    }

    @Test("a still PNG with alpha is a clip of its slot's length")
    func stillImage() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let png = try await kit.asset(
            "still.png",
            ["-f", "lavfi", "-i", "color=c=red@0.5:size=64x48,format=rgba", "-frames:v", "1"]
        )
        let request = CompositionRequest(
            title: "still",
            clips: [Clip(imageURL: png, startTime: 0, endTime: 2)],
            output: output()
        )
        let (result, file) = try await kit.render(request)
        expectConforms(try await MediaKit.probe(file), duration: 2)
        #expect(result.appliedEffects.contains("still_image"))
    }

    @Test("text at all nine positions, any characters, colours by name and hex")
    func textOverlays() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let a = try await kit.video(seconds: 2)
        let texts = [
            #"it's "quoted""#, "a: b", "100% %{pts}", #"back\slash"#, "emoji 🎬", "semi;colon", "[brackets]", "comma, here", "plain",
        ]
        let overlays = zip(OverlayPosition.allCases, texts).enumerated().map { index, pair in
            Overlay(
                text: pair.1, position: pair.0, startTime: 0, endTime: 2, fontSize: 10, fontColor: index % 2 == 0 ? "yellow" : "#00FF88")
        }
        let request = CompositionRequest(
            title: "text",
            clips: [Clip(videoURL: a, startTime: 0, endTime: 1), Clip(videoURL: a, startTime: 2, endTime: 2.5)],
            overlays: overlays,
            output: output("320x180")
        )
        let (result, file) = try await kit.render(request)
        expectConforms(try await MediaKit.probe(file), duration: 2.5, width: 320, height: 180)
        #expect(result.appliedEffects.contains("text_overlay"))
        #expect(try await MediaKit.meanLuma(file, at: 1.5) > 3, "text drawn over the black gap")
    }

    @Test("music loops to fill, voice-over and original audio mix at their volumes")
    func audioMix() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let silent = try await kit.video(seconds: 3, audio: false)
        let music = try await kit.asset(
            "music.mp3",
            ["-f", "lavfi", "-i", "sine=frequency=200:sample_rate=44100:duration=0.7"]
        )
        let voice = try await kit.asset(
            "voice.wav",
            ["-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=16000:duration=1"]
        )
        let request = CompositionRequest(
            title: "mix",
            clips: [Clip(videoURL: silent, startTime: 0, endTime: 3)],
            audio: AudioSettings(musicURL: music, voiceoverURL: voice, musicVolume: 0.5, voiceoverVolume: 1),
            output: output()
        )
        let (result, file) = try await kit.render(request)
        expectConforms(try await MediaKit.probe(file), duration: 3)
        #expect(result.appliedEffects.contains("music_loop") && result.appliedEffects.contains("voiceover"))
        #expect(try await MediaKit.meanVolume(file, from: 2.2, to: 2.9) > -40, "music still playing after its 0.7 s")
        let withVoice = try await MediaKit.meanVolume(file, from: 0.1, to: 0.9)
        let musicOnly = try await MediaKit.meanVolume(file, from: 2.1, to: 2.9)
        #expect(withVoice > musicOnly + 2, "voice-over louder than music alone: \(withVoice) vs \(musicOnly)")
    }

    @Test("a transition overlaps the slots it joins")
    func transition() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let a = try await kit.video(seconds: 3)
        let request = CompositionRequest(
            title: "fade",
            clips: [
                Clip(videoURL: a, startTime: 0, endTime: 2),
                Clip(videoURL: a, startTime: 1.5, endTime: 3.5, transition: Transition(type: "fadeblack", duration: 0.5)),
            ],
            output: output()
        )
        let (result, file) = try await kit.render(request)
        expectConforms(try await MediaKit.probe(file), duration: 3.5)
        #expect(result.appliedEffects.contains("transition_fadeblack"))
    }

    @Test("WebM and GIF outputs")
    func otherFormats() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let a = try await kit.video(seconds: 1)
        let webm = try await kit.render(
            CompositionRequest(title: "w", clips: [Clip(videoURL: a, startTime: 0, endTime: 1)], output: output(format: .webm))
        )
        let webmProbe = try await MediaKit.probe(webm.1)
        #expect(webmProbe.videoCodec == "vp9" && webmProbe.audioCodec == "opus")
        #expect(abs(webmProbe.formatDuration - 1) <= 2 * Self.frame)
        let gif = try await kit.render(
            CompositionRequest(title: "g", clips: [Clip(videoURL: a, startTime: 0, endTime: 1)], output: output(fps: 10).with(format: .gif))
        )
        let gifProbe = try await MediaKit.probe(gif.1)
        #expect(gifProbe.videoCodec == "gif" && gifProbe.audioCodec == nil)
        #expect(gifProbe.frames == 10)
    }

    @Test("a poster thumbnail is made beside the output")
    func thumbnail() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let a = try await kit.video(seconds: 1)
        var settings = output()
        settings.thumbnail = true
        let (result, _) = try await kit.render(
            CompositionRequest(title: "t", clips: [Clip(videoURL: a, startTime: 0, endTime: 1)], output: settings)
        )
        let thumbnail = try #require(result.thumbnail)
        #expect((try FileManager.default.attributesOfItem(atPath: thumbnail.path)[.size] as? Int) ?? 0 > 100)
    }

    @Test("unreadable or missing sources fail with a message naming them")
    func badSources() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let junk = kit.folder.appendingPathComponent("junk.mp4")
        try Data("this is not a video".utf8).write(to: junk)
        let id = UUID()
        try await kit.objects.put(key: ObjectKeys.asset(id), file: junk, contentType: "video/mp4")
        let junkURL = "asset://\(id.uuidString.lowercased())"
        do {
            _ = try await kit.render(CompositionRequest(title: "bad", clips: [Clip(videoURL: junkURL, startTime: 0, endTime: 1)]))
            Issue.record("rendered junk")
        } catch let failure as RenderFailure {
            #expect(failure.message.contains(junkURL))
            #expect(!failure.isTransient)
        }
        let missing = "asset://\(UUID().uuidString.lowercased())"
        do {
            _ = try await kit.render(CompositionRequest(title: "bad", clips: [Clip(videoURL: missing, startTime: 0, endTime: 1)]))
            Issue.record("rendered a missing asset")
        } catch let failure as RenderFailure {
            #expect(failure.message.contains(missing))
        }
        let scratch = try FileManager.default.contentsOfDirectory(atPath: kit.renderer.scratchRoot.path)
        #expect(scratch.isEmpty)
    }

    @Test("private and loopback hosts are refused unless allowed")
    func addressGuard() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        for url in ["http://127.0.0.1:9/a.mp4", "http://10.1.2.3/a.mp4", "http://169.254.169.254/latest", "http://[::1]/a.mp4"] {
            do {
                _ = try await kit.renderer.fetcher.fetch(url)
                Issue.record("fetched \(url)")
            } catch let failure as RenderFailure {
                #expect(failure.message.contains("REEL_ALLOW_PRIVATE_SOURCES"), "\(failure.message)")
            }
        }
        #expect(AddressGuard.isInternal([8, 8, 8, 8]) == false)
        #expect(AddressGuard.isInternal([172, 20, 0, 1]))
        #expect(AddressGuard.isInternal([100, 64, 0, 1]))
    }

    @Test(
        "every address that reaches inside is internal, in any notation",
        arguments: [
            "127.0.0.1", "10.0.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.100.100.200", "0.0.0.0",
            "198.18.0.1", "198.19.255.255", "192.0.0.8", "192.0.2.1", "203.0.113.9", "224.0.0.1", "255.255.255.255",
            "::", "::1", "::127.0.0.1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:0:7f00:1", "::ffff:0:8.8.8.8", "::ffff:0:0:7f00:1",
            "::ffff:ffff:0:7f00:1", "::ffff:8.8.8.8", "64:ff9b::7f00:1",
            "64:ff9b::a9fe:a9fe",
            "64:ff9b:1::1", "2002:7f00:1::", "2002:0808:0808::", "2001:0:4136:e378::1", "2001:db8::1", "fc00::1",
            "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1", "100::1",
        ])
    func internalAddresses(text: String) throws {
        #expect(AddressGuard.isInternal(try #require(Self.bytes(text))), "\(text)")
    }

    @Test("public addresses pass", arguments: ["8.8.8.8", "1.1.1.1", "198.20.0.1", "2606:4700:4700::1111", "2a00:1450:4001::1"])
    func publicAddresses(text: String) throws {
        #expect(!AddressGuard.isInternal(try #require(Self.bytes(text))), "\(text)")
    }

    static func bytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }

    @Test("cancelling a render stops ffmpeg within a second and leaves no files", .tags(.timed), .apart, .timeLimit(.minutes(2)))
    func cancellation() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let a = try await kit.video(seconds: 10, size: "640x360")
        let request = CompositionRequest(
            title: "long",
            clips: [Clip(videoURL: a, startTime: 0, endTime: 60, trimEnd: 10)],
            output: OutputSettings(resolution: "1080p", fps: 60)
        )
        let clock = ContinuousClock()
        var stoppedAfter: Duration = .zero
        // Cancelled once ffmpeg is encoding (its first progress), not after a guessed delay.
        let (encoding, started) = AsyncStream<Void>.makeStream()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                _ = try? await kit.renderer.render(id: UUID(), request: request) { stage, fraction in
                    if stage == .rendering, fraction > 0 { started.yield() }
                } deliver: { _ in
                }
            }
            for await _ in encoding { break }
            let cancelledAt = clock.now
            group.cancelAll()
            await group.waitForAll()
            stoppedAfter = clock.now - cancelledAt
        }
        #expect(stoppedAfter < .seconds(1), "stopped after \(stoppedAfter)")
        let scratch = try FileManager.default.contentsOfDirectory(atPath: kit.renderer.scratchRoot.path)
        #expect(scratch.isEmpty)
    }
}

extension OutputSettings {
    func with(format: OutputFormat) -> OutputSettings {
        var copy = self
        copy.format = format
        return copy
    }
}
