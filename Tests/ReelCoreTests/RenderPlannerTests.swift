import Foundation
import ReelCore
import Testing

@Suite("Render planner")
struct RenderPlannerTests {
    let planner = RenderPlanner(builder: FilterGraphBuilder(fontFile: "/f.ttf"))

    /// Two 5 s clips of sources that already match a 320x180 30 fps H.264/AAC output.
    func matching() -> (CompositionRequest, [String: RenderSource]) {
        var info = Fixtures.video(5)
        info.videoSetupHash = "same"
        let request = CompositionRequest(
            title: "t",
            clips: [
                Clip(videoURL: "https://x.test/a.mp4", startTime: 0, endTime: 5),
                Clip(videoURL: "https://x.test/b.mp4", startTime: 5, endTime: 10),
            ],
            output: OutputSettings(resolution: "320x180", fps: 30))
        return (request, Fixtures.sources(for: request, info: info))
    }

    @Test("matching sources cut on keyframes are joined by stream copy, with one process behind it")
    func streamCopy() throws {
        let (request, sources) = matching()
        #expect(planner.mayStreamCopy(request, sources: sources))
        let keyframes = Dictionary(uniqueKeysWithValues: sources.keys.map { ($0, [0.0, 2.0, 4.0]) })
        guard
            case .streamCopy(let copy, let otherwise) = try planner.plan(
                for: request, sources: sources, keyframes: keyframes, outputPath: "/w/o.mp4"),
            case .single(let filtered) = otherwise
        else {
            Issue.record("expected a stream copy over one process")
            return
        }
        #expect(copy.appliedEffects == ["stream_copy"])
        #expect(copy.duration == 10 && filtered.duration == 10)
        #expect(filtered.arguments.contains("-filter_complex"))
    }

    @Test("without keyframes, or with an overlay, the same request is filtered")
    func filtered() throws {
        var (request, sources) = matching()
        guard case .single = try planner.plan(for: request, sources: sources, outputPath: "/w/o.mp4") else {
            Issue.record("no keyframes: expected one process")
            return
        }
        request.overlays = [Overlay(text: "hi")]
        #expect(!planner.mayStreamCopy(request, sources: sources))
    }
}
