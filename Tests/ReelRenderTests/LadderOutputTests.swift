import Foundation
import ReelCore
import ReelRender
import Testing

/// HLS ladders and MP4 renditions: every size from one decode of the timeline, each as long as it.
@Suite("HLS and renditions", .serialized)
struct LadderOutputTests {
    /// Renders `request`, keeping the output and every file beside it under their own names.
    func render(_ kit: MediaKit, _ request: CompositionRequest) async throws -> (RenderedFiles, URL) {
        let kept = kit.folder.appendingPathComponent("ladder-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: kept, withIntermediateDirectories: true)
        let files = try await kit.renderer.render(id: UUID(), request: request) { _, _ in
        } deliver: { files in
            for file in [files.output] + files.sidecars.map(\.file) {
                try FileManager.default.copyItem(at: file, to: kept.appendingPathComponent(file.lastPathComponent))
            }
            return files
        }
        return (files, kept.appendingPathComponent(files.output.lastPathComponent))
    }

    @Test("HLS: a master playlist names one fMP4 variant per rendition, each the timeline's length in frames")
    func hls() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let a = try await kit.video(seconds: 3, size: "320x180")
        let b = try await kit.video(seconds: 3, size: "320x180", tone: 660)
        let request = CompositionRequest(
            title: "ladder",
            clips: [
                Clip(videoURL: a, startTime: 0, endTime: 3),
                Clip(videoURL: b, startTime: 2.5, endTime: 5.5, transition: Transition(type: "fade", duration: 0.5)),
            ],
            output: OutputSettings(
                resolution: "320x180", format: .hls, bitrate: Bitrate(bitsPerSecond: 800_000), renditions: ["160x90", "320x180"]))
        let (files, master) = try await render(kit, request)
        #expect(files.appliedEffects.contains("hls"))
        let text = try String(contentsOf: master, encoding: .utf8)
        #expect(text.components(separatedBy: "#EXT-X-STREAM-INF").count == 3, "\(text)")
        #expect(text.contains("RESOLUTION=320x180") && text.contains("RESOLUTION=160x90"), "\(text)")
        let folder = master.deletingLastPathComponent()
        for (index, size) in [(0, (320, 180)), (1, (160, 90))] {
            let variant = folder.appendingPathComponent("stream_\(index).m3u8")
            let playlist = try String(contentsOf: variant, encoding: .utf8)
            #expect(playlist.contains("#EXT-X-MAP:URI=\"init_\(index).mp4\"") && playlist.contains("#EXT-X-ENDLIST"))
            for name in playlist.split(separator: "\n").filter({ !$0.hasPrefix("#") }) {
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(String(name)).path), "\(name) is there")
            }
            let probe = try await MediaKit.probe(variant)
            #expect(probe.width == size.0 && probe.height == size.1)
            #expect(probe.videoCodec == "h264" && probe.audioCodec == "aac")
            #expect(abs(probe.formatDuration - 5.5) <= 1.0 / 30 + 0.001, "variant \(index): \(probe.formatDuration) s")
            #expect(probe.frames == 165, "variant \(index): \(probe.frames ?? 0) frames")
        }
        let whole = try await MediaKit.probe(master)
        #expect(whole.videoCodec == "h264", "ffprobe reads the master playlist")
    }

    @Test("HLS of one size (no renditions): its playlist names files that exist, the init segment included")
    func hlsOneSize() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let a = try await kit.video(seconds: 3, size: "160x90")
        let request = CompositionRequest(
            title: "one size", clips: [Clip(videoURL: a, startTime: 0, endTime: 3)],
            output: OutputSettings(resolution: "160x90", format: .hls))
        let (_, master) = try await render(kit, request)
        let folder = master.deletingLastPathComponent()
        let playlist = try String(contentsOf: folder.appendingPathComponent("stream_0.m3u8"), encoding: .utf8)
        #expect(playlist.contains("#EXT-X-MAP:URI=\"init_0.mp4\""), "\(playlist)")
        let named = playlist.split(separator: "\n").compactMap { line -> String? in
            if line.hasPrefix("#EXT-X-MAP:URI=\"") { return String(line.dropFirst(16).dropLast()) }
            return line.hasPrefix("#") ? nil : String(line)
        }
        #expect(named.count >= 2)
        for name in named {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name) is there")
        }
        let probe = try await MediaKit.probe(master)
        #expect(probe.width == 160 && probe.height == 90)
        #expect(abs(probe.formatDuration - 3) <= 1.0 / 30 + 0.001)
    }

    @Test("MP4 renditions: one file per size from one process, each frame-accurate")
    func mp4Renditions() async throws {
        let kit = try MediaKit.make()
        defer { kit.cleanUp() }
        let a = try await kit.video(seconds: 4, size: "320x180")
        let request = CompositionRequest(
            title: "sizes", clips: [Clip(videoURL: a, startTime: 0, endTime: 4)],
            output: OutputSettings(
                resolution: "320x180", bitrate: Bitrate(bitsPerSecond: 800_000), renditions: ["320x180", "160x90", "96x54"]))
        let (files, top) = try await render(kit, request)
        #expect(files.appliedEffects.contains("renditions"))
        #expect(Set(files.sidecars.map(\.role)) == ["rendition:160x90", "rendition:96x54"])
        for (file, size) in [
            (top, (320, 180)), (top.deletingLastPathComponent().appendingPathComponent("rendition-160x90.mp4"), (160, 90)),
            (top.deletingLastPathComponent().appendingPathComponent("rendition-96x54.mp4"), (96, 54)),
        ] {
            let probe = try await MediaKit.probe(file)
            #expect(probe.width == size.0 && probe.height == size.1)
            MediaKit.expectFrameAccurate(probe, duration: 4, fps: 30, sourceLocation: #_sourceLocation)
        }
    }

    @Test("a ladder decodes each source once: one input per source, one split")
    func oneDecode() throws {
        let info = MediaInfo(
            formatName: "mov,mp4", duration: 10, videoCodec: "h264", width: 1920, height: 1080, fps: 30, pixelFormat: "yuv420p",
            audioCodec: "aac", sampleRate: 48_000, channels: 2)
        let url = "https://x.test/a.mp4"
        let request = CompositionRequest(
            title: "t", clips: [Clip(videoURL: url, startTime: 0, endTime: 30)],
            output: OutputSettings(resolution: "1080p", format: .hls, renditions: ["1080p", "720p", "360p"]))
        #expect(!FilterGraphBuilder(fontFile: "f.ttf").prefersChunks(request, timeline: Timeline(clips: request.clips)))
        let plan = try FilterGraphBuilder(fontFile: "f.ttf").plan(
            for: request, timeline: Timeline(clips: request.clips),
            sources: [url: RenderSource(url: url, path: "/tmp/a.mp4", info: info)], outputPath: "/tmp/out/output.m3u8")
        #expect(plan.arguments.filter { $0 == "-i" }.count == 1)
        let graph = plan.arguments[plan.arguments.firstIndex(of: "-filter_complex")! + 1]
        #expect(graph.contains("split=outputs=3") && graph.contains("scale=w=640:h=360") && graph.contains("scale=w=1280:h=720"))
        #expect(plan.arguments.contains("v:0,a:0 v:1,a:1 v:2,a:2"))
    }
}
