import Foundation
import ReelCore
import ReelRender
import Testing

/// Text that enters and leaves with motion, its stroke and its shadow, measured on frames.
@Suite("Animated text", .serialized)
struct AnimatedTextTests {
    let output = OutputSettings(resolution: "320x180", fps: 30, bitrate: Bitrate(bitsPerSecond: 800_000))

    func render(_ kit: MediaKit, _ overlay: Overlay, seconds: Double = 3) async throws -> (RenderedFiles, URL) {
        let black = try await kit.asset(
            "black-\(UUID().uuidString.prefix(4)).mp4",
            [
                "-f", "lavfi", "-i", "color=c=black:size=320x180:rate=30:duration=\(seconds)", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p",
            ])
        return try await kit.render(
            CompositionRequest(
                title: "text", clips: [Clip(videoURL: black, startTime: 0, endTime: seconds)], overlays: [overlay], output: output))
    }

    func luma(_ file: URL, _ time: Double, _ crop: String? = nil) async throws -> Double {
        try await MediaKit.meanLuma(file, at: time, crop: crop)
    }

    @Test("slide_left enters from the right and settles in the middle; slide_up leaves over the top")
    func slides() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let (result, file) = try await render(
            kit,
            Overlay(
                text: "SLIDE",
                animation: OverlayAnimation(
                    entrance: TextAnimation(type: .slideLeft, duration: 1), exit: TextAnimation(type: .slideUp, duration: 0.8)),
                position: .center, startTime: 0, endTime: 3, fontSize: 40))
        #expect(Set(["text_slide_left", "text_slide_up"]).isSubset(of: Set(result.appliedEffects)))
        MediaKit.expectFrameAccurate(try await MediaKit.probe(file), duration: 3, fps: 30, sourceLocation: #_sourceLocation)
        let (left, right) = (try await luma(file, 0.15, "160:180:0:0"), try await luma(file, 0.15, "160:180:160:0"))
        #expect(right > left + 3, "entering from the right: left \(left), right \(right)")
        let settledLeft = try await luma(file, 1.5, "160:180:0:0")
        let settledRight = try await luma(file, 1.5, "160:180:160:0")
        #expect(abs(settledLeft - settledRight) < 3 && settledLeft > 3, "centred: \(settledLeft) / \(settledRight)")
        let middle = try await luma(file, 1.5, "320:60:0:60")
        let leaving = try await luma(file, 2.85, "320:60:0:60")
        let top = try await luma(file, 2.85, "320:60:0:0")
        #expect(leaving < middle - 3 && top > leaving, "leaving upwards: middle \(middle) → \(leaving), top \(top)")
    }

    @Test("zoom grows the text; typewriter shows more letters as it types; fade rises")
    func zoomTypewriterFade() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let zoom = try await render(
            kit, Overlay(text: "ZOOM", animation: OverlayAnimation(entrance: TextAnimation(type: .zoom, duration: 1)), fontSize: 60))
        let growing = try await [0.2, 0.5, 1.5].asyncMap { try await luma(zoom.1, $0) }
        #expect(growing[0] < growing[1] && growing[1] < growing[2], "zoom: \(growing)")

        let typed = try await render(
            kit,
            Overlay(
                text: "TYPEWRITER TEXT", animation: OverlayAnimation(entrance: TextAnimation(type: .typewriter, duration: 1.5)),
                position: .centerLeft, fontSize: 24))
        #expect(typed.0.appliedEffects.contains("text_typewriter"))
        let letters = try await [0.3, 0.8, 1.3, 2.0].asyncMap { try await luma(typed.1, $0) }
        #expect(letters[0] < letters[1] && letters[1] < letters[2] && letters[2] < letters[3], "typing: \(letters)")

        let faded = try await render(
            kit, Overlay(text: "FADE", animation: OverlayAnimation(entrance: TextAnimation(type: .fade, duration: 1)), fontSize: 60))
        let rising = try await [0.1, 0.5, 1.5].asyncMap { try await luma(faded.1, $0) }
        #expect(rising[0] < rising[1] && rising[1] < rising[2], "fade: \(rising)")
    }

    @Test("a stroke widens the lit outline; a shadow draws beside the text; both only on text")
    func strokeAndShadow() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let plain = try await render(kit, Overlay(text: "EDGE", stroke: TextStroke(color: "black", width: 0), fontSize: 50), seconds: 1)
        let stroked = try await render(kit, Overlay(text: "EDGE", stroke: TextStroke(color: "white", width: 5), fontSize: 50), seconds: 1)
        let shadowed = try await render(
            kit, Overlay(text: "EDGE", stroke: TextStroke(width: 0), shadow: TextShadow(color: "white", x: 12, y: 12), fontSize: 50),
            seconds: 1)
        let base = try await luma(plain.1, 0.5)
        #expect(try await luma(stroked.1, 0.5) > base * 1.3, "a white stroke lights more pixels")
        #expect(try await luma(shadowed.1, 0.5) > base * 1.3, "a white shadow lights more pixels")
        #expect(Set(["text_stroke", "text_shadow"]).isSubset(of: Set(shadowed.0.appliedEffects)))
    }
}
