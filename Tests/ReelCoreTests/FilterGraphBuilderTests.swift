import Foundation
import ReelCore
import Testing

@Suite("The filter-graph builder")
struct FilterGraphBuilderTests {
    let builder: FilterGraphBuilder = {
        var builder = FilterGraphBuilder(fontFile: "/fonts/Sans.ttf")
        builder.fileDirectory = "/work"
        return builder
    }()

    func plan(_ name: String, info: MediaInfo = Fixtures.video()) throws -> FFmpegPlan {
        let request = try JSONDecoder().decode(CompositionRequest.self, from: try Fixtures.seedPayload(name))
        return try builder.plan(
            for: request, timeline: Timeline(clips: request.clips), sources: Fixtures.sources(for: request, info: info),
            outputPath: "/work/out.mp4")
    }

    /// What every source input carries: the `file` protocol and plain media demuxers only, so
    /// an uploaded playlist or manifest cannot make ffmpeg read other files.
    static let confined = [
        "-protocol_whitelist", "file", "-format_whitelist",
        "mov,matroska,avi,flv,mpegts,mpeg,asf,ivf,mp3,wav,w64,aiff,ogg,flac,aac,gif,image2,png_pipe,jpeg_pipe,webp_pipe,bmp_pipe,tiff_pipe",
    ]

    func value(after flag: String, in arguments: [String]) -> String? {
        arguments.firstIndex(of: flag).map { arguments[$0 + 1] }
    }

    @Test("golden: the seed's simple 2-clip payload")
    func simpleGolden() throws {
        let plan = try plan("simple-2-clip")
        #expect(
            plan.arguments == ["-hide_banner", "-nostdin", "-y", "-loglevel", "error"] + Self.confined + ["-t", "5", "-i", "/src/0"]
                + Self.confined + ["-t", "5", "-i", "/src/1"] + [
                    "-filter_complex",
                    "[0:v:0]setpts=expr=PTS,fps=fps=30:start_time=0,scale=w=1280:h=720:force_original_aspect_ratio=decrease:force_divisible_by=2,pad=w=1280:h=720:x=(ow-iw)/2:y=(oh-ih)/2:color=black,setsar=r=1,tpad=stop_mode=clone:stop_duration=5,trim=duration=5,setpts=expr=PTS-STARTPTS[v0];"
                        + "[0:a:0]aresample=osr=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,asetpts=expr=PTS-STARTPTS,apad,atrim=duration=5[a0];"
                        + "[1:v:0]setpts=expr=PTS,fps=fps=30:start_time=0,scale=w=1280:h=720:force_original_aspect_ratio=decrease:force_divisible_by=2,pad=w=1280:h=720:x=(ow-iw)/2:y=(oh-ih)/2:color=black,setsar=r=1,tpad=stop_mode=clone:stop_duration=5,trim=duration=5,setpts=expr=PTS-STARTPTS[v1];"
                        + "[1:a:0]aresample=osr=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,asetpts=expr=PTS-STARTPTS,apad,atrim=duration=5[a1];"
                        + "[v0][a0][v1][a1]concat=n=2:v=1:a=1[cv0][ca0]",
                    "-map", "[cv0]", "-map", "[ca0]",
                    "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                    "-b:v", "2000000", "-maxrate", "3000000", "-bufsize", "4000000",
                    "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart",
                    "-ar", "48000", "-ac", "2", "-r", "30", "-t", "10", "-progress", "pipe:1", "-nostats", "/work/out.mp4",
                ]
        )
        #expect(plan.duration == 10)
        #expect(plan.files.isEmpty)
    }

    @Test("golden: the 10-clip payload mixes music and voice-over and draws three texts")
    func complexGolden() throws {
        let plan = try plan("complex-10-clip")
        let graph = try #require(value(after: "-filter_complex", in: plan.arguments))
        #expect(graph.contains("concat=n=10:v=1:a=1[cv0][ca0]"))
        #expect(
            graph.contains(
                "[10:a:0]aresample=osr=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,asetpts=expr=PTS-STARTPTS,volume=volume=0.3,atrim=duration=30[music]"
            ))
        #expect(
            graph.contains(
                "[11:a:0]aresample=osr=48000,aformat=sample_fmts=fltp:channel_layouts=stereo,asetpts=expr=PTS-STARTPTS,volume=volume=1,apad,atrim=duration=30[voice]"
            ))
        #expect(graph.contains("[ca0][music][voice]amix=inputs=3:duration=first:dropout_transition=0:normalize=0[mixed]"))
        #expect(graph.contains("volume=volume=0.8,apad"))
        #expect(
            graph.contains(
                "[cv0]drawtext=fontfile=/fonts/Sans.ttf:textfile=/work/overlay0.txt:expansion=none:fontsize=48:fontcolor=0xffffff:borderw=2:bordercolor=black@0.6:x=(w-text_w)/2:y=(h*0.05):enable=gte(t\\,-0.016667)*lt(t\\,2.983333)[tv0]"
            )
        )
        #expect(graph.contains("fontcolor=0xffff00"))
        #expect(graph.contains("enable=gte(t\\,26.983333)*lt(t\\,29.983333)[tv2]"))
        #expect(plan.files == ["overlay0.txt": "Opening Title", "overlay1.txt": "Middle", "overlay2.txt": "End Credits"])
        #expect(value(after: "-map", in: plan.arguments) == "[tv2]")
        #expect(plan.arguments.contains("[mixed]"))
        #expect(plan.arguments.filter { $0 == "-stream_loop" }.count == 1)
        #expect(plan.appliedEffects.contains("music_loop") && plan.appliedEffects.contains("voiceover"))
    }

    @Test("text is never put into the graph, only into a file")
    func textStaysInFiles() throws {
        let text = #"it's 100% "real": a\b, c;d [e] 🎬"#
        let request = CompositionRequest(
            title: "t",
            clips: [Clip(videoURL: "https://x.test/a.mp4", startTime: 0, endTime: 2)],
            overlays: [Overlay(text: text)]
        )
        let plan = try builder.plan(
            for: request, timeline: Timeline(clips: request.clips), sources: Fixtures.sources(for: request), outputPath: "/o.mp4")
        let graph = try #require(value(after: "-filter_complex", in: plan.arguments))
        #expect(!graph.contains("100%"))
        #expect(plan.files["overlay0.txt"] == text)
        #expect(graph.contains("expansion=none"))
    }

    @Test("a source without audio gets silence; a short one holds its last frame")
    func silenceAndHold() throws {
        let request = CompositionRequest(title: "t", clips: [Clip(videoURL: "https://x.test/a.mp4", startTime: 0, endTime: 6)])
        let plan = try builder.plan(
            for: request,
            timeline: Timeline(clips: request.clips),
            sources: Fixtures.sources(for: request, info: Fixtures.video(4, audio: false)),
            outputPath: "/o.mp4"
        )
        let graph = try #require(value(after: "-filter_complex", in: plan.arguments))
        #expect(graph.contains("anullsrc=r=48000:cl=stereo,atrim=duration=6[a0]"))
        #expect(graph.contains("tpad=stop_mode=clone:stop_duration=6,trim=duration=6"))
        #expect(plan.warnings.count == 1)
        #expect(plan.appliedEffects.contains("hold_last_frame"))
    }

    @Test("a trim past the source's end fails with the field and the source's length")
    func trimPastEnd() throws {
        let request = CompositionRequest(
            title: "t",
            clips: [Clip(videoURL: "https://x.test/a.mp4", startTime: 0, endTime: 2, trimStart: 12)]
        )
        #expect(throws: RenderFailure.self) {
            try builder.plan(
                for: request, timeline: Timeline(clips: request.clips), sources: Fixtures.sources(for: request), outputPath: "/o.mp4")
        }
        do {
            _ = try builder.plan(
                for: request, timeline: Timeline(clips: request.clips), sources: Fixtures.sources(for: request), outputPath: "/o.mp4")
        } catch {
            #expect(error.message.contains("clips[0].trim_start"))
            #expect(error.message.contains("10 s"))
        }
    }

    @Test("a transition blends only the seconds it covers; everything else is one concat")
    func transitions() throws {
        let request = CompositionRequest(
            title: "t",
            clips: [
                Clip(videoURL: "https://x.test/a.mp4", startTime: 0, endTime: 3),
                Clip(videoURL: "https://x.test/b.mp4", startTime: 2.5, endTime: 5, transition: Transition(type: "dissolve", duration: 0.5)),
                Clip(videoURL: "https://x.test/c.mp4", startTime: 5, endTime: 7),
            ]
        )
        let plan = try builder.plan(
            for: request, timeline: Timeline(clips: request.clips), sources: Fixtures.sources(for: request), outputPath: "/o.mp4")
        let graph = try #require(value(after: "-filter_complex", in: plan.arguments))
        let inputs = plan.arguments.enumerated().filter { $0.element == "-i" }.map { plan.arguments[$0.offset + 1] }
        #expect(inputs == ["/src/0", "/src/0", "/src/1", "/src/1", "/src/2"])
        #expect(plan.arguments.joined(separator: " ").contains("-ss 2.5 -t 0.5 -i /src/0"))
        #expect(plan.arguments.joined(separator: " ").contains("-ss 0.5 -t 2 -i /src/1"))
        #expect(graph.contains("[t1v][h1v]xfade=transition=dissolve:duration=0.5:offset=0[v1]"))
        #expect(graph.contains("[t1a][h1a]acrossfade=d=0.5:c1=tri:c2=tri[a1]"))
        #expect(graph.contains("[v0][a0][v1][a1][v2][a2][v3][a3]concat=n=4:v=1:a=1[cv0][ca0]"))
        #expect(plan.duration == 7)
        #expect(plan.appliedEffects.contains("transition_dissolve"))
    }

    @Test("pieces add up to the timeline, whatever the transitions", arguments: [0.0, 0.5, 1.0])
    func piecesCoverTimeline(duration: Double) {
        var clips: [Clip] = []
        var start = 0.0
        for index in 0..<10 {
            let transition = index > 0 && duration > 0 ? Transition(type: "fade", duration: duration) : nil
            clips.append(Clip(videoURL: "https://x.test/\(index).mp4", startTime: start, endTime: start + 3, transition: transition))
            start += 3 - duration
        }
        let timeline = Timeline(clips: clips)
        #expect(abs(timeline.pieces.map(\.duration).reduce(0, +) - timeline.duration) < 1e-9)
        #expect(timeline.pieces.count == (duration > 0 ? 19 : 10))
    }

    @Test("option values are escaped for both parser levels")
    func escaping() {
        #expect(FilterGraph.escape("between(t,1,2)") == #"between(t\,1\,2)"#)
        #expect(FilterGraph.escape("/a:b/c.txt") == #"/a\\:b/c.txt"#)
        #expect(FilterGraph.escape("it's") == #"it\\\'s"#)
        #expect(FilterGraph.escape("[x];") == #"\[x\]\;"#)
    }
}

@Suite("Chunked renders")
struct ChunkedPlanTests {
    @Test("video chunks of up to three pieces on frame boundaries, one audio pass, one mux")
    func chunks() throws {
        var builder = FilterGraphBuilder(fontFile: "/fonts/Sans.ttf")
        builder.fileDirectory = "/work"
        let request = try JSONDecoder().decode(CompositionRequest.self, from: try Fixtures.seedPayload("complex-10-clip"))
        // The planner chooses segments for it, building the timeline once.
        guard
            case .segmented(let parts) = try RenderPlanner(builder: builder).plan(
                for: request, sources: Fixtures.sources(for: request), outputPath: "/work/out.mp4")
        else {
            Issue.record("expected a segmented plan")
            return
        }
        let chunks = parts.segments
        #expect(chunks.count == 4)
        let frames = chunks.compactMap { step in step.arguments.firstIndex(of: "-frames:v").map { Int(step.arguments[$0 + 1]) ?? 0 } }
        #expect(frames == [270, 270, 270, 90])
        for step in chunks {
            #expect(step.arguments.filter { $0 == "-i" }.count <= 3, "a chunk opens at most three sources")
            #expect(step.arguments.contains("-an"))
        }
        let audio = parts.audio.arguments
        #expect(audio.filter { $0 == "-i" }.count == 12)
        #expect(audio.joined(separator: " ").contains("concat=n=10:v=0:a=1"))
        let mux = parts.stitch
        #expect(mux.files["chunks.ffconcat"]?.components(separatedBy: "\n").filter { $0.hasPrefix("file ") }.count == 4)
        #expect(mux.arguments.suffix(1) == ["/work/out.mp4"])
        #expect(mux.appliedEffects.contains("chunked_render") && mux.appliedEffects.contains("text_overlay"))
        let second = chunks[1].arguments.joined(separator: " ")
        #expect(
            second.contains("textfile=/work/overlay1.txt"), "the 15–18 s title lands in the second chunk (9–18 s), shifted to its start")
        #expect(second.contains(#"enable=gte(t\,5.983333)*lt(t\,8.983333)"#))
        #expect(!second.contains("overlay0.txt") && !second.contains("overlay2.txt"))
    }

    @Test("short or single-piece renders stay one process")
    func smallStaysSingle() throws {
        let request = try JSONDecoder().decode(CompositionRequest.self, from: try Fixtures.seedPayload("simple-2-clip"))
        #expect(!FilterGraphBuilder(fontFile: "/f.ttf").prefersChunks(request, timeline: Timeline(clips: request.clips)))
        guard
            case .single = try RenderPlanner(builder: FilterGraphBuilder(fontFile: "/f.ttf")).plan(
                for: request, sources: Fixtures.sources(for: request), outputPath: "/o.mp4")
        else {
            Issue.record("expected one process")
            return
        }
    }
}
