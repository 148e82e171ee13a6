import Foundation

/// One clip on the timeline: a video (or still image) placed at `start_time`…`end_time`,
/// showing the source range `trim_start`…`trim_end`.
public struct Clip: Sendable, Hashable, Codable {
    public var videoURL: String?
    public var imageURL: String?
    public var startTime: Double
    public var endTime: Double
    public var trimStart: Double
    public var trimEnd: Double?
    public var volume: Double
    public var fit: Fit
    public var transition: Transition?
    /// A slow zoom over the clip (Ken Burns), mostly for stills.
    public var zoom: Zoom
    /// Playback rate (0.25–4): 2 plays the source twice as fast; the audio's tempo follows, its pitch kept.
    public var speed: Double
    /// Plays the source range backwards (video and audio).
    public var reverse: Bool
    /// The part of the source kept before fitting.
    public var crop: Crop?
    public var flip: Flip?
    /// Degrees clockwise: 0, 90, 180 or 270.
    public var rotate: Int
    public var look: Look?
    /// Seconds over which the clip's picture and sound rise from black and silence, and fall back.
    public var fadeIn: Double
    public var fadeOut: Double

    public init(
        videoURL: String? = nil,
        imageURL: String? = nil,
        startTime: Double,
        endTime: Double,
        trimStart: Double = 0,
        trimEnd: Double? = nil,
        volume: Double = 1,
        fit: Fit = .contain,
        transition: Transition? = nil,
        zoom: Zoom = .none,
        speed: Double = 1,
        reverse: Bool = false,
        crop: Crop? = nil,
        flip: Flip? = nil,
        rotate: Int = 0,
        look: Look? = nil,
        fadeIn: Double = 0,
        fadeOut: Double = 0
    ) {
        self.videoURL = videoURL
        self.imageURL = imageURL
        self.startTime = startTime
        self.endTime = endTime
        self.trimStart = trimStart
        self.trimEnd = trimEnd
        self.volume = volume
        self.fit = fit
        self.transition = transition
        self.zoom = zoom
        self.speed = speed
        self.reverse = reverse
        self.crop = crop
        self.flip = flip
        self.rotate = rotate
        self.look = look
        self.fadeIn = fadeIn
        self.fadeOut = fadeOut
    }

    enum CodingKeys: String, CodingKey {
        case videoURL = "video_url"
        case imageURL = "image_url"
        case startTime = "start_time"
        case endTime = "end_time"
        case trimStart = "trim_start"
        case trimEnd = "trim_end"
        case volume, fit, transition, zoom, speed, reverse, crop, flip, rotate, look
        case fadeIn = "fade_in"
        case fadeOut = "fade_out"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        videoURL = try c.decodeIfPresent(String.self, forKey: .videoURL)
        imageURL = try c.decodeIfPresent(String.self, forKey: .imageURL)
        startTime = try c.decode(Double.self, forKey: .startTime)
        endTime = try c.decode(Double.self, forKey: .endTime)
        trimStart = try c.decodeIfPresent(Double.self, forKey: .trimStart) ?? 0
        trimEnd = try c.decodeIfPresent(Double.self, forKey: .trimEnd)
        volume = try c.decodeIfPresent(Double.self, forKey: .volume) ?? 1
        fit = try c.decodeIfPresent(Fit.self, forKey: .fit) ?? .contain
        transition = try c.decodeIfPresent(Transition.self, forKey: .transition)
        zoom = try c.decodeIfPresent(Zoom.self, forKey: .zoom) ?? .none
        speed = try c.decodeIfPresent(Double.self, forKey: .speed) ?? 1
        reverse = try c.decodeIfPresent(Bool.self, forKey: .reverse) ?? false
        crop = try c.decodeIfPresent(Crop.self, forKey: .crop)
        flip = try c.decodeIfPresent(Flip.self, forKey: .flip)
        rotate = try c.decodeWholeNumberIfPresent(forKey: .rotate) ?? 0
        look = try c.decodeIfPresent(Look.self, forKey: .look)
        fadeIn = try c.decodeIfPresent(Double.self, forKey: .fadeIn) ?? 0
        fadeOut = try c.decodeIfPresent(Double.self, forKey: .fadeOut) ?? 0
    }

    /// Whether the clip asks for anything drawn or retimed beyond trim, fit and zoom.
    public var hasEffects: Bool {
        speed != 1 || reverse || crop != nil || flip != nil || rotate != 0 || look != nil || fadeIn > 0 || fadeOut > 0
    }

    /// The clip's source, video or image.
    public var sourceURL: String { videoURL ?? imageURL ?? "" }
    public var isImage: Bool { videoURL == nil && imageURL != nil }
    /// Length of the clip's slot on the timeline.
    public var slotDuration: Double { endTime - startTime }
    /// Length of the source range requested, in source seconds; the slot (times `speed`) when
    /// `trim_end` is absent.
    public var trimDuration: Double { (trimEnd ?? (trimStart + slotDuration * speed)) - trimStart }
}
