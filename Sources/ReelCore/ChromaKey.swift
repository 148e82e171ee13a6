/// Makes one colour of an overlay transparent (green-screen footage over the timeline).
public struct ChromaKey: Sendable, Hashable, Codable {
    /// The key colour, by name or `#RRGGBB`.
    public var color: String
    /// How far from the key colour a pixel may be and still vanish (0.01–1).
    public var similarity: Double
    /// How softly the edge fades (0–1).
    public var blend: Double

    public init(color: String = "#00FF00", similarity: Double = 0.3, blend: Double = 0.1) {
        self.color = color
        self.similarity = similarity
        self.blend = blend
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        color = try c.decodeIfPresent(String.self, forKey: .color) ?? "#00FF00"
        similarity = try c.decodeIfPresent(Double.self, forKey: .similarity) ?? 0.3
        blend = try c.decodeIfPresent(Double.self, forKey: .blend) ?? 0.1
    }
}
