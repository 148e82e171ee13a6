import Foundation

/// Decides how a composition is rendered: it builds the timeline once and returns a
/// ``RenderPlan`` — stream copy (with the filtered plan behind it), one process, or segments +
/// an audio pass + a stitch.
public struct RenderPlanner: Sendable {
    public var builder: FilterGraphBuilder

    public init(builder: FilterGraphBuilder) {
        self.builder = builder
    }

    /// Whether the request and its sources could be joined by stream copy; only then are the
    /// sources' keyframes worth reading for ``plan(for:sources:keyframes:outputPath:)``.
    public func mayStreamCopy(_ request: CompositionRequest, sources: [String: RenderSource]) -> Bool {
        FastPath.isCandidate(request, timeline: Timeline(clips: request.clips), sources: sources)
    }

    /// The plan for `request`; `keyframes` (source URL → keyframe times) allow a stream copy.
    public func plan(
        for request: CompositionRequest, sources: [String: RenderSource], keyframes: [String: [Double]] = [:], outputPath: String
    ) throws(RenderFailure) -> RenderPlan {
        let timeline = Timeline(clips: request.clips)
        let filtered: RenderPlan =
            builder.prefersChunks(request, timeline: timeline)
            ? .segmented(try builder.chunkedPlan(for: request, timeline: timeline, sources: sources, outputPath: outputPath))
            : .single(try builder.plan(for: request, timeline: timeline, sources: sources, outputPath: outputPath))
        if let copy = FastPath.plan(for: request, timeline: timeline, sources: sources, keyframes: keyframes, outputPath: outputPath) {
            return .streamCopy(copy, otherwise: filtered)
        }
        return filtered
    }
}
