import Foundation
import ReelCore

/// What a render made, in its scratch folder while the renderer's `deliver` runs.
public struct RenderedFiles: Sendable {
    public var output: URL
    public var thumbnail: URL?
    /// Files made beside the output (captions, poster, storyboard), stored next to it.
    public var sidecars: [Sidecar]
    /// ffprobe's (or the stream copy's own index's) account of the output.
    public var info: MediaInfo
    public var inputs: [RenderResult.InputFile]
    public var appliedEffects: [String]
    public var warnings: [String]
    /// Set when the whole output came from the render cache: then `output` and `thumbnail` were
    /// never written, and the entry's objects hold them.
    public var reused: RenderCacheEntry?
    /// What the render cache reused; nil when it was not consulted.
    public var cache: RenderCacheReport?

    public init(
        output: URL, thumbnail: URL?, sidecars: [Sidecar] = [], info: MediaInfo, inputs: [RenderResult.InputFile], appliedEffects: [String],
        warnings: [String],
        reused: RenderCacheEntry? = nil, cache: RenderCacheReport? = nil
    ) {
        self.output = output
        self.thumbnail = thumbnail
        self.sidecars = sidecars
        self.info = info
        self.inputs = inputs
        self.appliedEffects = appliedEffects
        self.warnings = warnings
        self.reused = reused
        self.cache = cache
    }
}
