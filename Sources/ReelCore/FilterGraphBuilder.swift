import Foundation

/// A probed source ready to render: where its bytes are on local disk and what they hold.
public struct RenderSource: Sendable, Hashable {
    public var url: String
    public var path: String
    public var info: MediaInfo

    public init(url: String, path: String, info: MediaInfo) {
        self.url = url
        self.path = path
        self.info = info
    }
}

/// Everything needed to run one ffmpeg process for a composition.
public struct FFmpegPlan: Sendable, Hashable {
    /// Arguments after the `ffmpeg` executable.
    public var arguments: [String]
    /// Files (name relative to the working directory → contents) to write before running.
    public var files: [String: String]
    /// Length of the output in seconds.
    public var duration: Double
    public var appliedEffects: [String]
    public var warnings: [String]
}

/// Turns a composition and its probed sources into ffmpeg arguments: every input normalised to
/// the output's size, frame rate, pixel and sample format, placed on the timeline, joined by cuts
/// or xfades, overlaid, mixed with music and voice-over, and encoded.
public struct FilterGraphBuilder: Sendable {
    /// Font used by text overlays, as a path ffmpeg can open from the working directory.
    public var fontFile: String
    /// x264 speed preset.
    public var x264Preset: String
    /// Folder the plan's ``FFmpegPlan/files`` are written to.
    public var fileDirectory: String = "."
    public static let sampleRate = 48_000

    public init(fontFile: String, x264Preset: String = "veryfast") {
        self.fontFile = fontFile
        self.x264Preset = x264Preset
    }

    public func plan(
        for request: CompositionRequest,
        sources: [String: RenderSource],
        outputPath: String
    ) throws(RenderFailure) -> FFmpegPlan {
        guard let size = request.output.size else { throw RenderFailure("output.resolution is not understood") }
        var state = PlanState(width: size.width, height: size.height, fps: request.output.fps, x264Preset: x264Preset)
        let timeline = Timeline(clips: request.clips)
        let total = timeline.duration

        for (position, segment) in timeline.segments.enumerated() {
            switch segment.content {
            case .gap:
                state.addGap(position: position, duration: segment.duration)
                state.effect("gap")
            case .clip(let index):
                let clip = request.clips[index]
                guard let source = sources[clip.sourceURL] else {
                    throw RenderFailure("clips[\(index)]: source \(clip.sourceURL) was not fetched")
                }
                try state.addClip(
                    clip,
                    index: index,
                    position: position,
                    duration: segment.duration,
                    source: source,
                    originalVolume: request.audio.originalAudioVolume
                )
            }
        }
        var (video, audio) = state.join(timeline.segments)

        for (index, overlay) in request.overlays.enumerated() {
            if let text = overlay.text {
                video = state.addText(
                    overlay, text: text, index: index, on: video, total: total, fontFile: fontFile, directory: fileDirectory)
                state.effect("text_overlay")
            } else if let url = overlay.imageURL, let source = sources[url] {
                video = state.addImage(overlay, source: source, index: index, on: video, total: total)
                state.effect("image_overlay")
            }
        }

        if request.output.format.hasAudio {
            audio = try state.mixAudio(request.audio, clipAudio: audio, sources: sources, total: total)
        } else {
            state.graph.add([audio], [.init("anullsink")], [])
        }
        let arguments = state.encoderArguments(
            output: request.output,
            video: video,
            audio: request.output.format.hasAudio ? audio : nil,
            total: total,
            outputPath: outputPath
        )
        return FFmpegPlan(
            arguments: arguments,
            files: state.files,
            duration: total,
            appliedEffects: state.effects,
            warnings: state.warnings
        )
    }
}

/// The builder's working state: inputs so far, the graph, and labels.
struct PlanState {
    let width: Int
    let height: Int
    let fps: Double
    let x264Preset: String
    var inputArguments: [String] = []
    var inputCount = 0
    var graph = FilterGraph()
    var files: [String: String] = [:]
    var effects: [String] = []
    var warnings: [String] = []

    init(width: Int, height: Int, fps: Double, x264Preset: String) {
        self.width = width
        self.height = height
        self.fps = fps
        self.x264Preset = x264Preset
    }

    var sizeText: String { "\(width)x\(height)" }
    var fpsText: String { Self.number(fps) }

    mutating func effect(_ name: String) {
        if !effects.contains(name) { effects.append(name) }
    }

    mutating func addInput(_ options: [String], path: String) -> Int {
        inputArguments += options + ["-i", path]
        inputCount += 1
        return inputCount - 1
    }

    /// Black frames and silence.
    mutating func addGap(position: Int, duration: Double) {
        graph.add(
            [],
            [
                .init("color", [("c", "black"), ("s", sizeText), ("r", fpsText), ("d", Self.number(duration))]),
                .init("format", [("pix_fmts", "yuv420p")]),
                .init("setsar", [("r", "1")]),
            ],
            ["v\(position)"]
        )
        graph.add([], silence(duration), ["a\(position)"])
    }

    func silence(_ duration: Double) -> [FilterGraph.Filter] {
        [
            .init("anullsrc", [("r", String(FilterGraphBuilder.sampleRate)), ("cl", "stereo")]),
            .init("atrim", [("duration", Self.number(duration))]),
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

    mutating func addClip(
        _ clip: Clip,
        index: Int,
        position: Int,
        duration: Double,
        source: RenderSource,
        originalVolume: Double
    ) throws(RenderFailure) {
        let info = source.info
        guard info.hasVideo else {
            throw RenderFailure("clips[\(index)]: \(source.url) has no video or image stream")
        }
        let durationText = Self.number(duration)
        let input: Int
        var usable = min(clip.trimDuration, duration)
        if clip.isImage || info.isStill {
            input = addInput(["-loop", "1", "-framerate", fpsText, "-t", durationText], path: source.path)
            usable = duration
            effect("still_image")
        } else {
            if info.duration > 0, clip.trimStart >= info.duration - 0.001 {
                throw RenderFailure(
                    "clips[\(index)].trim_start (\(Self.number(clip.trimStart)) s) is past the end of \(source.url), which lasts \(Self.number(info.duration)) s"
                )
            }
            var options: [String] = []
            if clip.trimStart > 0 { options += ["-ss", Self.number(clip.trimStart)] }
            options += ["-t", Self.number(usable)]
            input = addInput(options, path: source.path)
            if info.duration > 0, clip.trimStart + usable > info.duration + 0.05 {
                warnings.append(
                    "clips[\(index)]: \(source.url) lasts \(Self.number(info.duration)) s, so its last frame is held for \(Self.number(clip.trimStart + usable - info.duration)) s"
                )
            }
            let available = info.duration > 0 ? info.duration - clip.trimStart : usable
            if min(usable, available) < duration - Timeline.epsilon { effect("hold_last_frame") }
        }
        if clip.trimStart > 0 || clip.trimEnd != nil { effect("trim") }

        var video: [FilterGraph.Filter] = [.init("setpts", [("expr", "PTS-STARTPTS")]), .init("fps", [("fps", fpsText)])]
        video += normalizeVideo(fit: clip.fit)
        video += [
            .init("setsar", [("r", "1")]),
            .init("format", [("pix_fmts", "yuv420p")]),
            .init("tpad", [("stop_mode", "clone"), ("stop_duration", durationText)]),
            .init("trim", [("duration", durationText)]),
            .init("setpts", [("expr", "PTS-STARTPTS")]),
        ]
        graph.add(["\(input):v:0"], video, ["v\(position)"])

        let volume = clip.volume * originalVolume
        if info.hasAudio && !(clip.isImage || info.isStill) && volume > 0 {
            graph.add(
                ["\(input):a:0"],
                normalizeAudio() + [
                    .init("volume", [("volume", Self.number(volume))]),
                    .init("apad", []),
                    .init("atrim", [("duration", durationText)]),
                ],
                ["a\(position)"]
            )
        } else {
            graph.add([], silence(duration), ["a\(position)"])
        }
    }

    func normalizeAudio() -> [FilterGraph.Filter] {
        [
            .init("aresample", [("osr", String(FilterGraphBuilder.sampleRate))]),
            .init("aformat", [("sample_fmts", "fltp"), ("channel_layouts", "stereo")]),
            .init("asetpts", [("expr", "PTS-STARTPTS")]),
        ]
    }

    /// Joins the segments: runs of cuts by one concat each, runs joined by xfade/acrossfade.
    mutating func join(_ segments: [Timeline.Segment]) -> (video: String, audio: String) {
        var groups: [[Int]] = []
        for (position, segment) in segments.enumerated() {
            if segment.transitionIn == nil, !groups.isEmpty {
                groups[groups.count - 1].append(position)
            } else {
                groups.append([position])
            }
        }
        var joined: [(video: String, audio: String)] = []
        for (number, group) in groups.enumerated() {
            if group.count == 1 {
                joined.append(("v\(group[0])", "a\(group[0])"))
                continue
            }
            graph.add(
                group.flatMap { ["v\($0)", "a\($0)"] },
                [.init("concat", [("n", String(group.count)), ("v", "1"), ("a", "1")])],
                ["cv\(number)", "ca\(number)"]
            )
            joined.append(("cv\(number)", "ca\(number)"))
        }
        var current = joined[0]
        for number in 1..<max(joined.count, 1) {
            let segment = segments[groups[number][0]]
            guard let transition = segment.transitionIn else { continue }
            let duration = Self.number(transition.duration)
            graph.add(
                [current.video, joined[number].video],
                [
                    .init(
                        "xfade",
                        [("transition", transition.type), ("duration", duration), ("offset", Self.number(segment.start))]
                    )
                ],
                ["xv\(number)"]
            )
            graph.add(
                [current.audio, joined[number].audio],
                [.init("acrossfade", [("d", duration), ("c1", "tri"), ("c2", "tri")])],
                ["xa\(number)"]
            )
            current = ("xv\(number)", "xa\(number)")
            effect("transition_\(transition.type)")
        }
        return current
    }

    /// x and y expressions placing an item of size `item` at `position` inside a frame of
    /// size `frame`, with a margin of 5 % of the frame's height.
    func anchor(
        _ position: OverlayPosition, frame: (w: String, h: String), item: (w: String, h: String)
    )
        -> (x: String, y: String)
    {
        let margin = "(\(frame.h)*0.05)"
        let left = margin
        let centerX = "(\(frame.w)-\(item.w))/2"
        let right = "\(frame.w)-\(item.w)-\(margin)"
        let top = margin
        let centerY = "(\(frame.h)-\(item.h))/2"
        let bottom = "\(frame.h)-\(item.h)-\(margin)"
        switch position {
        case .topLeft: return (left, top)
        case .topCenter: return (centerX, top)
        case .topRight: return (right, top)
        case .centerLeft: return (left, centerY)
        case .center: return (centerX, centerY)
        case .centerRight: return (right, centerY)
        case .bottomLeft: return (left, bottom)
        case .bottomCenter: return (centerX, bottom)
        case .bottomRight: return (right, bottom)
        }
    }

    func enableExpression(_ overlay: Overlay, total: Double) -> String {
        let end = min(overlay.endTime ?? total, total)
        return "between(t,\(Self.number(overlay.startTime)),\(Self.number(end)))"
    }

    mutating func addText(
        _ overlay: Overlay, text: String, index: Int, on video: String, total: Double, fontFile: String, directory: String
    ) -> String {
        let fileName = "overlay\(index).txt"
        files[fileName] = text
        let (x, y) = anchor(overlay.position, frame: ("w", "h"), item: ("text_w", "text_h"))
        let color = Color(overlay.fontColor)?.ffmpeg ?? "white"
        let label = "tv\(index)"
        graph.add(
            [video],
            [
                .init(
                    "drawtext",
                    [
                        ("fontfile", fontFile), ("textfile", directory + "/" + fileName), ("expansion", "none"),
                        ("fontsize", String(overlay.fontSize)), ("fontcolor", color),
                        ("borderw", String(max(1, overlay.fontSize / 24))), ("bordercolor", "black@0.6"),
                        ("x", x), ("y", y),
                        ("enable", enableExpression(overlay, total: total)),
                    ]
                )
            ],
            [label]
        )
        return label
    }

    mutating func addImage(_ overlay: Overlay, source: RenderSource, index: Int, on video: String, total: Double) -> String {
        let input = addInput(["-loop", "1", "-framerate", fpsText, "-t", Self.number(total)], path: source.path)
        let imageWidth = max(2, Int((Double(width) * overlay.scale / 2).rounded()) * 2)
        let (x, y) = anchor(overlay.position, frame: ("main_w", "main_h"), item: ("overlay_w", "overlay_h"))
        graph.add(
            ["\(input):v:0"],
            [
                .init("scale", [("w", String(imageWidth)), ("h", "-2")]),
                .init("format", [("pix_fmts", "rgba")]),
                .init("colorchannelmixer", [("aa", Self.number(overlay.opacity))]),
            ],
            ["img\(index)"]
        )
        let label = "iv\(index)"
        graph.add(
            [video, "img\(index)"],
            [
                .init(
                    "overlay",
                    [
                        ("x", x), ("y", y),
                        ("enable", enableExpression(overlay, total: total)), ("eof_action", "pass"),
                    ]
                )
            ],
            [label]
        )
        return label
    }

    mutating func mixAudio(
        _ audio: AudioSettings, clipAudio: String, sources: [String: RenderSource], total: Double
    )
        throws(RenderFailure) -> String
    {
        let totalText = Self.number(total)
        var mixInputs = [clipAudio]
        if let url = audio.musicURL, audio.musicVolume > 0 {
            guard let source = sources[url], source.info.hasAudio else {
                throw RenderFailure("audio.music_url: \(url) has no audio stream")
            }
            let input = addInput(audio.musicLoop ? ["-stream_loop", "-1"] : [], path: source.path)
            var filters = normalizeAudio() + [.init("volume", [("volume", Self.number(audio.musicVolume))])]
            if !audio.musicLoop { filters.append(.init("apad", [])) }
            filters.append(.init("atrim", [("duration", totalText)]))
            if audio.musicFadeIn > 0 {
                filters.append(.init("afade", [("t", "in"), ("st", "0"), ("d", Self.number(audio.musicFadeIn))]))
            }
            if audio.musicFadeOut > 0 {
                let fade = min(audio.musicFadeOut, total)
                filters.append(.init("afade", [("t", "out"), ("st", Self.number(total - fade)), ("d", Self.number(fade))]))
            }
            graph.add(["\(input):a:0"], filters, ["music"])
            mixInputs.append("music")
            effect("music")
        }
        if let url = audio.voiceoverURL, audio.voiceoverVolume > 0 {
            guard let source = sources[url], source.info.hasAudio else {
                throw RenderFailure("audio.voiceover_url: \(url) has no audio stream")
            }
            let input = addInput([], path: source.path)
            graph.add(
                ["\(input):a:0"],
                normalizeAudio() + [
                    .init("volume", [("volume", Self.number(audio.voiceoverVolume))]),
                    .init("apad", []),
                    .init("atrim", [("duration", totalText)]),
                ],
                ["voice"]
            )
            mixInputs.append("voice")
            effect("voiceover")
        }
        guard mixInputs.count > 1 else { return clipAudio }
        graph.add(
            mixInputs,
            [
                .init(
                    "amix",
                    [("inputs", String(mixInputs.count)), ("duration", "first"), ("dropout_transition", "0"), ("normalize", "0")]
                )
            ],
            ["mixed"]
        )
        return "mixed"
    }

    func encoderArguments(output: OutputSettings, video: String, audio: String?, total: Double, outputPath: String) -> [String] {
        var graph = self.graph
        var videoLabel = video
        if output.format == .gif {
            graph.add(
                [video],
                [.init("split", [("outputs", "2")])],
                ["gif_a", "gif_b"]
            )
            graph.add(["gif_a"], [.init("palettegen", [("stats_mode", "diff")])], ["palette"])
            graph.add(["gif_b", "palette"], [.init("paletteuse", [("dither", "bayer")])], ["gif"])
            videoLabel = "gif"
        }
        var arguments = ["-hide_banner", "-nostdin", "-y", "-loglevel", "error"] + inputArguments
        arguments += ["-filter_complex", graph.rendered, "-map", "[\(videoLabel)]"]
        if let audio { arguments += ["-map", "[\(audio)]"] }
        let bitrate = output.bitrate?.bitsPerSecond
        switch output.format {
        case .mp4, .mov:
            arguments += ["-c:v", "libx264", "-preset", x264Preset, "-pix_fmt", "yuv420p"]
            if let bitrate {
                arguments += ["-b:v", String(bitrate), "-maxrate", String(bitrate * 3 / 2), "-bufsize", String(bitrate * 2)]
            } else {
                arguments += ["-crf", "23"]
            }
            arguments += ["-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart"]
        case .webm:
            arguments += ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-row-mt", "1", "-pix_fmt", "yuv420p"]
            arguments += bitrate.map { ["-b:v", String($0)] } ?? ["-crf", "32", "-b:v", "0"]
            arguments += ["-c:a", "libopus", "-b:a", "128k"]
        case .gif:
            arguments += ["-loop", "0"]
        }
        if audio != nil { arguments += ["-ar", String(FilterGraphBuilder.sampleRate), "-ac", "2"] }
        arguments += ["-r", fpsText, "-t", Self.number(total), "-progress", "pipe:1", "-nostats", outputPath]
        return arguments
    }

    /// A number as ffmpeg reads it: no exponent, at most six decimals, no trailing zeros.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
