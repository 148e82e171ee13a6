import Foundation

/// How a composition is rendered, decided before anything runs (``RenderPlanner``); the renderer
/// only executes it.
public indirect enum RenderPlan: Sendable, Hashable {
    /// Join the sources by stream copy; when the copy's duration is off by more than a frame
    /// (a source's index lied), render `otherwise`.
    case streamCopy(FFmpegPlan, otherwise: RenderPlan)
    /// One ffmpeg process does everything.
    case single(FFmpegPlan)
    /// Video segments, one audio pass over the whole timeline, and a stitch.
    case segmented(SegmentedPlan)
}

/// A render in parts: each segment encodes a stretch of the video alone; the audio pass mixes the
/// whole timeline's sound; the stitch joins the segments by stream copy and muxes the audio.
public struct SegmentedPlan: Sendable, Hashable {
    public var segments: [FFmpegPlan]
    public var audio: FFmpegPlan
    /// Carries the render's applied effects and warnings.
    public var stitch: FFmpegPlan

    public init(segments: [FFmpegPlan], audio: FFmpegPlan, stitch: FFmpegPlan) {
        self.segments = segments
        self.audio = audio
        self.stitch = stitch
    }
}
