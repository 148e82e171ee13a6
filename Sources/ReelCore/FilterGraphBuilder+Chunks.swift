import Foundation

extension FilterGraphBuilder {
    /// True when a render should run as chunks: an H.264 output of more than three pieces.
    /// One ffmpeg holding every source open grows by each source's decoder and filter pools
    /// (~120 MiB per 1080p piece, measured); a chunk holds at most three pieces.
    public static func prefersChunks(_ request: CompositionRequest) -> Bool {
        [.mp4, .mov].contains(request.output.format) && Timeline(clips: request.clips).pieces.count > piecesPerChunk
    }

    /// Pieces rendered by one chunk process: few enough to bound memory, enough to amortise start-up.
    static let piecesPerChunk = 3

    /// The render as steps run one after another: video-only chunks of up to three pieces (cut on
    /// frame boundaries, overlays shifted into the chunk), one audio pass for the whole mix, and a
    /// stream-copy mux of both into `outputPath`. Files go in ``fileDirectory``.
    public func chunkedPlan(
        for request: CompositionRequest,
        sources: [String: RenderSource],
        outputPath: String
    ) throws(RenderFailure) -> [FFmpegPlan] {
        guard let size = request.output.size else { throw RenderFailure("output.resolution is not understood") }
        let timeline = Timeline(clips: request.clips)
        let total = timeline.duration
        let fps = request.output.fps
        var steps: [FFmpegPlan] = []
        var chunkList = "ffconcat version 1.0\n"
        var start = 0.0
        var frame = 0
        var effects: [String] = []
        var warnings: [String] = []
        let pieces = timeline.pieces
        let groups = stride(from: 0, to: pieces.count, by: Self.piecesPerChunk).map { $0..<min($0 + Self.piecesPerChunk, pieces.count) }
        for (number, group) in groups.enumerated() {
            let end = start + group.map { pieces[$0].duration }.reduce(0, +)
            let endFrame = Int((end * fps).rounded())
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
            var labels: [(video: String, audio: String)] = []
            for index in group {
                let label = ("v\(index)", "a\(index)")
                let shift = index == group.lowerBound ? chunkStart - start : 0
                switch pieces[index] {
                case .span(let segment, let offset, let duration):
                    try state.addSpan(
                        of: timeline.segments[segment], from: offset + shift, duration: duration - shift, request: request,
                        sources: sources, labels: label
                    )
                case .transition(let to, let transition):
                    let outgoing = timeline.segments[to - 1]
                    let d = transition.duration
                    let tail = ("t\(index)v", "t\(index)a")
                    let head = ("h\(index)v", "h\(index)a")
                    try state.addSpan(
                        of: outgoing, from: outgoing.duration - d, duration: d, request: request, sources: sources, labels: tail)
                    try state.addSpan(of: timeline.segments[to], from: 0, duration: d, request: request, sources: sources, labels: head)
                    state.blend(tail, into: head, transition: transition, labels: label)
                }
                labels.append(label)
            }
            var video = state.concat(labels).video
            state.graph.add([video], [.init("tpad", [("stop_mode", "clone"), ("stop_duration", PlanState.number(2 / fps))])], ["padded"])
            video = "padded"
            for (index, overlay) in request.overlays.enumerated() {
                let overlayEnd = overlay.endTime ?? total
                guard overlay.startTime < chunkStart + length, overlayEnd > chunkStart else { continue }
                var shifted = overlay
                shifted.startTime = overlay.startTime - chunkStart
                shifted.endTime = overlayEnd - chunkStart
                if let text = overlay.text {
                    video = state.addText(
                        shifted, text: text, index: index, on: video, total: total - chunkStart, fontFile: fontFile,
                        directory: fileDirectory
                    )
                    state.effect("text_overlay")
                } else if let url = overlay.imageURL, let source = sources[url] {
                    video = state.addImage(shifted, source: source, index: index, on: video, total: total - chunkStart)
                    state.effect("image_overlay")
                }
            }
            let name = "chunk\(number).\(request.output.format.fileExtension)"
            var arguments = state.encoderArguments(
                output: request.output, video: video, audio: nil, total: length, outputPath: fileDirectory + "/" + name
            )
            arguments.insert(contentsOf: ["-frames:v", String(frames), "-an"], at: arguments.count - 6)
            effects += state.effects
            warnings += state.warnings
            chunkList += "file \(name)\n"
            steps.append(FFmpegPlan(arguments: arguments, files: state.files, duration: length, appliedEffects: [], warnings: []))
        }

        var audio = PlanState(width: size.width, height: size.height, fps: fps, x264Preset: x264Preset)
        audio.includeVideo = false
        var labels: [(video: String, audio: String)] = []
        for (number, piece) in timeline.pieces.enumerated() {
            let label = ("v\(number)", "a\(number)")
            switch piece {
            case .span(let segment, let offset, let duration):
                try audio.addSpan(
                    of: timeline.segments[segment], from: offset, duration: duration, request: request, sources: sources, labels: label)
            case .transition(let to, let transition):
                let outgoing = timeline.segments[to - 1]
                let d = transition.duration
                try audio.addSpan(
                    of: outgoing, from: outgoing.duration - d, duration: d, request: request, sources: sources,
                    labels: ("t\(number)v", "t\(number)a")
                )
                try audio.addSpan(
                    of: timeline.segments[to], from: 0, duration: d, request: request, sources: sources,
                    labels: ("h\(number)v", "h\(number)a")
                )
                audio.blend(("t\(number)v", "t\(number)a"), into: ("h\(number)v", "h\(number)a"), transition: transition, labels: label)
            }
            labels.append(label)
        }
        let mixed = try audio.mixAudio(request.audio, clipAudio: audio.concat(labels).audio, sources: sources, total: total)
        let audioFile = fileDirectory + "/audio.m4a"
        let audioArguments =
            ["-hide_banner", "-nostdin", "-y", "-loglevel", "error"] + audio.inputArguments + [
                "-filter_complex", audio.graph.rendered, "-map", "[\(mixed)]", "-c:a", "aac", "-b:a", "128k", "-ar",
                String(Self.sampleRate), "-ac", "2", "-t", PlanState.number(total), "-progress", "pipe:1", "-nostats", audioFile,
            ]
        steps.append(FFmpegPlan(arguments: audioArguments, files: [:], duration: total / 10, appliedEffects: [], warnings: []))

        let listName = "chunks.ffconcat"
        let mux = [
            "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-f", "concat", "-safe", "0", "-i",
            fileDirectory + "/" + listName, "-i", audioFile, "-map", "0:v:0", "-map", "1:a:0", "-c", "copy", "-t",
            PlanState.number(total), "-movflags", "+faststart", "-progress", "pipe:1", "-nostats", outputPath,
        ]
        var merged = PlanState(width: size.width, height: size.height, fps: fps, x264Preset: x264Preset)
        for effect in effects + audio.effects + ["chunked_render"] { merged.effect(effect) }
        for warning in warnings + audio.warnings where !merged.warnings.contains(warning) { merged.warnings.append(warning) }
        steps.append(
            FFmpegPlan(
                arguments: mux, files: [listName: chunkList], duration: total / 20, appliedEffects: merged.effects,
                warnings: merged.warnings
            )
        )
        return steps
    }
}
