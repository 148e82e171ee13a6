import Foundation

/// Container format of the rendered file: a video, or sound alone (`mp3`, `m4a`, `wav`).
public enum OutputFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case mp4, mov, webm, gif, mp3, m4a, wav
    /// HTTP Live Streaming: fMP4 segments, a playlist per rendition and a master playlist.
    case hls

    public var fileExtension: String { self == .hls ? "m3u8" : rawValue }
    public var contentType: String {
        switch self {
        case .mp4: "video/mp4"
        case .mov: "video/quicktime"
        case .webm: "video/webm"
        case .gif: "image/gif"
        case .mp3: "audio/mpeg"
        case .m4a: "audio/mp4"
        case .wav: "audio/wav"
        case .hls: "application/vnd.apple.mpegurl"
        }
    }
    public var hasAudio: Bool { self != .gif }
    /// False for the audio-only formats: their video is not rendered at all.
    public var hasVideo: Bool { ![.mp3, .m4a, .wav].contains(self) }
}
