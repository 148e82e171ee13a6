import Foundation
import ReelCore

extension CompositionRenderer {
    /// The frames of `request` at `times`, as its render will show them, `width` pixels wide:
    /// the sources on screen then are fetched like a render's (the same guard and cache), the
    /// planner's ``FilterGraphBuilder/framePlan(for:timeline:sources:times:width:format:outputPath:)``
    /// runs in a scratch folder that is removed after, and nothing is stored.
    public func preview(
        _ request: CompositionRequest, times: [Double], width: Int, format: ImageFormat, separate: Bool = false
    ) async throws -> PreviewImage {
        let scratch = scratchRoot.appendingPathComponent("preview-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let request = request.asRendered
        let timeline = Timeline(clips: request.clips)
        let pieces = builder.renderPieces(request, timeline: timeline)
        let positions = times.map { timeline.frame(at: $0, fps: request.output.fps, pieces: pieces) }
        let urls = request.frameSourceURLs(at: positions, pieces: pieces, timeline: timeline, fps: request.output.fps)
        // A slider asks for frame after frame: a source checked in the last half minute is not asked again.
        var fresh = self
        fresh.fetcher.freshFor = .seconds(30)
        let sources = try await fresh.fetchAndProbe(urls) { _, _ in }
        let resolved = try await resolvingCaptions(request)
        var builder = self.builder
        builder.fileDirectory = scratch.path
        let output = scratch.appendingPathComponent("preview.\(format.rawValue)")
        let (plan, sheet) = try builder.framePlan(
            for: resolved, timeline: timeline, sources: sources, times: times, width: width, format: format, separate: separate,
            outputPath: output.path)
        try prepare(plan, in: scratch)
        try await runFFmpeg(plan.arguments, duration: 0) { _ in }
        let paths = FilterGraphBuilder.framePaths(output.path, count: separate ? times.count : 1)
        let pictures = try paths.map { path in
            guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else {
                throw RenderFailure("ffmpeg wrote no preview picture")
            }
            return data
        }
        return PreviewImage(pictures: pictures, format: format, sheet: sheet, warnings: plan.warnings)
    }
}
