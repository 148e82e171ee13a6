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
    /// Symbolic links (name in the working directory → target) to make before running.
    public var links: [String: String] = [:]
    /// Length of the output in seconds.
    public var duration: Double
    public var appliedEffects: [String]
    public var warnings: [String]

    public init(
        arguments: [String], files: [String: String], links: [String: String] = [:], duration: Double, appliedEffects: [String],
        warnings: [String]
    ) {
        self.arguments = arguments
        self.files = files
        self.links = links
        self.duration = duration
        self.appliedEffects = appliedEffects
        self.warnings = warnings
    }

    /// The file the step writes: every plan's arguments end with it.
    public var outputPath: String { arguments.last ?? "" }
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
    /// Longest video segment of a segmented render, in seconds (`REEL_SEGMENT_SECONDS`).
    public var segmentSeconds: Double = 10
    public static let sampleRate = 48_000

    public init(fontFile: String, x264Preset: String = "veryfast") {
        self.fontFile = fontFile
        self.x264Preset = x264Preset
    }

    /// The whole render as one ffmpeg process.
    public func plan(
        for request: CompositionRequest,
        timeline: Timeline,
        sources: [String: RenderSource],
        outputPath: String
    ) throws(RenderFailure) -> FFmpegPlan {
        guard let size = request.output.size else { throw RenderFailure("output.resolution is not understood") }
        var state = PlanState(width: size.width, height: size.height, fps: request.output.fps, x264Preset: x264Preset)
        state.includeVideo = request.output.format.hasVideo
        let total = timeline.duration
        let pieces = timeline.pieces
        let labels = try state.addPieces(pieces.indices, of: pieces, timeline: timeline, request: request, sources: sources)
        var (video, audio) = state.concat(labels)
        if !state.includeVideo {
            audio = try state.mixAudio(request.audio, clipAudio: audio, overlays: request.overlays, sources: sources, total: total)
            if !request.overlays.isEmpty { state.warnings.append("overlays are not drawn in an audio-only output") }
            if request.captions?.burn == true { state.warnings.append("captions are not burned into an audio-only output") }
            state.effect("audio_only")
            return FFmpegPlan(
                arguments: state.audioArguments(format: request.output.format, audio: audio, total: total, outputPath: outputPath),
                files: state.files,
                duration: total,
                appliedEffects: state.effects,
                warnings: state.warnings
            )
        }

        for (index, overlay) in request.overlays.enumerated() {
            if let text = overlay.text {
                video = state.addText(
                    overlay, text: text, index: index, on: video, total: total, fontFile: fontFile, directory: fileDirectory)
                state.effect("text_overlay")
            } else if let url = overlay.imageURL ?? overlay.videoURL, let source = sources[url] {
                video = state.addPicture(overlay, source: source, index: index, on: video, total: total)
            }
        }

        if let captions = request.captions, captions.burn {
            video = state.addCaptions(
                captions.style, cues: captions.cues ?? [], on: video, offset: 0, length: total, fontFile: fontFile, directory: fileDirectory
            )
        }
        if request.output.format.hasAudio {
            audio = try state.mixAudio(request.audio, clipAudio: audio, overlays: request.overlays, sources: sources, total: total)
        } else {
            state.graph.add([audio], [.init("anullsink")], [])
        }
        let ladder = request.output.ladder
        if !ladder.isEmpty {
            state.effect(request.output.format == .hls ? "hls" : "renditions")
            return FFmpegPlan(
                arguments: state.ladderArguments(
                    output: request.output, ladder: ladder, video: video, audio: audio, total: total, outputPath: outputPath),
                files: state.files, duration: total, appliedEffects: state.effects, warnings: state.warnings)
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
            links: [:],
            duration: total,
            appliedEffects: state.effects,
            warnings: state.warnings
        )
    }
}
