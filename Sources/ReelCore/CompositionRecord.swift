import Foundation

/// A stage's state, as `/status` lists it.
public struct StageState: Sendable, Hashable, Codable {
    public var name: String
    public var status: String
    public var progress: Double

    public init(name: String, status: String, progress: Double) {
        self.name = name
        self.status = status
        self.progress = progress
    }
}

/// What a finished render produced, kept with the composition for `/metadata` and `/download`.
public struct RenderResult: Sendable, Hashable, Codable {
    /// Object-store key of the rendered file.
    public var outputKey: String
    public var output: MediaInfo
    public var inputs: [InputFile]
    public var appliedEffects: [String]
    public var warnings: [String]
    public var processingSeconds: Double
    public var thumbnailKey: String?
    /// Object-store keys of the files stored beside the output, by role (`captions`, `poster`,
    /// `storyboard`, `storyboard_vtt`).
    public var sidecarKeys: [String: String]?
    /// What the render cache reused; nil when the render did not consult it.
    public var cache: RenderCacheReport?

    /// One source as probed.
    public struct InputFile: Sendable, Hashable, Codable {
        public var url: String
        public var info: MediaInfo

        public init(url: String, info: MediaInfo) {
            self.url = url
            self.info = info
        }
    }

    public init(
        outputKey: String,
        output: MediaInfo,
        inputs: [InputFile],
        appliedEffects: [String],
        warnings: [String],
        processingSeconds: Double,
        thumbnailKey: String? = nil,
        sidecarKeys: [String: String]? = nil,
        cache: RenderCacheReport? = nil
    ) {
        self.outputKey = outputKey
        self.output = output
        self.inputs = inputs
        self.appliedEffects = appliedEffects
        self.warnings = warnings
        self.processingSeconds = processingSeconds
        self.thumbnailKey = thumbnailKey
        self.sidecarKeys = sidecarKeys
        self.cache = cache
    }
}

/// A stored composition with its job state.
public struct CompositionRecord: Sendable, Hashable {
    public var id: UUID
    public var request: CompositionRequest
    public var status: CompositionStatus
    public var progress: Double
    public var currentStage: RenderStage
    public var stages: [StageState]
    public var errorMessage: String?
    public var result: RenderResult?
    public var attempt: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var startedAt: Date?
    public var completedAt: Date?
    /// The tenant of the API key that created it; empty when keys are off.
    public var tenant: String
    /// The id of the HTTP request that created it, carried into the worker's log lines.
    public var requestID: String?
    /// Attempts its job gets (a render that fails transiently, or whose worker stops, runs again).
    public var maxAttempts: Int

    public init(
        id: UUID,
        tenant: String = "",
        request: CompositionRequest,
        status: CompositionStatus,
        progress: Double = 0,
        currentStage: RenderStage = .queued,
        stages: [StageState] = [],
        errorMessage: String? = nil,
        result: RenderResult? = nil,
        attempt: Int = 0,
        createdAt: Date,
        updatedAt: Date,
        startedAt: Date? = nil,
        completedAt: Date? = nil,
        requestID: String? = nil,
        maxAttempts: Int = RetryPolicy().maxAttempts
    ) {
        self.id = id
        self.tenant = tenant
        self.request = request
        self.status = status
        self.progress = progress
        self.currentStage = currentStage
        self.stages = stages
        self.errorMessage = errorMessage
        self.result = result
        self.attempt = attempt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.startedAt = startedAt
        self.completedAt = completedAt
        self.requestID = requestID
        self.maxAttempts = maxAttempts
    }
}

/// What `GET …/status` shows of a composition, read without decoding its request. `stagesJSON`
/// is the stored JSON array of ``StageState`` (keys sorted), spliced into the response as is.
public struct CompositionProgress: Sendable, Hashable {
    public var id: UUID
    public var status: CompositionStatus
    public var progress: Double
    public var currentStage: RenderStage
    public var stagesJSON: String
    public var errorMessage: String?
    public var attempt: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var completedAt: Date?

    public init(
        id: UUID,
        status: CompositionStatus,
        progress: Double,
        currentStage: RenderStage,
        stagesJSON: String,
        errorMessage: String?,
        attempt: Int,
        createdAt: Date,
        updatedAt: Date,
        completedAt: Date?
    ) {
        self.id = id
        self.status = status
        self.progress = progress
        self.currentStage = currentStage
        self.stagesJSON = stagesJSON
        self.errorMessage = errorMessage
        self.attempt = attempt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.completedAt = completedAt
    }
}
