/// A still of the rendered video stored beside it: the frame at `time` (the middle when absent)
/// as a JPEG or PNG.
public struct PosterSettings: Sendable, Hashable, Codable {
    /// Image formats a still may take.
    public enum Format: String, Sendable, Hashable, Codable, CaseIterable {
        case jpg, png

        public var contentType: String { self == .jpg ? "image/jpeg" : "image/png" }
    }

    public var time: Double?
    public var format: Format

    public init(time: Double? = nil, format: Format = .jpg) {
        self.time = time
        self.format = format
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        time = try c.decodeIfPresent(Double.self, forKey: .time)
        format = try c.decodeIfPresent(Format.self, forKey: .format) ?? .jpg
    }
}
