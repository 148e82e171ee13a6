import Foundation

/// Joins clips by stream copy when nothing needs re-encoding: every source already has the
/// output's codec, size, frame rate, pixel format and audio layout, no filter is asked for,
/// and every cut falls on a keyframe of a source without B-frames (or takes it whole). Such a
/// render takes milliseconds instead of seconds.
public enum FastPath {
    /// Whether the request and its sources could take the fast path, before keyframes are known.
    public static func isCandidate(_ request: CompositionRequest, timeline: Timeline, sources: [String: RenderSource]) -> Bool {
        guard [.mp4, .mov].contains(request.output.format), let size = request.output.size,
            request.overlays.isEmpty, request.audio.musicURL == nil, request.audio.voiceoverURL == nil,
            request.audio.loudnessTarget == nil, request.audio.originalAudioVolume == 1
        else { return false }
        guard timeline.segments.allSatisfy({ $0.transitionIn == nil && $0.content != .gap }) else { return false }
        var setups = Set<String?>()
        for clip in request.clips {
            guard clip.videoURL != nil, clip.volume == 1, clip.zoom == .none, !clip.hasEffects, let info = sources[clip.sourceURL]?.info,
                !info.isStill, info.videoCodec == "h264", info.pixelFormat == "yuv420p", info.width == size.width,
                info.height == size.height, let fps = info.fps, abs(fps - request.output.fps) < 0.01,
                info.audioCodec == "aac", info.sampleRate == FilterGraphBuilder.sampleRate, info.channels == 2,
                clip.trimStart + clip.slotDuration <= info.duration + 0.5 / request.output.fps,
                clip.trimDuration >= clip.slotDuration - Timeline.epsilon
            else { return false }
            setups.insert(info.videoSetupHash)
        }
        return setups.count == 1 && setups.first! != nil
    }

    /// The stream-copy plan, or nil when a cut does not fall on a keyframe. `keyframes` maps
    /// each source URL to its keyframe times; `outputPath` and the list live in `directory`.
    public static func plan(
        for request: CompositionRequest,
        timeline: Timeline,
        sources: [String: RenderSource],
        keyframes: [String: [Double]],
        outputPath: String
    ) -> FFmpegPlan? {
        guard isCandidate(request, timeline: timeline, sources: sources) else { return nil }
        let frame = 1 / request.output.fps
        let clips = request.clips.sorted { $0.startTime < $1.startTime }
        var list = "ffconcat version 1.0\n"
        var links: [String: String] = [:]
        for (index, clip) in clips.enumerated() {
            guard let source = sources[clip.sourceURL], let times = keyframes[clip.sourceURL] else { return nil }
            let end = clip.trimStart + clip.slotDuration
            let onKeyframe = { (time: Double) in times.contains { abs($0 - time) < frame / 2 } }
            let wholeSource = clip.trimStart == 0 && end >= source.info.duration - frame / 2
            guard onKeyframe(clip.trimStart), wholeSource || onKeyframe(end) else { return nil }
            // The concat demuxer cuts by decode time, so a cut inside a source with B-frames keeps extra frames.
            guard wholeSource || !source.info.reordersFrames else { return nil }
            let name = "source\(index).mp4"
            links[name] = source.path
            list += "file \(name)\n"
            if clip.trimStart > 0 { list += "inpoint \(NumberText.ffmpeg(clip.trimStart))\n" }
            if end < source.info.duration - frame / 2 { list += "outpoint \(NumberText.ffmpeg(end))\n" }
        }
        let listName = "sources.ffconcat"
        var warnings = ["joined by stream copy: the sources already match the output, so nothing was re-encoded"]
        if request.output.bitrate != nil { warnings.append("output.bitrate was not applied: the sources' own bit rate is kept") }
        let directory = URL(fileURLWithPath: outputPath).deletingLastPathComponent().path
        return FFmpegPlan(
            arguments: ["-hide_banner", "-nostdin", "-y", "-loglevel", "error"] + SourceInput.concatOptions + [
                "-f", "concat", "-safe", "0", "-i", directory + "/" + listName, "-map", "0:v:0", "-map", "0:a:0", "-c", "copy", "-t",
                NumberText.ffmpeg(timeline.duration), "-movflags", "+faststart",
                "-progress", "pipe:1", "-nostats", outputPath,
            ],
            files: [listName: list],
            links: links,
            duration: timeline.duration,
            appliedEffects: ["stream_copy"],
            warnings: warnings
        )
    }
}
