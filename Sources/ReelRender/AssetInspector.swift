import Foundation
import ReelCore

/// What an upload is, read once when it arrives: ffprobe's length and picture size, and a small
/// JPEG of a picture (a still, or a frame of a video a third of the way in, at most a second).
/// A file ffprobe cannot read is not media: no facts, no thumbnail, and still a valid upload.
public struct AssetInspector: Sendable {
    public var ffmpegPath: String
    public var ffprobePath: String
    public var niceness: Int32
    /// The thumbnail's width; its height keeps the picture's shape.
    public static let thumbnailWidth = 320

    public init(ffmpegPath: String, ffprobePath: String, niceness: Int32) {
        self.ffmpegPath = ffmpegPath
        self.ffprobePath = ffprobePath
        self.niceness = niceness
    }

    /// The facts of `file` and its thumbnail's bytes; nil facts when it is not media.
    public func inspect(_ file: URL) async -> (media: AssetMedia, thumbnail: Data?)? {
        var probe = MediaProbe(ffprobePath: ffprobePath)
        probe.niceness = niceness
        guard let info = try? await probe.probe(file.path, name: "the upload"),
            info.videoCodec != nil || info.audioCodec != nil
        else { return nil }
        let thumbnail = info.width == nil ? nil : await self.thumbnail(of: file, info: info)
        return (
            AssetMedia(
                duration: info.isStill || info.duration <= 0 ? nil : info.duration, width: info.width, height: info.height,
                thumbnail: thumbnail != nil),
            thumbnail
        )
    }

    func thumbnail(of file: URL, info: MediaInfo) async -> Data? {
        let seek = info.isStill ? [] : ["-ss", String(format: "%.3f", min(1, info.duration / 3))]
        let output = OutputCapture()
        let outcome = try? await ProcessRunner.run(
            ffmpegPath,
            ["-nostdin", "-v", "error"] + SourceInput.options + seek + ["-i", file.path]
                + [
                    "-frames:v", "1", "-vf", "scale='min(\(Self.thumbnailWidth),iw)':-2:flags=bicubic,format=yuvj420p", "-q:v", "5", "-f",
                    "image2",
                    "-c:v", "mjpeg", "pipe:1",
                ],
            niceness: niceness
        ) { output.append($0) }
        guard outcome?.succeeded == true, output.data.count > 2 else { return nil }
        return output.data
    }
}
