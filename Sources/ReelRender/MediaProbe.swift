import Foundation
import ReelCore

/// Reads what a media file holds with ffprobe.
public struct MediaProbe: Sendable {
    public var ffprobePath: String
    /// Remembers answers for files that do not change (sources); nil probes every time.
    public var cache: ProbeCache?
    /// CPU niceness of ffprobe (as of the renders it serves).
    public var niceness: Int32 = 0

    public init(ffprobePath: String, cache: ProbeCache? = nil) {
        self.ffprobePath = ffprobePath
        self.cache = cache
    }

    /// Probes `path`; `name` is how errors refer to the file (its URL).
    public func probe(_ path: String, name: String) async throws -> MediaInfo {
        guard let cache, let key = ProbeCache.key(path) else { return try await probeUncached(path, name: name) }
        if let known = cache.info(key) { return known }
        return try await cache.infoInFlight.run(key) {
            let info = try await probeUncached(path, name: name)
            cache.update(key) { $0.info = info }
            return info
        }
    }

    /// Probes a file Reel rendered itself, which may be an HLS playlist: read without the
    /// confinement sources get (``SourceInput``).
    public func probeRendered(_ path: String) async throws -> MediaInfo {
        try await probeUncached(path, name: "the rendered output", confined: false)
    }

    func probeUncached(_ path: String, name: String, confined: Bool = true) async throws -> MediaInfo {
        let output = OutputCapture()
        let outcome = try await ProcessRunner.run(
            ffprobePath,
            ["-v", "error"] + (confined ? SourceInput.options : [])
                + ["-print_format", "json", "-show_data_hash", "SHA256", "-show_format", "-show_streams", path],
            niceness: niceness
        ) { output.append($0) }
        guard outcome.succeeded else {
            if outcome.standardErrorTail.contains("not on whitelist") {
                throw RenderFailure(
                    "\(name) is a playlist, manifest or other format Reel does not read; send the media file itself")
            }
            let reason = outcome.standardErrorTail.split(separator: "\n").last.map(String.init) ?? "unknown format"
            throw RenderFailure("\(name) is not a readable media file (\(Self.clean(reason, path: path)))")
        }
        guard let info = Self.parse(output.data) else {
            throw RenderFailure("\(name) is not a readable media file (ffprobe gave no streams)")
        }
        return info
    }

    /// Presentation times of the first video stream's keyframes, from its packets (nothing is decoded).
    public func keyframeTimes(_ path: String) async throws -> [Double] {
        guard let cache, let key = ProbeCache.key(path) else { return try await keyframeTimesUncached(path) }
        if let known = cache.keyframes(key) { return known }
        return try await cache.keyframesInFlight.run(key) {
            let times = try await keyframeTimesUncached(path)
            if !times.isEmpty { cache.update(key) { $0.keyframes = times } }
            return times
        }
    }

    func keyframeTimesUncached(_ path: String) async throws -> [Double] {
        let output = OutputCapture()
        let outcome = try await ProcessRunner.run(
            ffprobePath,
            ["-v", "error"] + SourceInput.options
                + ["-select_streams", "v:0", "-show_entries", "packet=pts_time,flags", "-of", "csv=p=0", path],
            niceness: niceness
        ) { output.append($0) }
        guard outcome.succeeded else { return [] }
        return output.text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: ",")
            guard parts.count >= 2, parts[1].hasPrefix("K") else { return nil }
            return Double(parts[0])
        }
    }

    static func clean(_ message: String, path: String) -> String {
        message.replacingOccurrences(of: path + ": ", with: "").replacingOccurrences(of: path, with: "file")
    }

    /// Parses ffprobe's JSON.
    public static func parse(_ data: Data) -> MediaInfo? {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let format = root["format"] as? [String: Any]
        else { return nil }
        let streams = root["streams"] as? [[String: Any]] ?? []
        let video = streams.first {
            $0["codec_type"] as? String == "video" && (($0["disposition"] as? [String: Any])?["attached_pic"] as? Int ?? 0) == 0
        }
        let audio = streams.first { $0["codec_type"] as? String == "audio" }
        let formatName = format["format_name"] as? String ?? "unknown"
        var info = MediaInfo(
            formatName: formatName,
            duration: double(format["duration"]) ?? double(video?["duration"]) ?? double(audio?["duration"]) ?? 0,
            sizeBytes: Int(clamping: double(format["size"]) ?? 0),
            bitRate: double(format["bit_rate"]).map { Int(clamping: $0) },
            videoCodec: video?["codec_name"] as? String,
            width: video?["width"] as? Int,
            height: video?["height"] as? Int,
            fps: rate(video?["avg_frame_rate"]) ?? rate(video?["r_frame_rate"]),
            pixelFormat: video?["pix_fmt"] as? String,
            frameCount: double(video?["nb_frames"]).map { Int(clamping: $0) },
            audioCodec: audio?["codec_name"] as? String,
            sampleRate: double(audio?["sample_rate"]).map { Int(clamping: $0) },
            channels: audio?["channels"] as? Int,
            isStill: formatName == "image2" || formatName.hasSuffix("_pipe"),
            videoSetupHash: video?["extradata_hash"] as? String,
            reordersFrames: (video?["has_b_frames"] as? Int ?? 0) > 0
        )
        if let rotation = rotation(of: video), abs(rotation) == 90 || abs(rotation) == 270, let w = info.width, let h = info.height {
            info.width = h
            info.height = w
        }
        return info
    }

    static func double(_ value: Any?) -> Double? {
        if let text = value as? String { return Double(text) }
        if let number = value as? NSNumber { return number.doubleValue }
        return nil
    }

    static func rate(_ value: Any?) -> Double? {
        guard let text = value as? String else { return nil }
        let parts = text.split(separator: "/")
        guard parts.count == 2, let numerator = Double(parts[0]), let denominator = Double(parts[1]), denominator > 0, numerator > 0
        else { return nil }
        return (numerator / denominator * 1000).rounded() / 1000
    }

    static func rotation(of stream: [String: Any]?) -> Int? {
        if let tags = stream?["tags"] as? [String: Any], let rotate = tags["rotate"] as? String { return Int(rotate) }
        for side in stream?["side_data_list"] as? [[String: Any]] ?? [] {
            if let rotation = side["rotation"] as? Int { return rotation }
        }
        return nil
    }
}
