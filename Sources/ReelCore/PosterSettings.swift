/// A still of the rendered video stored beside it: the frame at `time` (the middle when absent)
/// as a JPEG, PNG or WebP picture.
public struct PosterSettings: Sendable, Hashable, Codable {
    public var time: Double?
    public var format: ImageFormat

    public init(time: Double? = nil, format: ImageFormat = .jpg) {
        self.time = time
        self.format = format
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        time = try c.decodeIfPresent(Double.self, forKey: .time)
        format = try c.decodeIfPresent(ImageFormat.self, forKey: .format) ?? .jpg
    }
}
