/// Captions for the whole timeline: cues from an SRT or WebVTT file (`url`) or given inline
/// (`cues`), drawn into the picture (`burn`) and/or stored beside the output as WebVTT (`sidecar`).
public struct Captions: Sendable, Hashable, Codable {
    /// An SRT or WebVTT file: http(s)://, s3:// or asset://ID.
    public var url: String?
    public var cues: [CaptionCue]?
    public var burn: Bool
    public var sidecar: Bool
    public var style: CaptionStyle

    public init(
        url: String? = nil, cues: [CaptionCue]? = nil, burn: Bool = true, sidecar: Bool = false, style: CaptionStyle = CaptionStyle()
    ) {
        self.url = url
        self.cues = cues
        self.burn = burn
        self.sidecar = sidecar
        self.style = style
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        cues = try c.decodeIfPresent([CaptionCue].self, forKey: .cues)
        burn = try c.decodeIfPresent(Bool.self, forKey: .burn) ?? true
        sidecar = try c.decodeIfPresent(Bool.self, forKey: .sidecar) ?? false
        style = try c.decodeIfPresent(CaptionStyle.self, forKey: .style) ?? CaptionStyle()
    }
}

/// One caption: `text` shown from `start` up to (not including) `end`, in timeline seconds.
public struct CaptionCue: Sendable, Hashable, Codable {
    public var start: Double
    public var end: Double
    public var text: String

    public init(start: Double, end: Double, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        start = try c.decode(Double.self, forKey: .start)
        end = try c.decode(Double.self, forKey: .end)
        text = try c.decode(String.self, forKey: .text)
    }
}
