import Foundation

extension FilterGraphBuilder {
    /// The frames of `request` at `times` as its render shows them, scaled to `width`: each a
    /// one-frame stretch of the timeline made by the code that makes a segment (the piece
    /// active then, from ``PlanState/addFrame(of:shift:timeline:request:sources:label:)``,
    /// overlays and captions from ``decorate(_:video:request:sources:start:length:total:captionsFile:)``),
    /// so only what is on screen then is decoded, each input sought close to the time. One
    /// process writes them all: one picture, a ``FrameSheet`` of tiles, or with `separate` one
    /// picture per time, `outputPath` numbered (``framePaths(_:count:)``).
    public func framePlan(
        for request: CompositionRequest, timeline: Timeline, sources: [String: RenderSource], times: [Double], width: Int,
        format: ImageFormat, separate: Bool = false, outputPath: String
    ) throws(RenderFailure) -> (plan: FFmpegPlan, sheet: FrameSheet) {
        guard !times.isEmpty else { throw RenderFailure("a preview needs at least one time") }
        guard let size = request.output.size else { throw RenderFailure("output.resolution is not understood") }
        let fps = request.output.fps
        let total = timeline.duration
        let pieces = renderPieces(request, timeline: timeline)
        let positions = times.map { timeline.frame(at: $0, fps: fps, pieces: pieces) }
        let sheet = FrameSheet(times: times, frameTimes: positions.map(\.time), width: width, size: size)
        var state = PlanState(width: size.width, height: size.height, fps: fps, x264Preset: x264Preset)
        state.includeAudio = false
        var tiles: [String] = []
        for (number, position) in positions.enumerated() {
            var frame = PlanState(width: size.width, height: size.height, fps: fps, x264Preset: x264Preset)
            frame.includeAudio = false
            try frame.addFrame(
                of: pieces[position.piece], shift: position.shift, timeline: timeline, request: request, sources: sources, label: "f")
            let video = decorate(
                &frame, video: "f", request: request, sources: sources, start: position.time, length: 1 / fps, total: total,
                captionsFile: "captions-frame\(number).ass")
            frame.graph.add(
                [video],
                // The render's pixel format up to here, as its encoder asks: left to the image
                // encoder, the graph would blend transitions in RGB and differ from the video.
                [
                    .init("format", [("pix_fmts", "yuv420p")]), .init("trim", [("end_frame", "1")]),
                    .init("scale", [("w", String(sheet.tileWidth)), ("h", String(sheet.tileHeight))]),
                    .init("setsar", [("r", "1")]),
                ],
                ["tile"])
            let prefix = "p\(number)_"
            state.absorb(frame, prefix: prefix)
            tiles.append(prefix + "tile")
        }
        let head = ["-hide_banner", "-nostdin", "-y", "-loglevel", "error"] + state.inputArguments
        let picture = format.encoderArguments + ["-f", "image2", "-update", "1"]
        var arguments: [String]
        if separate || tiles.count == 1 {
            arguments = head + ["-filter_complex", state.graph.rendered]
            for (tile, path) in zip(tiles, Self.framePaths(outputPath, count: tiles.count)) {
                arguments += ["-map", "[\(tile)]", "-frames:v", "1"] + picture + [path]
            }
        } else {
            state.graph.add(
                tiles,
                [
                    .init("concat", [("n", String(tiles.count)), ("v", "1"), ("a", "0")]),
                    .init("tile", [("layout", "\(sheet.columns)x\(sheet.rows)")]),
                ],
                ["sheet"])
            arguments = head + ["-filter_complex", state.graph.rendered, "-map", "[sheet]", "-frames:v", "1"] + picture + [outputPath]
        }
        return (
            FFmpegPlan(
                arguments: arguments, files: state.files, duration: 1 / fps, appliedEffects: state.effects, warnings: state.warnings),
            sheet
        )
    }
}

extension FilterGraphBuilder {
    /// The pieces the render decodes from a seek each: the timeline's, with long spans cut
    /// into runs when it renders in segments.
    public func renderPieces(_ request: CompositionRequest, timeline: Timeline) -> [Timeline.Piece] {
        prefersChunks(request, timeline: timeline) ? segmentGroups(timeline, fps: request.output.fps).pieces : timeline.pieces
    }

    /// Where ``framePlan(for:timeline:sources:times:width:format:separate:outputPath:)`` writes
    /// `count` separate pictures: `outputPath` itself for one, `NAME-0.EXT`, `NAME-1.EXT` … for more.
    public static func framePaths(_ outputPath: String, count: Int) -> [String] {
        guard count > 1 else { return [outputPath] }
        let url = URL(fileURLWithPath: outputPath)
        let stem = url.deletingPathExtension().path
        return (0..<count).map { "\(stem)-\($0).\(url.pathExtension)" }
    }
}

extension CompositionRequest {
    /// The sources the frames at `positions` (in the render's `pieces`) show: their clips, and the picture overlays and
    /// caption file on screen then. Music and voice-over are not heard in a picture.
    public func frameSourceURLs(
        at positions: [Timeline.FramePosition], pieces: [Timeline.Piece], timeline: Timeline, fps: Double
    ) -> [String] {
        var urls: [String] = []
        func add(_ url: String) { if !urls.contains(url) { urls.append(url) } }
        for position in positions {
            for clip in timeline.clips(at: position, pieces: pieces) { add(clips[clip].sourceURL) }
            for overlay in overlays where overlay.isShown(from: position.time, length: 1 / fps, total: timeline.duration) {
                if let url = overlay.imageURL ?? overlay.videoURL { add(url) }
            }
        }
        return urls
    }
}
