import Foundation

/// A text, an image or a video drawn over the timeline between `start_time` and `end_time`.
public struct Overlay: Sendable, Hashable, Codable {
    public var text: String?
    public var imageURL: String?
    /// Picture-in-picture: a video placed like an image, played from `trim_start`, its sound mixed in at `volume`.
    public var videoURL: String?
    public var trimStart: Double
    public var volume: Double
    /// Images and videos: one colour made transparent.
    public var chromaKey: ChromaKey?
    /// Text: how it enters and leaves, its outline and its shadow.
    public var animation: OverlayAnimation?
    public var stroke: TextStroke?
    public var shadow: TextShadow?
    public var position: OverlayPosition
    public var startTime: Double
    public var endTime: Double?
    public var fontSize: Int
    public var fontColor: String
    /// Image overlays: width as a fraction of the output width.
    public var scale: Double
    public var opacity: Double
    /// Text overlays: a box behind the text in this colour.
    public var backgroundColor: String?
    /// Seconds of fade-in and fade-out.
    public var fadeIn: Double
    public var fadeOut: Double

    public init(
        text: String? = nil,
        imageURL: String? = nil,
        videoURL: String? = nil,
        trimStart: Double = 0,
        volume: Double = 1,
        chromaKey: ChromaKey? = nil,
        animation: OverlayAnimation? = nil,
        stroke: TextStroke? = nil,
        shadow: TextShadow? = nil,
        position: OverlayPosition = .center,
        startTime: Double = 0,
        endTime: Double? = nil,
        fontSize: Int = 48,
        fontColor: String = "white",
        scale: Double = 0.2,
        opacity: Double = 1,
        backgroundColor: String? = nil,
        fadeIn: Double = 0,
        fadeOut: Double = 0
    ) {
        self.text = text
        self.imageURL = imageURL
        self.videoURL = videoURL
        self.trimStart = trimStart
        self.volume = volume
        self.chromaKey = chromaKey
        self.animation = animation
        self.stroke = stroke
        self.shadow = shadow
        self.position = position
        self.startTime = startTime
        self.endTime = endTime
        self.fontSize = fontSize
        self.fontColor = fontColor
        self.scale = scale
        self.opacity = opacity
        self.backgroundColor = backgroundColor
        self.fadeIn = fadeIn
        self.fadeOut = fadeOut
    }

    enum CodingKeys: String, CodingKey {
        case text, position, scale, opacity, volume, animation, stroke, shadow
        case imageURL = "image_url"
        case videoURL = "video_url"
        case trimStart = "trim_start"
        case chromaKey = "chroma_key"
        case startTime = "start_time"
        case endTime = "end_time"
        case fontSize = "font_size"
        case fontColor = "font_color"
        case backgroundColor = "background_color"
        case fadeIn = "fade_in"
        case fadeOut = "fade_out"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        text = try c.decodeIfPresent(String.self, forKey: .text)
        imageURL = try c.decodeIfPresent(String.self, forKey: .imageURL)
        videoURL = try c.decodeIfPresent(String.self, forKey: .videoURL)
        trimStart = try c.decodeIfPresent(Double.self, forKey: .trimStart) ?? 0
        volume = try c.decodeIfPresent(Double.self, forKey: .volume) ?? 1
        chromaKey = try c.decodeIfPresent(ChromaKey.self, forKey: .chromaKey)
        animation = try c.decodeIfPresent(OverlayAnimation.self, forKey: .animation)
        stroke = try c.decodeIfPresent(TextStroke.self, forKey: .stroke)
        shadow = try c.decodeIfPresent(TextShadow.self, forKey: .shadow)
        position = try c.decodeIfPresent(OverlayPosition.self, forKey: .position) ?? .center
        startTime = try c.decodeIfPresent(Double.self, forKey: .startTime) ?? 0
        endTime = try c.decodeIfPresent(Double.self, forKey: .endTime)
        fontSize = try c.decodeWholeNumberIfPresent(forKey: .fontSize) ?? 48
        fontColor = try c.decodeIfPresent(String.self, forKey: .fontColor) ?? "white"
        scale = try c.decodeIfPresent(Double.self, forKey: .scale) ?? 0.2
        opacity = try c.decodeIfPresent(Double.self, forKey: .opacity) ?? 1
        backgroundColor = try c.decodeIfPresent(String.self, forKey: .backgroundColor)
        fadeIn = try c.decodeIfPresent(Double.self, forKey: .fadeIn) ?? 0
        fadeOut = try c.decodeIfPresent(Double.self, forKey: .fadeOut) ?? 0
    }
}
