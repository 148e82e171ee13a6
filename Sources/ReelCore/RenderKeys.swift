import Foundation

/// The cache keys of a ``RenderPlan``: one per video segment, one for the audio pass and one for
/// the whole output. A key is a digest of the step's exact ffmpeg arguments and files with every
/// local path replaced by what it names (a source by its content identity, the scratch folder by
/// a fixed token), salted with the engine (ffmpeg's version) and ``formatVersion``; so equal keys
/// mean equal output bytes wherever and whenever the step runs.
public struct RenderKeys: Sendable, Hashable {
    /// Raised when what Reel writes for the same plan changes (a new encoder default, a fixed bug).
    public static let formatVersion = 1

    /// The whole output's key.
    public var output: String
    /// Each segment's key, in the plan's order; empty unless the plan is segmented.
    public var segments: [String]
    /// The audio pass's key, when the plan is segmented.
    public var audio: String?

    /// What a key is computed from besides the plan.
    public struct Material: Sendable {
        /// Identifies the encoder: ffmpeg's version line.
        public var engine: String
        /// Local path of each source → its content identity (a SHA-256 of its bytes).
        public var identities: [String: String]
        /// The render's scratch folder, where its steps write.
        public var scratch: String
        /// Every path and its token, longest first, so a path that extends another is replaced whole.
        let replacements: [(path: String, token: String)]

        public init(engine: String, identities: [String: String], scratch: String) {
            self.engine = engine
            self.identities = identities
            self.scratch = scratch
            replacements = (identities.map { ($0.key, "source:" + $0.value) } + [(scratch, "scratch:")])
                .filter { !$0.0.isEmpty }.sorted { $0.0.count > $1.0.count }
        }

        /// `text` with every source path and the scratch folder replaced by location-free tokens.
        /// A source is usually a whole argument (`-i PATH`), found by one lookup; only text with
        /// a `/` is searched. (Searching every argument for every path cost 90–140 ms a plan.)
        func normalised(_ text: String) -> String {
            if let identity = identities[text] { return "source:" + identity }
            guard text.utf8.contains(UInt8(ascii: "/")) else { return text }
            var result = text
            for (path, token) in replacements where result.contains(path) {
                result = result.replacingOccurrences(of: path, with: token)
            }
            return result
        }

        /// The canonical text of one ffmpeg step: its arguments and files, normalised.
        func text(of step: FFmpegPlan) -> String {
            var parts = ["reel-render-step/\(RenderKeys.formatVersion)", engine]
            parts += step.arguments.map(normalised)
            for name in step.files.keys.sorted() { parts += ["file", name, normalised(step.files[name] ?? "")] }
            for name in step.links.keys.sorted() { parts += ["link", name, normalised(step.links[name] ?? "")] }
            return parts.joined(separator: "\u{0}")
        }
    }

    /// The keys of `plan`; `extra` names what the output holds besides the plan's steps (such as
    /// a thumbnail); `digest` turns text into a key (SHA-256 in hex).
    public init(plan: RenderPlan, material: Material, extra: [String] = [], digest: (String) -> String) {
        var segments: [String] = []
        var audio: String?
        func key(_ plan: RenderPlan) -> String {
            switch plan {
            case .streamCopy(let copy, let otherwise):
                return digest(["copy", material.text(of: copy), key(otherwise)].joined(separator: "\u{0}"))
            case .single(let step):
                return digest(["single", material.text(of: step)].joined(separator: "\u{0}"))
            case .segmented(let parts):
                segments = parts.segments.map { digest(["segment", material.text(of: $0)].joined(separator: "\u{0}")) }
                audio = digest(["audio", material.text(of: parts.audio)].joined(separator: "\u{0}"))
                return digest((["segmented"] + segments + [audio ?? "", material.text(of: parts.stitch)]).joined(separator: "\u{0}"))
            }
        }
        let whole = key(plan)
        self.output = digest((["output", whole] + extra).joined(separator: "\u{0}"))
        self.segments = segments
        self.audio = audio
    }
}
