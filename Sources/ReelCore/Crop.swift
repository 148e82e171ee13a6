/// A rectangle of a clip's source kept before it is fitted to the frame, in fractions of the
/// source's width and height: `{"x": 0.25, "width": 0.5}` keeps the middle half. An absent
/// width or height reaches the source's right or bottom edge.
public struct Crop: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double = 0, y: Double = 0, width: Double? = nil, height: Double? = nil) {
        self.x = x
        self.y = y
        self.width = width ?? 1 - x
        self.height = height ?? 1 - y
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        x = try c.decodeIfPresent(Double.self, forKey: .x) ?? 0
        y = try c.decodeIfPresent(Double.self, forKey: .y) ?? 0
        width = try c.decodeIfPresent(Double.self, forKey: .width) ?? 1 - x
        height = try c.decodeIfPresent(Double.self, forKey: .height) ?? 1 - y
    }
}
