import Foundation

extension PlanState {
    /// Output seconds of a reversed clip rendered by one input: `reverse` holds every frame of
    /// its input, so a longer span is cut into runs of whole frames this long (about 2 s,
    /// 60 frames of the output size at 30 fps) and the runs are joined in order.
    var reverseRun: Double { max(1, (2 * fps).rounded()) / fps }

    /// A reversed span of more frames than ``reverseRun``, as consecutive runs (two or more)
    /// joined by one concat into `labels`.
    mutating func addReversedRuns(
        _ clip: Clip,
        index: Int,
        from start: Double,
        duration: Double,
        clipDuration: Double,
        source: RenderSource,
        originalVolume: Double,
        labels: (video: String, audio: String)
    ) throws(RenderFailure) {
        let frames = Int(clamping: (duration * fps).rounded())
        let runFrames = Int(clamping: (reverseRun * fps).rounded())
        var runs: [(video: String, audio: String)] = []
        var done = 0
        while done < frames {
            let count = min(runFrames, frames - done)
            let run = (video: "\(labels.video)r\(runs.count)", audio: "\(labels.audio)r\(runs.count)")
            // The last run ends exactly where the span does, whatever rounding the frames had.
            let length = done + count == frames ? duration - Double(done) / fps : Double(count) / fps
            try addClipSpan(
                clip,
                index: index,
                from: start + Double(done) / fps,
                duration: length,
                clipDuration: clipDuration,
                source: source,
                originalVolume: originalVolume,
                labels: run
            )
            runs.append(run)
            done += count
        }
        _ = concat(runs, into: labels)
    }

    /// Crop, rotation and flip of the source picture, before it is fitted to the frame.
    mutating func reshape(_ clip: Clip) -> [FilterGraph.Filter] {
        var filters: [FilterGraph.Filter] = []
        if let crop = clip.crop {
            filters.append(
                .init(
                    "crop",
                    [
                        ("w", "iw*\(NumberText.ffmpeg(crop.width))"), ("h", "ih*\(NumberText.ffmpeg(crop.height))"),
                        ("x", "iw*\(NumberText.ffmpeg(crop.x))"), ("y", "ih*\(NumberText.ffmpeg(crop.y))"),
                    ]
                )
            )
            effect("crop")
        }
        switch clip.rotate {
        case 90: filters.append(.init("transpose", [("dir", "clock")]))
        case 180: filters += [.init("hflip"), .init("vflip")]
        case 270: filters.append(.init("transpose", [("dir", "cclock")]))
        default: break
        }
        if clip.rotate != 0 { effect("rotate_\(clip.rotate)") }
        if let flip = clip.flip {
            if flip != .vertical { filters.append(.init("hflip")) }
            if flip != .horizontal { filters.append(.init("vflip")) }
            effect("flip_\(flip.rawValue)")
        }
        if clip.speed != 1, !clip.isImage { effect("speed") }
        if clip.reverse, !clip.isImage { effect("reverse") }
        return filters
    }

    /// `atempo` steps multiplying to `speed` (each step allows 0.5–2); pitch is kept.
    func tempo(_ speed: Double) -> [FilterGraph.Filter] {
        var rest = speed
        var steps: [FilterGraph.Filter] = []
        while rest > 2 + 1e-9 {
            steps.append(.init("atempo", [("tempo", "2")]))
            rest /= 2
        }
        while rest < 0.5 - 1e-9 {
            steps.append(.init("atempo", [("tempo", "0.5")]))
            rest /= 0.5
        }
        if abs(rest - 1) > 1e-9 { steps.append(.init("atempo", [("tempo", NumberText.ffmpeg(rest))])) }
        return steps
    }

    /// The clip's fade in and out for the span `start`…`start + duration` of a segment lasting
    /// `clipDuration`: the span's timestamps are moved to the segment's clock, faded, and reset,
    /// so a fade cut across pieces or segments continues where it left off.
    mutating func clipFades(
        _ clip: Clip,
        from start: Double,
        duration: Double,
        clipDuration: Double
    ) -> (video: [FilterGraph.Filter], audio: [FilterGraph.Filter]) {
        let fadeIn = min(clip.fadeIn, clipDuration)
        let fadeOut = min(clip.fadeOut, clipDuration)
        let touchesIn = fadeIn > 0 && start < fadeIn
        let touchesOut = fadeOut > 0 && start + duration > clipDuration - fadeOut
        guard touchesIn || touchesOut else { return ([], []) }
        if fadeIn > 0 { effect("fade_in") }
        if fadeOut > 0 { effect("fade_out") }
        var video: [FilterGraph.Filter] = [.init("setpts", [("expr", PlanState.pts("PTS", plus: start))])]
        var audio: [FilterGraph.Filter] = [.init("asetpts", [("expr", PlanState.pts("PTS", plus: start))])]
        if touchesIn {
            video.append(.init("fade", [("t", "in"), ("st", "0"), ("d", NumberText.ffmpeg(fadeIn))]))
            audio.append(.init("afade", [("t", "in"), ("st", "0"), ("d", NumberText.ffmpeg(fadeIn))]))
        }
        if touchesOut {
            let outStart = NumberText.ffmpeg(clipDuration - fadeOut)
            video.append(.init("fade", [("t", "out"), ("st", outStart), ("d", NumberText.ffmpeg(fadeOut))]))
            audio.append(.init("afade", [("t", "out"), ("st", outStart), ("d", NumberText.ffmpeg(fadeOut))]))
        }
        video.append(.init("setpts", [("expr", "PTS-STARTPTS")]))
        audio.append(.init("asetpts", [("expr", "PTS-STARTPTS")]))
        return (video, audio)
    }
}
