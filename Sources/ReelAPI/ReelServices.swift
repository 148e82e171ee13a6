import Foundation
import ReelCore
import ReelObjects
import ReelRender
import ReelStore

/// The dependencies the HTTP API is built from, passed in explicitly.
public struct ReelServices: Sendable {
    public var configuration: ReelConfiguration
    public var store: any CompositionStore & AccessStore & EventStore & WebhookOutbox & TemplateStore
    public var objects: any ObjectStore
    public var signer: URLSigner
    public var metrics: MetricsRegistry
    /// Render slots in this process (for `/health/detailed`).
    public var workerSlots: Int
    /// First line of `ffmpeg -version`, read at start.
    public var ffmpegVersion: String?
    /// Which object-store URLs a composition may name (checked at POST; the renderer checks again).
    public var sources: S3SourcePolicy
    /// Renders preview frames in this process; nil in an API-only process.
    public var previews: (any PreviewRendering)?
    /// Uploads read by ffprobe (and thumbnailed) at once in this process, with a short line.
    public var inspections: SlotGate

    public init(
        configuration: ReelConfiguration,
        store: any CompositionStore & AccessStore & EventStore & WebhookOutbox & TemplateStore,
        objects: any ObjectStore,
        signer: URLSigner,
        metrics: MetricsRegistry = MetricsRegistry(),
        workerSlots: Int,
        ffmpegVersion: String?,
        sources: S3SourcePolicy = S3SourcePolicy(),
        previews: (any PreviewRendering)? = nil,
        inspections: SlotGate = SlotGate(slots: 2, maxWaiting: 8)
    ) {
        self.previews = previews
        self.inspections = inspections
        self.configuration = configuration
        self.store = store
        self.objects = objects
        self.signer = signer
        self.metrics = metrics
        self.workerSlots = workerSlots
        self.ffmpegVersion = ffmpegVersion
        self.sources = sources
        let ffmpeg = ffmpegVersion?.split(separator: " ").dropFirst(2).first.map(String.init) ?? "unknown"
        metrics.set(
            "reel_build_info", [("version", HealthController.version), ("ffmpeg", ffmpeg)], to: 1,
            help: "Always 1; the labels name this build of Reel and the ffmpeg it runs.")
    }
}
