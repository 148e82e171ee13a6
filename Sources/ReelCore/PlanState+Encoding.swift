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
        case .mp4, .mov:
            arguments += ["-c:v", "libx264", "-preset", x264Preset, "-pix_fmt", "yuv420p"]
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
        arguments += ["-r", fpsText, "-t", Self.number(total), "-progress", "pipe:1", "-nostats", outputPath]
        return arguments
    }

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
        arguments += ["-t", Self.number(total), "-progress", "pipe:1", "-nostats", outputPath]
        return arguments
    }
}
