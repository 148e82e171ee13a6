/// The picture format of a preview frame or sheet.
public enum ImageFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case jpg, png, webp

    public var contentType: String {
        switch self {
        case .jpg: "image/jpeg"
        case .png: "image/png"
        case .webp: "image/webp"
        }
    }

    /// ffmpeg's encoder options for one picture of this format.
    var encoderArguments: [String] {
        switch self {
        case .jpg: ["-c:v", "mjpeg", "-q:v", "3", "-pix_fmt", "yuvj420p"]
        case .png: ["-c:v", "png", "-pix_fmt", "rgb24"]
        case .webp: ["-c:v", "libwebp", "-quality", "85", "-pix_fmt", "yuv420p"]
        }
    }
}
