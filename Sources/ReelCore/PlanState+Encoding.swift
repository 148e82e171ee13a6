import Foundation

extension PlanState {
    /// The whole argv: inputs, the graph, maps, and the encoder for the output format.
    func encoderArguments(output: OutputSettings, video: String, audio: String?, total: Double, outputPath: String) -> [String] {
        var graph = self.graph
        var videoLabel = video
        if output.format == .gif {
            graph.add([video], [.init("split", [("outputs", "2")])], ["gif_a", "gif_b"])
            graph.add(["gif_a"], [.init("palettegen", [("stats_mode", "diff")])], ["palette"])
            graph.add(["gif_b", "palette"], [.init("paletteuse", [("dither", "bayer")])], ["gif"])
            videoLabel = "gif"
        }
        var arguments = ["-hide_banner", "-nostdin", "-y", "-loglevel", "error"] + inputArguments
        arguments += ["-filter_complex", graph.rendered, "-map", "[\(videoLabel)]"]
        if let audio { arguments += ["-map", "[\(audio)]"] }
        let bitrate = output.bitrate?.bitsPerSecond
        switch output.format {
        case .mp4, .mov, .hls:
            arguments += ["-c:v", "libx264", "-preset", preset(output), "-pix_fmt", "yuv420p"]
            if let bitrate {
                arguments += ["-b:v", String(bitrate), "-maxrate", String(bitrate * 3 / 2), "-bufsize", String(bitrate * 2)]
            } else {
                arguments += ["-crf", String(output.quality.crf.x264)]
            }
            arguments += ["-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart"]
        case .webm:
            arguments += ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-row-mt", "1", "-pix_fmt", "yuv420p"]
            arguments += bitrate.map { ["-b:v", String($0)] } ?? ["-crf", String(output.quality.crf.vp9), "-b:v", "0"]
            arguments += ["-c:a", "libopus", "-b:a", "128k"]
        case .gif:
            arguments += ["-loop", "0"]
        case .mp3, .m4a, .wav:
            break  // encoded by audioArguments; no video to map
        }
        if audio != nil { arguments += ["-ar", String(FilterGraphBuilder.sampleRate), "-ac", "2"] }
        arguments += ["-r", fpsText, "-t", NumberText.ffmpeg(total), "-progress", "pipe:1", "-nostats", outputPath]
        return arguments
    }

    /// x264's speed preset: the fastest for a draft.
    func preset(_ output: OutputSettings) -> String { output.quality == .draft ? "ultrafast" : x264Preset }

    /// The argv of an audio-only output: MP3 (LAME, 192 kb/s), M4A (AAC, 192 kb/s) or WAV (16-bit PCM).
    func audioArguments(format: OutputFormat, audio: String, total: Double, outputPath: String) -> [String] {
        var arguments = ["-hide_banner", "-nostdin", "-y", "-loglevel", "error"] + inputArguments
        arguments += ["-filter_complex", graph.rendered, "-map", "[\(audio)]"]
        switch format {
        case .mp3: arguments += ["-c:a", "libmp3lame", "-b:a", "192k"]
        case .m4a: arguments += ["-c:a", "aac", "-b:a", "192k", "-movflags", "+faststart"]
        default: arguments += ["-c:a", "pcm_s16le"]
        }
        arguments += ["-ar", String(FilterGraphBuilder.sampleRate), "-ac", "2"]
        arguments += ["-t", NumberText.ffmpeg(total), "-progress", "pipe:1", "-nostats", outputPath]
        return arguments
    }

    /// The argv of a ladder: the timeline decoded once, split and scaled to every rendition.
    /// HLS writes fMP4 segments (a keyframe every 2 s, cut every 4 s), a playlist per rendition
    /// and `master.m3u8` into `outputPath`'s folder; MP4 writes `rendition-NAME.mp4` beside
    /// `outputPath` for each smaller size and the largest to `outputPath` itself (the last argument).
    func ladderArguments(
        output: OutputSettings, ladder: [Rendition], video: String, audio: String, total: Double, outputPath: String
    ) -> [String] {
        var graph = self.graph
        let count = ladder.count
        let videos = (0..<count).map { "lv\($0)" }
        let audios = (0..<count).map { "la\($0)" }
        graph.add([video], [.init("split", [("outputs", String(count))])], (0..<count).map { "ls\($0)" })
        for (index, rendition) in ladder.enumerated() {
            graph.add(
                ["ls\(index)"],
                [
                    .init("scale", [("w", String(rendition.width)), ("h", String(rendition.height))]),
                    .init("setsar", [("r", "1")]),
                ],
                [videos[index]])
        }
        graph.add([audio], [.init("asplit", [("outputs", String(count))])], audios)
        let gop = String(max(1, Int(clamping: (2 * fps).rounded())))
        let full = Double(width * height)
        func rate(_ index: Int, stream: String) -> [String] {
            guard let bitrate = output.bitrate?.bitsPerSecond else { return ["-crf\(stream)", String(output.quality.crf.x264)] }
            let scaled = max(200_000, Int(clamping: Double(bitrate) * Double(ladder[index].width * ladder[index].height) / full))
            return ["-b:v\(stream)", String(scaled), "-maxrate\(stream)", String(scaled * 3 / 2), "-bufsize\(stream)", String(scaled * 2)]
        }
        let x264 = [
            "-c:v", "libx264", "-preset", preset(output), "-pix_fmt", "yuv420p", "-g", gop, "-keyint_min", gop, "-sc_threshold", "0",
        ]
        let aac = ["-c:a", "aac", "-b:a", "128k", "-ar", String(FilterGraphBuilder.sampleRate), "-ac", "2"]
        var arguments = ["-hide_banner", "-nostdin", "-y", "-loglevel", "error"] + inputArguments
        arguments += ["-filter_complex", graph.rendered, "-progress", "pipe:1", "-nostats"]
        let folder = (outputPath as NSString).deletingLastPathComponent
        if output.format == .hls {
            // ffmpeg fills in %v of the init segment's name only for two variants or more.
            let initName = count == 1 ? "init_0.mp4" : "init_%v.mp4"
            for index in 0..<count { arguments += ["-map", "[\(videos[index])]", "-map", "[\(audios[index])]"] }
            arguments += x264 + (0..<count).flatMap { rate($0, stream: ":\($0)") } + aac
            arguments += ["-r", fpsText, "-t", NumberText.ffmpeg(total)]
            arguments += [
                "-f", "hls", "-hls_time", "4", "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4", "-hls_flags",
                "independent_segments", "-hls_fmp4_init_filename", initName, "-hls_segment_filename", folder + "/seg_%v_%03d.m4s",
                "-master_pl_name", (outputPath as NSString).lastPathComponent, "-var_stream_map",
                (0..<count).map { "v:\($0),a:\($0)" }.joined(separator: " "), folder + "/stream_%v.m3u8",
            ]
            return arguments
        }
        for index in (0..<count).reversed() {
            let path = index == 0 ? outputPath : folder + "/rendition-\(ladder[index].name).mp4"
            arguments += ["-map", "[\(videos[index])]", "-map", "[\(audios[index])]"] + x264 + rate(index, stream: "") + aac
            arguments += ["-r", fpsText, "-t", NumberText.ffmpeg(total), "-movflags", "+faststart", path]
        }
        return arguments
    }
}
