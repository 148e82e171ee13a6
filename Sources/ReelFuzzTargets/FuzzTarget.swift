import Foundation
import ReelCore

/// What Reel parses from outside, one entry point each, for libFuzzer (`scripts/fuzz` builds
/// `reel-fuzz` with `-sanitize=fuzzer`) and for the test that replays every corpus file. An input
/// may be refused in any way but a trap: a trap is what the fuzzer reports.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// An uploaded SRT or WebVTT file, as a render reads it: parsed, written back as WebVTT,
    /// burned in by the planner.
    case captions
    /// A request body: decoded, validated and, when valid, planned.
    case composition
    /// A body with `merge` values: merged within the body limit, then decoded and validated.
    case merge
    /// A template body: checked, and its composition at its defaults merged and decoded.
    case template
    /// A `Range` header: four bytes of file size, then the header.
    case range
    /// Settings: `NAME=value` lines as the environment.
    case settings

    /// The bound on merged compositions here: `REEL_MAX_BODY_BYTES`' default.
    static let maxBodyBytes = 1 << 20

    /// Feeds `data` to the target's parser and what follows it.
    public func run(_ data: some Collection<UInt8>) {
        switch self {
        case .captions: Self.captions(String(decoding: data, as: UTF8.self))
        case .composition: Self.plan(Self.decode(CompositionRequest.self, Data(data)))
        case .merge: Self.merge(Data(data))
        case .template: Self.template(Data(data))
        case .range: Self.range(Array(data))
        case .settings: Self.settings(String(decoding: data, as: UTF8.self))
        }
    }

    /// `T` from JSON as the API decodes it: bodies nested too deeply are refused first.
    static func decode<T: Decodable>(_ type: T.Type, _ data: Data) -> T? {
        guard !JSONNesting.exceeds(data, limit: InputLimits.bodyDepth) else { return nil }
        let decoder = JSONDecoder()
        decoder.userInfo[UnknownFields.userInfoKey] = UnknownFields()
        return try? decoder.decode(T.self, from: data)
    }

    static func captions(_ text: String) {
        guard let cues = try? CaptionFile.parse(text) else { return }
        _ = CaptionFile.webVTT(cues)
        let clip = Clip(videoURL: "https://media.example/clip.mp4", startTime: 0, endTime: 10)
        plan(CompositionRequest(title: "captions", clips: [clip], captions: Captions(cues: cues, sidecar: true)), validate: false)
    }

    /// Validates `request` (unless the render would not: cues read from a file) and plans it over
    /// made-up sources: a 10-s 320x180 video with sound, or 30 s of MP3 for audio URLs.
    static func plan(_ request: CompositionRequest?, validate: Bool = true) {
        guard let request, !validate || CompositionValidator().problems(in: request).isEmpty else { return }
        let video = MediaInfo(
            formatName: "mov,mp4,m4a,3gp,3g2,mj2", duration: 10, videoCodec: "h264", width: 320, height: 180, fps: 30,
            pixelFormat: "yuv420p", audioCodec: "aac", sampleRate: 48000, channels: 2)
        let audio = MediaInfo(formatName: "mp3", duration: 30, audioCodec: "mp3", sampleRate: 44100, channels: 2)
        var sources: [String: RenderSource] = [:]
        for (index, url) in request.sourceURLs.enumerated() {
            sources[url] = RenderSource(url: url, path: "/sources/\(index)", info: url.hasSuffix(".mp3") ? audio : video)
        }
        let builder = FilterGraphBuilder(fontFile: "/fonts/font.ttf")
        let timeline = Timeline(clips: request.clips)
        _ = try? builder.plan(for: request, timeline: timeline, sources: sources, outputPath: "/out/output.mp4")
        _ = try? builder.chunkedPlan(for: request, timeline: timeline, sources: sources, outputPath: "/out/output.mp4")
    }

    static func merge(_ data: Data) {
        guard case .object(var members)? = decode(JSONValue.self, data) else { return }
        guard case .object(let values)? = members.removeValue(forKey: "merge") else { return }
        let composition = JSONValue.object(members)
        _ = Merge.placeholders(in: composition)
        guard let merged = try? Merge.apply(values, to: composition, maxBytes: maxBodyBytes),
            let encoded = try? JSONEncoder().encode(merged)
        else { return }
        plan(decode(CompositionRequest.self, encoded))
    }

    static func template(_ data: Data) {
        guard let body = decode(TemplateBody.self, data), body.problems.isEmpty,
            let sample = try? body.sampleComposition(maxBytes: maxBodyBytes), let encoded = try? JSONEncoder().encode(sample)
        else { return }
        let request = decode(CompositionRequest.self, encoded)
        _ = Merge.resolve([:], fields: body.mergeFields)
        plan(request)
    }

    static func range(_ bytes: [UInt8]) {
        guard bytes.count >= 4 else { return }
        let size = bytes.prefix(4).reduce(0) { $0 << 8 | Int($1) }
        let header = String(decoding: bytes.dropFirst(4), as: UTF8.self)
        guard let range = ByteRange.parse(header, size: size) else { return }
        // What the answer relies on: a non-empty range inside the file.
        precondition(range.lowerBound >= 0 && range.upperBound < size, "range \(range) outside a file of \(size) bytes")
    }

    /// Settings from `NAME=value` lines. Values naming files are left out: reading `/dev/zero`
    /// would never end, and the operator, not a client, writes settings.
    static func settings(_ text: String) {
        var environment: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].hasSuffix("_FILE"), !parts[1].hasPrefix("/") else { continue }
            environment[parts[0]] = parts[1]
        }
        let configuration = ReelConfiguration(environment: environment)
        _ = try? configuration.validated()
        _ = configuration.redactedDatabaseURL
        _ = configuration.resolvedPublicURL
    }
}
