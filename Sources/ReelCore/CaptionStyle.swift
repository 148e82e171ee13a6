/// How burned-in captions look: size, colours, an outline or a box, where they sit and how
/// wide a line may grow before it wraps.
public struct CaptionStyle: Sendable, Hashable, Codable {
    /// Pixels of the output; nil picks 1/18 of the output's height.
    public var fontSize: Int?
    public var fontColor: String
    /// The outline's colour and width in pixels (0 for none).
    public var outlineColor: String
    public var outline: Double
    /// A box behind the text in this colour, instead of the outline.
    public var backgroundColor: String?
    public var position: OverlayPosition
    /// Widest line as a fraction of the output's width; longer text wraps.
    public var maxWidth: Double

    public init(
        fontSize: Int? = nil, fontColor: String = "white", outlineColor: String = "black", outline: Double = 2,
        backgroundColor: String? = nil, position: OverlayPosition = .bottomCenter, maxWidth: Double = 0.9
    ) {
        self.fontSize = fontSize
        self.fontColor = fontColor
        self.outlineColor = outlineColor
        self.outline = outline
        self.backgroundColor = backgroundColor
        self.position = position
        self.maxWidth = maxWidth
    }

    enum CodingKeys: String, CodingKey {
        case outline, position
        case fontSize = "font_size"
        case fontColor = "font_color"
        case outlineColor = "outline_color"
        case backgroundColor = "background_color"
        case maxWidth = "max_width"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        fontSize = try c.decodeWholeNumberIfPresent(forKey: .fontSize)
        fontColor = try c.decodeIfPresent(String.self, forKey: .fontColor) ?? "white"
        outlineColor = try c.decodeIfPresent(String.self, forKey: .outlineColor) ?? "black"
        outline = try c.decodeIfPresent(Double.self, forKey: .outline) ?? 2
        backgroundColor = try c.decodeIfPresent(String.self, forKey: .backgroundColor)
        position = try c.decodeIfPresent(OverlayPosition.self, forKey: .position) ?? .bottomCenter
        maxWidth = try c.decodeIfPresent(Double.self, forKey: .maxWidth) ?? 0.9
    }
}
