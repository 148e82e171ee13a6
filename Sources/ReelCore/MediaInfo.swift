/// What ffprobe says of one media file.
public struct MediaInfo: Sendable, Hashable, Codable {
    public var formatName: String
    public var duration: Double
    public var sizeBytes: Int
    public var bitRate: Int?
    public var videoCodec: String?
    public var width: Int?
    public var height: Int?
    public var fps: Double?
    public var pixelFormat: String?
    public var frameCount: Int?
    public var audioCodec: String?
    public var sampleRate: Int?
    public var channels: Int?
    /// True for a single still picture (PNG, JPEG, …).
    public var isStill: Bool
    /// Hash of the video stream's codec set-up (SPS/PPS); equal hashes can be joined by stream copy.
    public var videoSetupHash: String?
    /// True when the video stream has B-frames (decode order differs from display order).
    public var reordersFrames: Bool

    public init(
        formatName: String,
        duration: Double,
        sizeBytes: Int = 0,
        bitRate: Int? = nil,
        videoCodec: String? = nil,
        width: Int? = nil,
        height: Int? = nil,
        fps: Double? = nil,
        pixelFormat: String? = nil,
        frameCount: Int? = nil,
        audioCodec: String? = nil,
        sampleRate: Int? = nil,
        channels: Int? = nil,
        isStill: Bool = false,
        videoSetupHash: String? = nil,
        reordersFrames: Bool = false
    ) {
        self.formatName = formatName
        self.duration = duration
        self.sizeBytes = sizeBytes
        self.bitRate = bitRate
        self.videoCodec = videoCodec
        self.width = width
        self.height = height
        self.fps = fps
        self.pixelFormat = pixelFormat
        self.frameCount = frameCount
        self.audioCodec = audioCodec
        self.sampleRate = sampleRate
        self.channels = channels
        self.isStill = isStill
        self.videoSetupHash = videoSetupHash
        self.reordersFrames = reordersFrames
    }

    enum CodingKeys: String, CodingKey {
        case formatName, duration, sizeBytes, bitRate, videoCodec, width, height, fps, pixelFormat, frameCount
        case audioCodec, sampleRate, channels, isStill, videoSetupHash, reordersFrames
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formatName = try c.decode(String.self, forKey: .formatName)
        duration = try c.decode(Double.self, forKey: .duration)
        sizeBytes = try c.decodeIfPresent(Int.self, forKey: .sizeBytes) ?? 0
        bitRate = try c.decodeIfPresent(Int.self, forKey: .bitRate)
        videoCodec = try c.decodeIfPresent(String.self, forKey: .videoCodec)
        width = try c.decodeIfPresent(Int.self, forKey: .width)
        height = try c.decodeIfPresent(Int.self, forKey: .height)
        fps = try c.decodeIfPresent(Double.self, forKey: .fps)
        pixelFormat = try c.decodeIfPresent(String.self, forKey: .pixelFormat)
        frameCount = try c.decodeIfPresent(Int.self, forKey: .frameCount)
        audioCodec = try c.decodeIfPresent(String.self, forKey: .audioCodec)
        sampleRate = try c.decodeIfPresent(Int.self, forKey: .sampleRate)
        channels = try c.decodeIfPresent(Int.self, forKey: .channels)
        isStill = try c.decodeIfPresent(Bool.self, forKey: .isStill) ?? false
        videoSetupHash = try c.decodeIfPresent(String.self, forKey: .videoSetupHash)
        reordersFrames = try c.decodeIfPresent(Bool.self, forKey: .reordersFrames) ?? false
    }

    public var hasVideo: Bool { videoCodec != nil }
    public var hasAudio: Bool { audioCodec != nil }
}
