import Foundation

/// What a render took from the render cache, as `/metadata` reports it.
public struct RenderCacheReport: Sendable, Hashable, Codable {
    /// Whether the whole output was reused.
    public var outputReused: Bool
    /// The output's content key.
    public var key: String
    /// Video segments reused and rendered (both 0 when the render was not segmented or the
    /// output was reused).
    public var segmentsReused: Int
    public var segmentsRendered: Int
    /// Whether the audio pass was reused; nil when there was none.
    public var audioReused: Bool?
    /// The parts other workers (or this one) took from the queue, when the render was shared.
    public var parts: [RenderPartRecord]?

    public init(
        outputReused: Bool, key: String, segmentsReused: Int = 0, segmentsRendered: Int = 0, audioReused: Bool? = nil,
        parts: [RenderPartRecord]? = nil
    ) {
        self.outputReused = outputReused
        self.key = key
        self.segmentsReused = segmentsReused
        self.segmentsRendered = segmentsRendered
        self.audioReused = audioReused
        self.parts = parts
    }

    enum CodingKeys: String, CodingKey {
        case key, parts
        case outputReused = "output_reused"
        case segmentsReused = "segments_reused"
        case segmentsRendered = "segments_rendered"
        case audioReused = "audio_reused"
    }
}
