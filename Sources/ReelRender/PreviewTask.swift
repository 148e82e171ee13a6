import Crypto
import Foundation
import ReelCore

/// What one preview renders: a composition (as rendered: ``CompositionRequest/asRendered``),
/// the times, the width of a frame, the picture format, and whether each time is a picture of
/// its own or a tile of one sheet. It travels as JSON to a worker's preview slot.
public struct PreviewTask: Sendable, Hashable, Codable {
    public var composition: CompositionRequest
    public var times: [Double]
    public var width: Int
    public var format: ImageFormat
    public var separate: Bool

    public init(composition: CompositionRequest, times: [Double], width: Int, format: ImageFormat, separate: Bool = false) {
        self.composition = composition
        self.times = times
        self.width = width
        self.format = format
        self.separate = separate
    }

    /// The cache key of the task for `tenant`: the composition as JSON with sorted keys, the
    /// frames it shows (not the times asked: two times on one frame are one picture), the width,
    /// format and layout. The tenant is part of it, so a hit tells nothing of another tenant's previews.
    public func key(tenant: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var material = try encoder.encode(composition)
        let timeline = Timeline(clips: composition.clips)
        let fps = composition.output.fps
        let frames = times.map { String(Int(clamping: (timeline.frame(at: $0, fps: fps).time * fps).rounded())) }
        material.append(Data("\n\(frames.joined(separator: ","))\n\(width)\n\(format.rawValue)\n\(separate)\n\(tenant)".utf8))
        return Hex.string(SHA256.hash(data: material))
    }
}

/// A preview made or found: the pictures, their cache key, and whether they came from the cache.
public struct PreviewAnswer: Sendable {
    public var image: PreviewImage
    public var key: String
    public var cached: Bool

    public init(image: PreviewImage, key: String, cached: Bool) {
        self.image = image
        self.key = key
        self.cached = cached
    }
}

/// Why a preview was not made.
public enum PreviewRefusal: Error, Sendable {
    /// Every slot is busy and the line is full.
    case busy
    /// The tenant already has as many previews running or waiting as it may.
    case tenantBusy
    /// The deadline passed; the ffmpeg was stopped.
    case timedOut(Duration)
    /// No worker is alive to render it (a process with no render slots of its own).
    case noWorker
}

/// Makes previews: in this process (``PreviewEngine``), or through a worker's preview slot
/// (an API-only process).
public protocol PreviewRendering: Sendable {
    func preview(_ task: PreviewTask, tenant: String) async throws -> PreviewAnswer
    /// A preview this process holds, for the links of a JSON answer.
    func cached(_ key: String) -> PreviewImage?
}
