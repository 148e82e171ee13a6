import Foundation

extension PlanState {
    /// `duration` seconds of `segment` from `start` seconds into it, normalised to the output,
    /// as a video and an audio pad named by `labels`.
    mutating func addSpan(
        of segment: Timeline.Segment,
        from start: Double,
        duration: Double,
        request: CompositionRequest,
        sources: [String: RenderSource],
        labels: (video: String, audio: String)
    ) throws(RenderFailure) {
        switch segment.content {
        case .gap:
            addGap(duration: duration, labels: labels)
            effect("gap")
        case .clip(let index):
            let clip = request.clips[index]
            guard let source = sources[clip.sourceURL] else {
                throw RenderFailure("clips[\(index)]: source \(clip.sourceURL) was not fetched")
            }
            try addClipSpan(
                clip,
                index: index,
                from: start,
                duration: duration,
                clipDuration: segment.duration,
                source: source,
                originalVolume: request.audio.originalAudioVolume,
                labels: labels
            )
        }
    }

    /// Black frames and silence.
    mutating func addGap(duration: Double, labels: (video: String, audio: String)) {
        if includeVideo {
            graph.add(
                [],
                [
                    .init("color", [("c", "black"), ("s", sizeText), ("r", fpsText), ("d", NumberText.ffmpeg(duration))]),
                    .init("format", [("pix_fmts", "yuv420p")]),
                    .init("setsar", [("r", "1")]),
                ],
                [labels.video]
            )
        }
        if includeAudio { graph.add([], silence(duration), [labels.audio]) }
    }

    func silence(_ duration: Double) -> [FilterGraph.Filter] {
        [
            .init("anullsrc", [("r", String(FilterGraphBuilder.sampleRate)), ("cl", "stereo")]),
            .init("atrim", [("duration", NumberText.ffmpeg(duration))]),
        ]
    }

    func normalizeVideo(fit: Fit) -> [FilterGraph.Filter] {
        let w = String(width)
        let h = String(height)
        switch fit {
        case .contain:
            return [
                .init("scale", [("w", w), ("h", h), ("force_original_aspect_ratio", "decrease"), ("force_divisible_by", "2")]),
                .init("pad", [("w", w), ("h", h), ("x", "(ow-iw)/2"), ("y", "(oh-ih)/2"), ("color", "black")]),
            ]
        case .cover:
            return [
                .init("scale", [("w", w), ("h", h), ("force_original_aspect_ratio", "increase")]),
                .init("crop", [("w", w), ("h", h)]),
            ]
        }
    }

    func normalizeAudio() -> [FilterGraph.Filter] {
        [
            .init("aresample", [("osr", String(FilterGraphBuilder.sampleRate))]),
            .init("aformat", [("sample_fmts", "fltp"), ("channel_layouts", "stereo")]),
            .init("asetpts", [("expr", "PTS-STARTPTS")]),
        ]
    }

    /// A slow zoom over the whole clip, continued across the clip's pieces.
    func zoom(_ zoom: Zoom, from start: Double, clipDuration: Double) -> [FilterGraph.Filter] {
        let frames = max(1, (clipDuration * fps).rounded())
        let offset = NumberText.ffmpeg((start * fps).rounded())
        let progress = "(on+\(offset))/\(NumberText.ffmpeg(frames))"
        let z = zoom == .in ? "1+0.2*\(progress)" : "1.2-0.2*\(progress)"
        return [
            .init("scale", [("w", String(width * 2)), ("h", String(height * 2))]),
            .init(
                "zoompan",
                [
                    ("z", z), ("x", "iw/2-(iw/zoom/2)"), ("y", "ih/2-(ih/zoom/2)"), ("d", "1"), ("s", sizeText),
                    ("fps", fpsText),
                ]
            ),
        ]
    }

    mutating func addClipSpan(
        _ clip: Clip,
        index: Int,
        from start: Double,
        duration: Double,
        clipDuration: Double,
        source: RenderSource,
        originalVolume: Double,
        labels: (video: String, audio: String)
    ) throws(RenderFailure) {
        let info = source.info
        guard info.hasVideo else {
            throw RenderFailure("clips[\(index)]: \(source.url) has no video or image stream")
        }
        let still = clip.isImage || info.isStill
        if clip.reverse, !still, (duration * fps).rounded() > (reverseRun * fps).rounded() {
            try addReversedRuns(
                clip,
                index: index,
                from: start,
                duration: duration,
                clipDuration: clipDuration,
                source: source,
                originalVolume: originalVolume,
                labels: labels
            )
            return
        }
        let durationText = NumberText.ffmpeg(duration)
        let speed = still ? 1 : clip.speed
        let inputOptions: [String]
        var lead = 0.0
        var hasSourceAudio = false
        if still {
            inputOptions = ["-loop", "1", "-framerate", fpsText, "-t", durationText]
            effect("still_image")
        } else {
            if info.duration > 0, clip.trimStart >= info.duration - 0.001 {
                throw RenderFailure(
                    "clips[\(index)].trim_start (\(NumberText.ffmpeg(clip.trimStart)) s) is past the end of \(source.url), which lasts \(NumberText.ffmpeg(info.duration)) s"
                )
            }
            // Output seconds the source range fills at the clip's speed.
            let available = (info.duration > 0 ? min(clip.trimDuration, info.duration - clip.trimStart) : clip.trimDuration) / speed
            let wanted = min(clip.trimDuration, clipDuration * speed)
            if start == 0, info.duration > 0, clip.trimStart + wanted > info.duration + 0.05 {
                warnings.append(
                    "clips[\(index)]: \(source.url) lasts \(NumberText.ffmpeg(info.duration)) s, so its last frame is held for \(NumberText.ffmpeg((clip.trimStart + wanted - info.duration) / speed)) s"
                )
            }
            if available < clipDuration - Timeline.epsilon, start + duration > available + Timeline.epsilon {
                effect("hold_last_frame")
            }
            var options: [String] = []
            let seek: Double
            let take: Double
            if start < available - Timeline.epsilon {
                let end = min(start + duration, available)
                seek = clip.trimStart + (clip.reverse ? available - end : start) * speed
                take = (end - start) * speed
                hasSourceAudio = info.hasAudio
            } else {
                lead = min(0.1, available)
                seek = clip.trimStart + (clip.reverse ? 0 : available - lead) * speed
                take = lead * speed
            }
            if seek > 0 { options += ["-ss", NumberText.ffmpeg(seek)] }
            options += ["-t", NumberText.ffmpeg(take)]
            inputOptions = options
        }
        let volume = clip.volume * originalVolume
        let wantsSourceAudio = includeAudio && hasSourceAudio && volume > 0
        let input = includeVideo || wantsSourceAudio ? addInput(inputOptions, path: source.path) : -1
        if clip.trimStart > 0 || clip.trimEnd != nil { effect("trim") }

        // Times stay measured from the seek point (ffmpeg's input -ss makes it 0), not from the
        // first frame after it: a stretch cut anywhere (a segment, a preview frame) places every
        // source frame where the whole render does. The frame-rate filter starts the output at 0.
        let retime = speed == 1 ? "PTS" : "PTS/\(NumberText.ffmpeg(speed))"
        var video: [FilterGraph.Filter] = [.init("setpts", [("expr", retime)])]
        video += reshape(clip)
        video.append(.init("fps", [("fps", fpsText), ("start_time", "0")]))
        let reshaped = clip.crop != nil || clip.rotate % 180 != 0
        if still || reshaped || info.width != width || info.height != height { video += normalizeVideo(fit: clip.fit) }
        video.append(.init("setsar", [("r", "1")]))
        if still || info.pixelFormat != "yuv420p" { video.append(.init("format", [("pix_fmts", "yuv420p")])) }
        if clip.reverse, !still { video.append(.init("reverse")) }
        if let look = clip.look {
            video += look.filters(height: height)
            effect("look_\(look.rawValue)")
        }
        if clip.zoom != .none {
            video += zoom(clip.zoom, from: start, clipDuration: clipDuration)
            effect("zoom_\(clip.zoom.rawValue)")
        }
        video += [
            .init("tpad", [("stop_mode", "clone"), ("stop_duration", NumberText.ffmpeg(duration + lead))]),
            lead > 0
                ? .init("trim", [("start", NumberText.ffmpeg(lead)), ("duration", durationText)])
                : .init("trim", [("duration", durationText)]),
            .init("setpts", [("expr", "PTS-STARTPTS")]),
        ]
        let fades = clipFades(clip, from: start, duration: duration, clipDuration: clipDuration)
        video += fades.video
        if includeVideo { graph.add(["\(input):v:0"], video, [labels.video]) }

        if !includeAudio { return }
        if wantsSourceAudio {
            let gain: [FilterGraph.Filter] = volume == 1 ? [] : [.init("volume", [("volume", NumberText.ffmpeg(volume))])]
            let played: [FilterGraph.Filter] = (clip.reverse ? [.init("areverse")] : []) + tempo(speed)
            graph.add(
                ["\(input):a:0"],
                normalizeAudio() + played + gain + [.init("apad", []), .init("atrim", [("duration", durationText)])] + fades.audio,
                [labels.audio]
            )
        } else {
            graph.add([], silence(duration), [labels.audio])
        }
    }
}
