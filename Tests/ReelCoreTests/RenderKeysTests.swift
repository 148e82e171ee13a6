import Foundation
import ReelCore
import Testing

@Suite("Render cache keys")
struct RenderKeysTests {
    /// Seven 1 s clips of two sources (three segments), a title over the first 0.8 s.
    static func request(title: String = "Hello") -> CompositionRequest {
        CompositionRequest(
            title: "t",
            clips: (0..<7).map {
                Clip(videoURL: "https://x.test/\($0 < 3 ? "a" : "b").mp4", startTime: Double($0), endTime: Double($0 + 1))
            },
            overlays: [Overlay(text: title, startTime: 0, endTime: 0.8)],
            output: OutputSettings(resolution: "320x180", fps: 30))
    }

    /// The keys of `request` planned in `scratch` with the sources at `paths`.
    static func keys(
        _ request: CompositionRequest, scratch: String, paths: [String: String], identities: [String: String], engine: String = "ffmpeg 5.1"
    ) throws -> RenderKeys {
        var builder = FilterGraphBuilder(fontFile: "/f.ttf")
        builder.fileDirectory = scratch
        var sources = Fixtures.sources(for: request)
        for (url, path) in paths { sources[url]?.path = path }
        let plan = try RenderPlanner(builder: builder).plan(for: request, sources: sources, outputPath: scratch + "/output.mp4")
        guard case .segmented = plan else { throw RenderFailure("expected a segmented plan") }
        let material = RenderKeys.Material(
            engine: engine, identities: Dictionary(uniqueKeysWithValues: paths.map { ($0.value, identities[$0.key] ?? "") }),
            scratch: scratch)
        return RenderKeys(plan: plan, material: material) { String($0.hashValue, radix: 16) + ":" + String($0.count) }
    }

    static let a = "https://x.test/a.mp4", b = "https://x.test/b.mp4"
    static let identities = [a: "aaaa", b: "bbbb"]

    @Test("the same plan in another scratch folder, with its sources elsewhere, has the same keys")
    func locationFree() throws {
        let one = try Self.keys(
            Self.request(), scratch: "/tmp/s/job-1", paths: [Self.a: "/cache/1", Self.b: "/cache/10"], identities: Self.identities)
        let two = try Self.keys(
            Self.request(), scratch: "/var/x/job-2", paths: [Self.a: "/tmp/s/job-2/asset-a", Self.b: "/cache/1"],
            identities: Self.identities)
        #expect(one.segments.count == 3)
        #expect(one == two)
        #expect(Set(one.segments).count == 3 && one.audio != nil)
    }

    @Test("another title changes the segment it is in and the output, nothing else")
    func editedTitle() throws {
        let paths = [Self.a: "/cache/1", Self.b: "/cache/2"]
        let before = try Self.keys(Self.request(), scratch: "/s", paths: paths, identities: Self.identities)
        let after = try Self.keys(Self.request(title: "Changed"), scratch: "/s", paths: paths, identities: Self.identities)
        #expect(after.segments[0] != before.segments[0])
        #expect(Array(after.segments[1...]) == Array(before.segments[1...]))
        #expect(after.audio == before.audio)
        #expect(after.output != before.output)
    }

    @Test("a source with other bytes changes the parts that use it; another engine changes every key")
    func identitiesAndEngine() throws {
        let paths = [Self.a: "/cache/1", Self.b: "/cache/2"]
        let before = try Self.keys(Self.request(), scratch: "/s", paths: paths, identities: Self.identities)
        let changed = try Self.keys(Self.request(), scratch: "/s", paths: paths, identities: [Self.a: "aaaa", Self.b: "cccc"])
        // Clips 0–2 use a, clips 3–6 use b: the first segment keeps its key.
        #expect(changed.segments[0] == before.segments[0])
        #expect(changed.segments[1] != before.segments[1] && changed.segments[2] != before.segments[2])
        #expect(changed.audio != before.audio && changed.output != before.output)
        let engine = try Self.keys(Self.request(), scratch: "/s", paths: paths, identities: Self.identities, engine: "ffmpeg 6.0")
        #expect(zip(engine.segments, before.segments).allSatisfy { $0 != $1 })
        #expect(engine.audio != before.audio && engine.output != before.output)
    }
}

@Suite("Portable steps")
struct PortableStepTests {
    @Test("sources become URLs by token and the scratch folder a token; resolving on another machine gives its paths")
    func roundTrip() {
        let step = FFmpegPlan(
            arguments: [
                "-i", "/cache/1", "-i", "/cache/10", "-filter_complex", "drawtext=textfile=/s/job/overlay0.txt", "/s/job/chunk2.mp4",
            ],
            files: ["overlay0.txt": "/cache/1 is literal text"], duration: 3, appliedEffects: [], warnings: [])
        let portable = PortableStep(
            step, sources: ["/cache/1": "https://x.test/a.mp4", "/cache/10": "asset://b", "/cache/99": "https://x.test/unused.mp4"],
            scratch: "/s/job")
        #expect(portable.sources.sorted() == ["asset://b", "https://x.test/a.mp4"], "only the sources the step reads")
        #expect(!portable.arguments.joined().contains("/cache/") && !portable.arguments.joined().contains("/s/job"))
        #expect(portable.files == step.files, "file contents are the user's and never rewritten")
        let elsewhere = portable.sources.map { $0 == "asset://b" ? "/other/b" : "/other/a" }
        let resolved = portable.resolved(paths: elsewhere, scratch: "/w/part")
        #expect(
            resolved.arguments == [
                "-i", "/other/a", "-i", "/other/b", "-filter_complex", "drawtext=textfile=/w/part/overlay0.txt", "/w/part/chunk2.mp4",
            ])
        #expect(resolved.outputPath == "/w/part/chunk2.mp4" && resolved.duration == 3)
    }
}
