import Foundation

/// One ffmpeg step that can run on any machine: its local paths replaced by tokens — each
/// source by `{{source:N}}` (``sources`` holds its URL) and the scratch folder by `{{scratch}}` —
/// so a worker elsewhere fetches the sources itself and resolves the tokens to its own paths.
public struct PortableStep: Sendable, Hashable, Codable {
    public var arguments: [String]
    /// Files to write in the scratch folder (names relative to it; contents are never rewritten).
    public var files: [String: String]
    /// The URL of each `{{source:N}}`, by N.
    public var sources: [String]
    /// Seconds of output, for progress.
    public var duration: Double

    static let scratchToken = "{{scratch}}"
    static func sourceToken(_ index: Int) -> String { "{{source:\(index)}}" }

    /// `step` made portable: `sources` maps a local source path to its URL; `scratch` is the
    /// folder the step writes in.
    public init(_ step: FFmpegPlan, sources paths: [String: String], scratch: String) {
        var used: [String] = []
        var tokens: [(String, String)] = []
        for (path, url) in paths.sorted(by: { $0.key.count > $1.key.count }) where step.arguments.contains(where: { $0.contains(path) }) {
            tokens.append((path, Self.sourceToken(used.count)))
            used.append(url)
        }
        tokens.append((scratch, Self.scratchToken))
        arguments = step.arguments.map { argument in
            tokens.reduce(argument) { text, token in token.0.isEmpty ? text : text.replacingOccurrences(of: token.0, with: token.1) }
        }
        files = step.files
        sources = used
        duration = step.duration
    }

    /// The step with its tokens resolved: `paths[N]` is the local copy of `sources[N]`.
    public func resolved(paths: [String], scratch: String) -> FFmpegPlan {
        let tokens = paths.enumerated().map { (Self.sourceToken($0.offset), $0.element) } + [(Self.scratchToken, scratch)]
        let arguments = arguments.map { argument in
            tokens.reduce(argument) { text, token in text.replacingOccurrences(of: token.0, with: token.1) }
        }
        return FFmpegPlan(arguments: arguments, files: files, duration: duration, appliedEffects: [], warnings: [])
    }
}
