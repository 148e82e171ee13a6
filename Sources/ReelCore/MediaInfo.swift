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
        videoSetupHash: String? = nil
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
    }

    public var hasVideo: Bool { videoCodec != nil }
    public var hasAudio: Bool { audioCodec != nil }
}
