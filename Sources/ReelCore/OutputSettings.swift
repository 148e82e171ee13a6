import Foundation

/// Output size, container, frame rate and bit rate.
public struct OutputSettings: Sendable, Hashable, Codable {
    /// `480p`, `720p`, `1080p`, `4k` or `WxH`.
    public var resolution: String
    public var format: OutputFormat
    public var fps: Double
    public var bitrate: Bitrate?
    /// Also produce a poster JPEG.
    public var thumbnail: Bool
    /// `16:9`, `9:16`, `1:1`, `4:5` …: with a `…p` resolution, that resolution is the short side.
    public var aspectRatio: String?
    /// Encoder quality when no `bitrate` is given.
    public var quality: Quality
    public var poster: PosterSettings?
    public var storyboard: StoryboardSettings?
    /// Sizes to encode from one decode of the timeline (`["1080p", "720p", "360p"]`): the
    /// variants of an HLS ladder, or one MP4 file each.
    public var renditions: [String]?

    public init(
        resolution: String = "720p",
        format: OutputFormat = .mp4,
        fps: Double = 30,
        bitrate: Bitrate? = nil,
        thumbnail: Bool = false,
        aspectRatio: String? = nil,
        quality: Quality = .medium,
        poster: PosterSettings? = nil,
        storyboard: StoryboardSettings? = nil,
        renditions: [String]? = nil
    ) {
        self.resolution = resolution
        self.format = format
        self.fps = fps
        self.bitrate = bitrate
        self.thumbnail = thumbnail
        self.aspectRatio = aspectRatio
        self.quality = quality
        self.poster = poster
        self.storyboard = storyboard
        self.renditions = renditions
    }

    enum CodingKeys: String, CodingKey {
        case resolution, format, fps, bitrate, thumbnail, quality, poster, storyboard, renditions
        case aspectRatio = "aspect_ratio"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        resolution = try c.decodeIfPresent(String.self, forKey: .resolution) ?? "720p"
        format = try c.decodeIfPresent(OutputFormat.self, forKey: .format) ?? .mp4
        fps = try c.decodeIfPresent(Double.self, forKey: .fps) ?? 30
        bitrate = try c.decodeIfPresent(Bitrate.self, forKey: .bitrate)
        thumbnail = try c.decodeIfPresent(Bool.self, forKey: .thumbnail) ?? false
        aspectRatio = try c.decodeIfPresent(String.self, forKey: .aspectRatio)
        quality = try c.decodeIfPresent(Quality.self, forKey: .quality) ?? .medium
        poster = try c.decodeIfPresent(PosterSettings.self, forKey: .poster)
        storyboard = try c.decodeIfPresent(StoryboardSettings.self, forKey: .storyboard)
        renditions = try c.decodeIfPresent([String].self, forKey: .renditions)
    }

    static let namedHeights: [String: Int] = [
        "360p": 360, "480p": 480, "720p": 720, "1080p": 1080, "1440p": 1440, "4k": 2160, "2160p": 2160,
    ]

    /// `(w, h)` of an aspect ratio like `9:16`.
    var aspect: (w: Int, h: Int)? {
        guard let aspectRatio else { return nil }
        let parts = aspectRatio.split(separator: ":")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0, w <= 100, h <= 100 else { return nil }
        return (w, h)
    }

    /// Width and height in pixels, or nil when `resolution` (or `aspect_ratio`) is not understood.
    public var size: (width: Int, height: Int)? {
        let name = resolution.lowercased()
        if let short = Self.namedHeights[name] {
            guard aspectRatio != nil else {
                return name == "480p" ? (854, 480) : ((short * 16 / 9 + 1) / 2 * 2, short)
            }
            guard let aspect else { return nil }
            let long = (Double(short) * Double(max(aspect.w, aspect.h)) / Double(min(aspect.w, aspect.h)) / 2).rounded() * 2
            return aspect.w >= aspect.h ? (Int(clamping: long), short) : (short, Int(clamping: long))
        }
        let parts = name.split(separator: "x")
        // A side of 0 (`12287x00`) is no size at all: every ratio of the sides would divide by it.
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0 else { return nil }
        return (w, h)
    }
}
