import AsyncHTTPClient
import Foundation
import Logging
import ReelApp
import ReelCore
import ReelObjects
import ReelRender
import Testing

/// Tiny media made with ffmpeg's lavfi sources, a renderer over a temporary object store,
/// and an ffprobe reader independent of Reel's own probe.
struct MediaKit {
    let folder: URL
    let objects: LocalObjectStore
    let renderer: CompositionRenderer
    static let ffmpeg = ReelConfiguration().ffmpegPath
    static let ffprobe = ReelConfiguration().ffprobePath

    /// A renderer wired by ``ReelRuntime`` as every Reel process wires it, over a temporary data folder.
    /// `settings` are extra `REEL_*` variables, such as `REEL_SEGMENT_SECONDS`.
    static func make(settings: [String: String] = [:]) throws -> MediaKit {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reel-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment["REEL_DATA_DIR"] = folder.path
        environment["REEL_STORAGE_URL"] = "file://" + folder.appendingPathComponent("objects").path
        environment.merge(settings) { $1 }
        let runtime = try ReelRuntime.openRendering(
            ReelConfiguration(environment: environment), logger: Logger(label: "reel-render-test"), httpClient: .shared)
        guard let objects = runtime.objects as? LocalObjectStore else { throw RenderFailure("expected local objects") }
        return MediaKit(folder: folder, objects: objects, renderer: runtime.renderer(scratch: folder.appendingPathComponent("scratch")))
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs ffmpeg with `arguments` and stores the result as an asset; returns its `asset://` URL.
    func asset(_ name: String, _ arguments: [String]) async throws -> String {
        let file = folder.appendingPathComponent(name)
        let outcome = try await ProcessRunner.run(Self.ffmpeg, ["-v", "error", "-y"] + arguments + [file.path])
        guard outcome.succeeded else { throw RenderFailure("fixture \(name): \(outcome.standardErrorTail)") }
        let id = UUID()
        try await objects.put(key: ObjectKeys.asset(id), file: file, contentType: "application/octet-stream")
        return "asset://\(id.uuidString.lowercased())"
    }

    /// A test-pattern video with a sine tone, `size` at `fps`.
    func video(
        seconds: Double, size: String = "160x90", fps: Int = 30, audio: Bool = true, tone: Int = 440
    ) async throws
        -> String
    {
        var arguments = ["-f", "lavfi", "-i", "testsrc2=size=\(size):rate=\(fps):duration=\(seconds)"]
        if audio { arguments += ["-f", "lavfi", "-i", "sine=frequency=\(tone):sample_rate=48000:duration=\(seconds)"] }
        arguments += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
        if audio { arguments += ["-c:a", "aac", "-shortest"] }
        return try await asset("v-\(UUID().uuidString.prefix(6)).mp4", arguments)
    }

    /// Renders `request`; its files are moved out of the renderer's scratch folder into the kit's.
    func render(_ request: CompositionRequest) async throws -> (RenderedFiles, URL) {
        let kept = folder.appendingPathComponent("rendered-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: kept, withIntermediateDirectories: true)
        let files = try await renderer.render(id: UUID(), request: request) { _, _ in
        } deliver: { files in
            var moved = files
            moved.output = kept.appendingPathComponent(files.output.lastPathComponent)
            try FileManager.default.moveItem(at: files.output, to: moved.output)
            if let thumbnail = files.thumbnail {
                moved.thumbnail = kept.appendingPathComponent(thumbnail.lastPathComponent)
                try FileManager.default.moveItem(at: thumbnail, to: kept.appendingPathComponent(thumbnail.lastPathComponent))
            }
            return moved
        }
        return (files, files.output)
    }

    /// What ffprobe says of a file's streams, counting frames.
    struct Probe {
        var formatDuration: Double
        var videoDuration: Double?
        var audioDuration: Double?
        var width: Int?
        var height: Int?
        var fps: Double?
        var frames: Int?
        var videoCodec: String?
        var audioCodec: String?
        var sampleRate: Int?
        var channels: Int?
    }

    /// Duration within a frame, audio (when present) as long as video, frame count = duration × fps.
    static func expectFrameAccurate(_ probe: Probe, duration: Double, fps: Double, sourceLocation: SourceLocation) {
        let frame = 1 / fps
        #expect(
            abs(probe.formatDuration - duration) <= frame, "format \(probe.formatDuration) vs \(duration)", sourceLocation: sourceLocation)
        #expect(abs((probe.videoDuration ?? 0) - duration) <= frame, "video \(probe.videoDuration ?? 0)", sourceLocation: sourceLocation)
        if probe.audioCodec != nil {
            #expect(
                abs((probe.audioDuration ?? 0) - (probe.videoDuration ?? 0)) <= frame, "audio \(probe.audioDuration ?? 0)",
                sourceLocation: sourceLocation)
        }
        #expect(abs(Double(probe.frames ?? 0) - duration * fps) <= 1, "frames \(probe.frames ?? 0)", sourceLocation: sourceLocation)
    }

    static func probe(_ file: URL) async throws -> Probe {
        let output = OutputCapture()
        let outcome = try await ProcessRunner.run(
            ffprobe,
            ["-v", "error", "-count_frames", "-print_format", "json", "-show_format", "-show_streams", file.path]
        ) { output.append($0) }
        guard outcome.succeeded,
            let root = try JSONSerialization.jsonObject(with: output.data) as? [String: Any],
            let format = root["format"] as? [String: Any]
        else { throw RenderFailure("ffprobe failed on \(file.path)") }
        let streams = root["streams"] as? [[String: Any]] ?? []
        let video = streams.first { $0["codec_type"] as? String == "video" }
        let audio = streams.first { $0["codec_type"] as? String == "audio" }
        func number(_ value: Any?) -> Double? { (value as? String).flatMap(Double.init) }
        let rate = (video?["avg_frame_rate"] as? String)?.split(separator: "/").compactMap { Double($0) }
        return Probe(
            formatDuration: number(format["duration"]) ?? 0,
            videoDuration: number(video?["duration"]),
            audioDuration: number(audio?["duration"]),
            width: video?["width"] as? Int,
            height: video?["height"] as? Int,
            fps: rate.flatMap { $0.count == 2 && $0[1] > 0 ? $0[0] / $0[1] : nil },
            frames: number(video?["nb_read_frames"]).map { Int(clamping: $0) },
            videoCodec: video?["codec_name"] as? String,
            audioCodec: audio?["codec_name"] as? String,
            sampleRate: number(audio?["sample_rate"]).map { Int(clamping: $0) },
            channels: audio?["channels"] as? Int
        )
    }

    /// The grey pixels of the frame at `time`, optionally cropped (`w:h:x:y`).
    static func frame(_ file: URL, at time: Double, crop: String? = nil) async throws -> Data {
        let output = OutputCapture()
        var arguments = ["-v", "error", "-ss", String(time), "-i", file.path, "-frames:v", "1"]
        if let crop { arguments += ["-vf", "crop=\(crop)"] }
        arguments += ["-f", "rawvideo", "-pix_fmt", "gray", "-"]
        let outcome = try await ProcessRunner.run(ffmpeg, arguments) { output.append($0) }
        guard outcome.succeeded, !output.data.isEmpty else { throw RenderFailure("no frame at \(time)") }
        return output.data
    }

    /// The Y, U and V planes of the frame at `time` as 8-bit yuv420p.
    static func planes(_ file: URL, at time: Double) async throws -> (y: Data, u: Data, v: Data) {
        let output = OutputCapture()
        let outcome = try await ProcessRunner.run(
            ffmpeg, ["-v", "error", "-ss", String(time), "-i", file.path, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "yuv420p", "-"]
        ) { output.append($0) }
        let data = output.data
        guard outcome.succeeded, data.count % 6 == 0, !data.isEmpty else { throw RenderFailure("no frame at \(time)") }
        let luma = data.count * 2 / 3
        let chroma = luma / 4
        return (data.prefix(luma), data.dropFirst(luma).prefix(chroma), data.suffix(chroma))
    }

    /// Peak signal-to-noise ratio (dB) of two grey frames of the same size; infinite when equal.
    static func psnr(_ a: Data, _ b: Data) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        let squares = zip(a, b).reduce(0) { $0 + (Int($1.0) - Int($1.1)) * (Int($1.0) - Int($1.1)) }
        guard squares > 0 else { return .infinity }
        return 10 * log10(255 * 255 / (Double(squares) / Double(a.count)))
    }

    /// Mean luma (0–255) of the frame at `time`.
    static func meanLuma(_ file: URL, at time: Double, crop: String? = nil) async throws -> Double {
        let bytes = try await frame(file, at: time, crop: crop)
        return Double(bytes.reduce(0) { $0 + Int($1) }) / Double(bytes.count)
    }

    /// Mean absolute difference of two grey frames of the same size.
    static func difference(_ a: Data, _ b: Data) -> Double {
        guard a.count == b.count, !a.isEmpty else { return .infinity }
        return Double(zip(a, b).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }) / Double(a.count)
    }

    /// The pitch of a pure tone between `start` and `end`, in Hz, from the zero crossings of its
    /// samples decoded by ffmpeg (mono, 48 kHz).
    static func toneFrequency(_ file: URL, from start: Double, to end: Double) async throws -> Double {
        let output = OutputCapture()
        let outcome = try await ProcessRunner.run(
            ffmpeg,
            [
                "-v", "error", "-ss", String(start), "-to", String(end), "-i", file.path, "-vn", "-ac", "1", "-ar", "48000", "-f", "s16le",
                "-",
            ]
        ) { output.append($0) }
        guard outcome.succeeded else { throw RenderFailure("no audio in \(file.lastPathComponent)") }
        let bytes = [UInt8](output.data)
        let samples = stride(from: 0, to: bytes.count - 1, by: 2).map { Int16(bitPattern: UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8) }
        let crossings = zip(samples, samples.dropFirst()).filter { ($0 < 0) != ($1 < 0) }.count
        return Double(crossings) / 2 / (Double(samples.count) / 48_000)
    }

    /// Integrated loudness (LUFS) by ffmpeg's EBU R128 meter.
    static func integratedLoudness(_ file: URL) async throws -> Double {
        let outcome = try await ProcessRunner.run(
            ffmpeg, ["-v", "info", "-nostats", "-i", file.path, "-vn", "-af", "ebur128", "-f", "null", "-"])
        let lines = outcome.standardErrorTail.split(separator: "\n")
        guard let summary = lines.lastIndex(where: { $0.contains("Integrated loudness") }),
            let line = lines[summary...].first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("I:") }),
            let value = line.split(separator: " ").compactMap({ Double($0) }).first
        else { throw RenderFailure("no loudness summary") }
        return value
    }

    /// Mean volume (dBFS) of the audio between `start` and `end`, after an optional filter.
    static func meanVolume(_ file: URL, from start: Double, to end: Double, filter: String? = nil) async throws -> Double {
        let chain = (filter.map { $0 + "," } ?? "") + "volumedetect"
        let outcome = try await ProcessRunner.run(
            ffmpeg,
            ["-v", "info", "-ss", String(start), "-to", String(end), "-i", file.path, "-vn", "-af", chain, "-f", "null", "-"]
        )
        guard let line = outcome.standardErrorTail.split(separator: "\n").first(where: { $0.contains("mean_volume") }),
            let value = line.split(separator: " ").dropLast().last.flatMap({ Double($0) })
        else { return -200 }
        return value
    }
}

func requireLocal(_ value: String?) throws -> String {
    guard let value else { throw RenderFailure("missing output") }
    return value
}
