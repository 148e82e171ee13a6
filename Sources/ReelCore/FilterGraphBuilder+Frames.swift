import Foundation

extension FilterGraphBuilder {
    /// The frames of `request` at `times` as its render shows them, scaled to `width`: each a
    /// one-frame stretch of the timeline made by the code that makes a segment (the piece
    /// active then, from ``PlanState/addFrame(of:shift:timeline:request:sources:label:)``,
    /// overlays and captions from ``decorate(_:video:request:sources:start:length:total:captionsFile:)``),
    /// so only what is on screen then is decoded, each input sought close to the time. One
    /// process writes them all: one picture, or a ``FrameSheet`` of tiles.
    public func framePlan(
        for request: CompositionRequest, timeline: Timeline, sources: [String: RenderSource], times: [Double], width: Int,
        format: ImageFormat, outputPath: String
    ) throws(RenderFailure) -> (plan: FFmpegPlan, sheet: FrameSheet) {
        guard !times.isEmpty else { throw RenderFailure("a preview needs at least one time") }
        guard let size = request.output.size else { throw RenderFailure("output.resolution is not understood") }
        let fps = request.output.fps
        let total = timeline.duration
        let pieces = timeline.pieces
        let positions = times.map { timeline.frame(at: $0, fps: fps) }
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
        var picture = tiles[0]
        if tiles.count > 1 {
            state.graph.add(
                tiles,
                [
                    .init("concat", [("n", String(tiles.count)), ("v", "1"), ("a", "0")]),
                    .init("tile", [("layout", "\(sheet.columns)x\(sheet.rows)")]),
                ],
                ["sheet"])
            picture = "sheet"
        }
        var arguments = ["-hide_banner", "-nostdin", "-y", "-loglevel", "error"] + state.inputArguments
        arguments += ["-filter_complex", state.graph.rendered, "-map", "[\(picture)]", "-frames:v", "1"]
        arguments += format.encoderArguments + ["-f", "image2", "-update", "1", outputPath]
        return (
            FFmpegPlan(
                arguments: arguments, files: state.files, duration: 1 / fps, appliedEffects: state.effects, warnings: state.warnings),
            sheet
        )
    }
}

extension CompositionRequest {
    /// The sources the frames at `positions` show: their clips, and the picture overlays and
    /// caption file on screen then. Music and voice-over are not heard in a picture.
    public func frameSourceURLs(at positions: [Timeline.FramePosition], timeline: Timeline, fps: Double) -> [String] {
        var urls: [String] = []
        func add(_ url: String) { if !urls.contains(url) { urls.append(url) } }
        for position in positions {
            for clip in timeline.clips(at: position) { add(clips[clip].sourceURL) }
            for overlay in overlays {
                guard let url = overlay.imageURL ?? overlay.videoURL, overlay.startTime < position.time + 1 / fps,
                    overlay.endTime ?? timeline.duration > position.time
                else { continue }
                add(url)
            }
        }
        return urls
    }
}
