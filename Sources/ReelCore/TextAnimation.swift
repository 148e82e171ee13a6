/// How a text overlay enters or leaves: the motion and how long it takes.
public struct TextAnimation: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case fade
        /// Enters moving left (from the right edge); leaves moving left.
        case slideLeft = "slide_left"
        case slideRight = "slide_right"
        case slideUp = "slide_up"
        case slideDown = "slide_down"
        /// Grows from nothing to its size; shrinks away.
        case zoom
        /// Appears a few letters at a time (entering only).
        case typewriter
    }

    public var type: Kind
    public var duration: Double

    public init(type: Kind, duration: Double = 0.5) {
        self.type = type
        self.duration = duration
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        type = try c.decode(Kind.self, forKey: .type)
        duration = try c.decodeIfPresent(Double.self, forKey: .duration) ?? 0.5
    }
}

/// A text overlay's entrance and exit.
public struct OverlayAnimation: Sendable, Hashable, Codable {
    public var entrance: TextAnimation?
    public var exit: TextAnimation?

    public init(entrance: TextAnimation? = nil, exit: TextAnimation? = nil) {
        self.entrance = entrance
        self.exit = exit
    }

    enum CodingKeys: String, CodingKey {
        case entrance = "in"
        case exit = "out"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        entrance = try c.decodeIfPresent(TextAnimation.self, forKey: .entrance)
        exit = try c.decodeIfPresent(TextAnimation.self, forKey: .exit)
    }
}

/// An outline around text: its colour and width in pixels.
public struct TextStroke: Sendable, Hashable, Codable {
    public var color: String
    public var width: Double

    public init(color: String = "black", width: Double = 2) {
        self.color = color
        self.width = width
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        color = try c.decodeIfPresent(String.self, forKey: .color) ?? "black"
        width = try c.decodeIfPresent(Double.self, forKey: .width) ?? 2
    }
}

/// A drop shadow behind text: its colour and offset in pixels.
public struct TextShadow: Sendable, Hashable, Codable {
    public var color: String
    public var x: Double
    public var y: Double

    public init(color: String = "#000000A0", x: Double = 3, y: Double = 3) {
        self.color = color
        self.x = x
        self.y = y
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        color = try c.decodeIfPresent(String.self, forKey: .color) ?? "#000000A0"
        x = try c.decodeIfPresent(Double.self, forKey: .x) ?? 3
        y = try c.decodeIfPresent(Double.self, forKey: .y) ?? 3
    }
}
