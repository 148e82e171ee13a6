import Foundation

extension FilterGraphBuilder {
    /// True when a render should run as segments: one H.264 file (not a ladder of renditions)
    /// of more than three pieces or longer than ``segmentSeconds``. One ffmpeg holding every source open grows by each
    /// source's decoder and filter pools (~120 MiB per 1080p piece, measured); a segment holds at
    /// most three pieces, and segments can render on other workers and be reused from the cache.
    public func prefersChunks(_ request: CompositionRequest, timeline: Timeline) -> Bool {
        [.mp4, .mov].contains(request.output.format) && request.output.ladder.isEmpty
            && (timeline.pieces.count > Self.piecesPerChunk || timeline.duration > segmentSeconds + Timeline.epsilon)
    }

    /// Pieces rendered by one chunk process: few enough to bound memory, enough to amortise start-up.
    static let piecesPerChunk = 3

    /// The timeline's pieces grouped into segments: a group closes at three pieces or once it
    /// lasts ``segmentSeconds``; a span longer than that is first cut into equal runs of whole
    /// frames (a transition is never cut).
    func segmentGroups(_ timeline: Timeline, fps: Double) -> (pieces: [Timeline.Piece], groups: [Range<Int>]) {
        var pieces: [Timeline.Piece] = []
        for piece in timeline.pieces {
            guard case .span(let segment, let start, let duration) = piece, duration > segmentSeconds + Timeline.epsilon else {
                pieces.append(piece)
                continue
            }
            let count = Int(clamping: (duration / segmentSeconds).rounded(.up))
            let frames = Int(clamping: (duration / Double(count) * fps).rounded(.down))
            var offset = 0.0
            for part in 0..<count {
                let length = part == count - 1 ? duration - offset : Double(frames) / fps
                pieces.append(.span(segment: segment, start: start + offset, duration: length))
                offset += length
            }
        }
        var groups: [Range<Int>] = []
        var first = 0
        var length = 0.0
        for (index, piece) in pieces.enumerated() {
            length += piece.duration
            if index + 1 - first == Self.piecesPerChunk || length >= segmentSeconds - Timeline.epsilon || index == pieces.count - 1 {
                groups.append(first..<index + 1)
                first = index + 1
                length = 0
            }
        }
        return (pieces, groups)
    }

    /// The render in parts: video-only chunks of up to three pieces (cut on frame boundaries,
    /// overlays shifted into the chunk), one audio pass for the whole mix, and a stream-copy
    /// stitch of both into `outputPath`. Files go in ``fileDirectory``.
    public func chunkedPlan(
        for request: CompositionRequest,
        timeline: Timeline,
        sources: [String: RenderSource],
        outputPath: String
    ) throws(RenderFailure) -> SegmentedPlan {
        guard let size = request.output.size else { throw RenderFailure("output.resolution is not understood") }
        let total = timeline.duration
        let fps = request.output.fps
        var chunks: [FFmpegPlan] = []
        var chunkList = "ffconcat version 1.0\n"
        var start = 0.0
        var frame = 0
        var effects: [String] = []
        var warnings: [String] = []
        let (pieces, groups) = segmentGroups(timeline, fps: fps)
        for (number, group) in groups.enumerated() {
            let end = start + group.map { pieces[$0].duration }.reduce(0, +)
            let endFrame = Int(clamping: (end * fps).rounded())
            let frames = endFrame - frame
            defer {
                start = end
                frame = endFrame
            }
            guard frames > 0 else { continue }
            let chunkStart = Double(frame) / fps
            let length = Double(frames) / fps
            var state = PlanState(width: size.width, height: size.height, fps: fps, x264Preset: x264Preset)
            state.includeAudio = false
            let labels = try state.addPieces(
                group, of: pieces, timeline: timeline, shift: chunkStart - start, request: request, sources: sources)
            var video = state.concat(labels).video
            state.graph.add([video], [.init("tpad", [("stop_mode", "clone"), ("stop_duration", NumberText.ffmpeg(2 / fps))])], ["padded"])
            video = "padded"
            video = decorate(
                &state, video: video, request: request, sources: sources, start: chunkStart, length: length, total: total,
                captionsFile: "captions\(number).ass")
            let name = "chunk\(number).\(request.output.format.fileExtension)"
            var arguments = state.encoderArguments(
                output: request.output, video: video, audio: nil, total: length, outputPath: fileDirectory + "/" + name
            )
            // Every segment the same fixed GOP (a keyframe each two seconds, none placed by scene cuts),
            // starting on a keyframe of its own: the joins are exact and the stitched file seeks alike everywhere.
            let gop = String(max(1, Int(clamping: (2 * fps).rounded())))
            arguments.insert(
                contentsOf: ["-g", gop, "-keyint_min", gop, "-sc_threshold", "0", "-frames:v", String(frames), "-an"],
                at: arguments.count - 6)
            effects += state.effects
            warnings += state.warnings
            chunkList += "file \(name)\n"
            chunks.append(FFmpegPlan(arguments: arguments, files: state.files, duration: length, appliedEffects: [], warnings: []))
        }

        var audio = PlanState(width: size.width, height: size.height, fps: fps, x264Preset: x264Preset)
        audio.includeVideo = false
        let whole = timeline.pieces
        let labels = try audio.addPieces(whole.indices, of: whole, timeline: timeline, request: request, sources: sources)
        let mixed = try audio.mixAudio(
            request.audio, clipAudio: audio.concat(labels).audio, overlays: request.overlays, sources: sources, total: total)
        let audioFile = fileDirectory + "/audio.m4a"
        let audioArguments =
            ["-hide_banner", "-nostdin", "-y", "-loglevel", "error"] + audio.inputArguments + [
                "-filter_complex", audio.graph.rendered, "-map", "[\(mixed)]", "-c:a", "aac", "-b:a", "128k", "-ar",
                String(Self.sampleRate), "-ac", "2", "-t", NumberText.ffmpeg(total), "-progress", "pipe:1", "-nostats", audioFile,
            ]
        let audioPass = FFmpegPlan(arguments: audioArguments, files: [:], duration: total / 10, appliedEffects: [], warnings: [])

        let listName = "chunks.ffconcat"
        let mux = [
            "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-f", "concat", "-safe", "0", "-i",
            fileDirectory + "/" + listName, "-i", audioFile, "-map", "0:v:0", "-map", "1:a:0", "-c", "copy", "-t",
            NumberText.ffmpeg(total), "-movflags", "+faststart", "-progress", "pipe:1", "-nostats", outputPath,
        ]
        var merged = PlanState(width: size.width, height: size.height, fps: fps, x264Preset: x264Preset)
        for effect in effects + audio.effects + ["chunked_render"] { merged.effect(effect) }
        for warning in warnings + audio.warnings where !merged.warnings.contains(warning) { merged.warnings.append(warning) }
        let stitch = FFmpegPlan(
            arguments: mux, files: [listName: chunkList], duration: total / 20, appliedEffects: merged.effects, warnings: merged.warnings)
        return SegmentedPlan(segments: chunks, audio: audioPass, stitch: stitch)
    }

    /// Draws the overlays and burned captions of the stretch of the timeline that starts
    /// `start` seconds into it and lasts `length` over `video`: times are shifted into the
    /// stretch, so an overlay begun earlier continues. Segments and preview frames both use it.
    func decorate(
        _ state: inout PlanState, video: String, request: CompositionRequest, sources: [String: RenderSource], start: Double,
        length: Double, total: Double, captionsFile: String
    ) -> String {
        var video = video
        for (index, overlay) in request.overlays.enumerated() where overlay.isShown(from: start, length: length, total: total) {
            var shifted = overlay
            shifted.startTime = overlay.startTime - start
            shifted.endTime = (overlay.endTime ?? total) - start
            if let text = overlay.text {
                video = state.addText(
                    shifted, text: text, index: index, on: video, total: total - start, fontFile: fontFile, directory: fileDirectory)
                state.effect("text_overlay")
            } else if let url = overlay.imageURL ?? overlay.videoURL, let source = sources[url] {
                video = state.addPicture(overlay, source: source, index: index, on: video, total: total, offset: start)
            }
        }
        if let captions = request.captions, captions.burn {
            video = state.addCaptions(
                captions.style, cues: captions.cues ?? [], on: video, offset: start, length: length, fontFile: fontFile,
                directory: fileDirectory, fileName: captionsFile)
        }
        return video
    }
}

extension Overlay {
    /// Whether the overlay is on screen at some time of the stretch `[start, start + length)`
    /// of a timeline lasting `total` seconds.
    func isShown(from start: Double, length: Double, total: Double) -> Bool {
        startTime < start + length && (endTime ?? total) > start
    }
}
