import Foundation
import ReelCore
import ReelRender
import Testing

/// Picture-in-picture video overlays, chroma keying, and overlays that continue across segments.
@Suite("Video overlays and keying", .serialized)
struct VideoOverlayTests {
    let output = OutputSettings(resolution: "320x180", fps: 30, bitrate: Bitrate(bitsPerSecond: 800_000))

    func solid(_ kit: MediaKit, _ color: String, seconds: Double, tone: Int? = nil, draw: String = "") async throws -> String {
        var arguments = ["-f", "lavfi", "-i", "color=c=\(color):size=320x180:rate=30:duration=\(seconds)\(draw)"]
        if let tone { arguments += ["-f", "lavfi", "-i", "sine=frequency=\(tone):sample_rate=48000:duration=\(seconds)"] }
        arguments += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
        if tone != nil { arguments += ["-c:a", "aac", "-shortest"] }
        return try await kit.asset("\(color)-\(UUID().uuidString.prefix(4)).mp4", arguments)
    }

    @Test("a video overlay shows in its window at its place, and its sound is mixed in there only")
    func pictureInPicture() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let main = try await solid(kit, "black", seconds: 3)
        let inset = try await solid(kit, "white", seconds: 3, tone: 880)
        let (result, file) = try await kit.render(
            CompositionRequest(
                title: "pip", clips: [Clip(videoURL: main, startTime: 0, endTime: 3)],
                overlays: [
                    Overlay(videoURL: inset, trimStart: 0.5, volume: 1, position: .topLeft, startTime: 1, endTime: 2.5, scale: 0.4)
                ],
                output: output))
        MediaKit.expectFrameAccurate(try await MediaKit.probe(file), duration: 3, fps: 30, sourceLocation: #_sourceLocation)
        #expect(Set(["video_overlay", "video_overlay_audio"]).isSubset(of: Set(result.appliedEffects)))
        let corner = "100:50:12:12"
        #expect(try await MediaKit.meanLuma(file, at: 0.5, crop: corner) < 25, "before its window")
        #expect(try await MediaKit.meanLuma(file, at: 1.5, crop: corner) > 200, "inside its window")
        #expect(try await MediaKit.meanLuma(file, at: 1.5, crop: "100:50:210:120") < 25, "only at its place")
        #expect(try await MediaKit.meanLuma(file, at: 2.8, crop: corner) < 25, "after its window")
        #expect(try await MediaKit.meanVolume(file, from: 1.2, to: 2.3) > -30, "its sound inside the window")
        #expect(try await MediaKit.meanVolume(file, from: 0.1, to: 0.9) < -60, "silence before")
        #expect(try await MediaKit.meanVolume(file, from: 2.6, to: 2.95) < -60, "silence after")
    }

    @Test("chroma key: the green background of an overlay lets the timeline show through, its subject stays")
    func chromaKey() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let main = try await solid(kit, "white", seconds: 2)
        let greenScreen = try await solid(kit, "0x00FF00", seconds: 2, draw: ",drawbox=x=120:y=60:w=80:h=60:c=red:t=fill")
        func render(_ key: ChromaKey?) async throws -> URL {
            try await kit.render(
                CompositionRequest(
                    title: "key", clips: [Clip(videoURL: main, startTime: 0, endTime: 2)],
                    overlays: [Overlay(videoURL: greenScreen, volume: 0, chromaKey: key, position: .center, startTime: 0, scale: 1)],
                    output: output)
            ).1
        }
        let keyed = try await render(ChromaKey(color: "#00FF00"))
        let unkeyed = try await render(nil)
        let background = "60:40:10:10"
        #expect(try await MediaKit.meanLuma(keyed, at: 1, crop: background) > 230, "white shows through the keyed green")
        #expect(try await MediaKit.meanLuma(unkeyed, at: 1, crop: background) < 190, "green without the key")
        let subject = try await MediaKit.meanLuma(keyed, at: 1, crop: "40:30:140:75")
        #expect(subject > 50 && subject < 120, "the red subject stays: \(subject)")
    }

    @Test("image overlays fading across a segment seam continue where they left off")
    func acrossSegments() async throws {
        let kit = try MediaKit.make(settings: ["REEL_SEGMENT_SECONDS": "2"])
        defer { kit.cleanUp() }
        let main = try await solid(kit, "black", seconds: 5)
        let logo = try await kit.asset("logo.png", ["-f", "lavfi", "-i", "color=c=white:size=64x64", "-frames:v", "1"])
        let inset = try await solid(kit, "white", seconds: 5)
        let (result, file) = try await kit.render(
            CompositionRequest(
                title: "seams", clips: [Clip(videoURL: main, startTime: 0, endTime: 5)],
                overlays: [
                    Overlay(imageURL: logo, position: .topLeft, startTime: 1, endTime: 5, scale: 0.3, fadeIn: 2),
                    Overlay(videoURL: inset, position: .bottomRight, startTime: 0.5, endTime: 4.5, scale: 0.3, fadeOut: 1),
                ],
                output: output))
        #expect(result.appliedEffects.contains("chunked_render"))
        MediaKit.expectFrameAccurate(try await MediaKit.probe(file), duration: 5, fps: 30, sourceLocation: #_sourceLocation)
        let corner = "80:40:10:10"
        let levels = try await [1.5, 2.5, 3.5].asyncMap { try await MediaKit.meanLuma(file, at: $0, crop: corner) }
        #expect(levels[0] < levels[1] && levels[1] < levels[2] && levels[2] > 200, "the fade-in rises across the seam: \(levels)")
        let inset1 = try await MediaKit.meanLuma(file, at: 2, crop: "60:30:250:140")
        let inset2 = try await MediaKit.meanLuma(file, at: 4.2, crop: "60:30:250:140")
        #expect(inset1 > 200 && inset2 < inset1 - 40, "the inset plays on, then fades out: \(inset1) → \(inset2)")
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
