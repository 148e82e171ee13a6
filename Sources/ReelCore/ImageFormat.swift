/// The picture format of a preview frame or sheet, and of a render's poster.
public enum ImageFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case jpg, png, webp

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let format = Self(rawValue: text.lowercased() == "jpeg" ? "jpg" : text.lowercased()) else {
            throw FieldProblem("must be one of \(Self.allCases.map(\.rawValue).joined(separator: ", "))").decodingError(
                at: decoder.codingPath)
        }
        self = format
    }

    public var contentType: String {
        switch self {
        case .jpg: "image/jpeg"
        case .png: "image/png"
        case .webp: "image/webp"
        }
    }

    /// ffmpeg's encoder options for one picture of this format.
    public var encoderArguments: [String] {
        switch self {
        case .jpg: ["-c:v", "mjpeg", "-q:v", "2", "-pix_fmt", "yuvj420p"]
        case .png: ["-c:v", "png", "-pix_fmt", "rgb24"]
        case .webp: ["-c:v", "libwebp", "-quality", "85", "-pix_fmt", "yuv420p"]
        }
    }
}
