import Foundation
import ReelCore

/// What an upload is, read once when it arrives: ffprobe's length and picture size, and a small
/// JPEG of a picture (a still, or a frame of a video a third of the way in, at most a second).
/// A file ffprobe cannot read is not media: no facts, no thumbnail, and still a valid upload.
/// Inspections take a slot of ``gate`` (a full line is ``SlotGate/Full``), end within
/// ``deadline`` (past it the upload has no facts), and a picture larger than
/// ``thumbnailPixels`` gets no thumbnail: decoding it would hold its whole frame in memory.
public struct AssetInspector: Sendable {
    public var ffmpegPath: String
    public var ffprobePath: String
    public var niceness: Int32
    public var gate: SlotGate
    public var deadline: Duration = .seconds(30)
    /// The thumbnail's width; its height keeps the picture's shape.
    public static let thumbnailWidth = 320
    /// Pictures up to 8K (7680 × 4320 ≈ 33 MP) get a thumbnail.
    public static let thumbnailPixels = 36_000_000

    public init(ffmpegPath: String, ffprobePath: String, niceness: Int32, gate: SlotGate) {
        self.ffmpegPath = ffmpegPath
        self.ffprobePath = ffprobePath
        self.niceness = niceness
        self.gate = gate
    }

    /// The facts of `file` and its thumbnail's bytes; nil facts when it is not media or its
    /// inspection ran past the deadline. Throws ``SlotGate/Full`` when too many wait already.
    public func inspect(_ file: URL) async throws -> (media: AssetMedia, thumbnail: Data?)? {
        try await gate.withSlot {
            try? await PreviewEngine.within(deadline) { await inspectNow(file) }
        }
    }

    func inspectNow(_ file: URL) async -> (media: AssetMedia, thumbnail: Data?)? {
        var probe = MediaProbe(ffprobePath: ffprobePath)
        probe.niceness = niceness
        guard let info = try? await probe.probe(file.path, name: "the upload"),
            info.videoCodec != nil || info.audioCodec != nil
        else { return nil }
        let pixels = Double(info.width ?? 0) * Double(info.height ?? 0)
        let thumbnail = pixels > 0 && pixels <= Double(Self.thumbnailPixels) ? await self.thumbnail(of: file, info: info) : nil
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
