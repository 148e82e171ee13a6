/// Progress to record with a heartbeat.
public struct ProgressUpdate: Sendable, Hashable {
    public var stage: RenderStage
    public var overall: Double
    public var stages: [StageState]

    public init(stage: RenderStage, overall: Double, stages: [StageState]) {
        self.stage = stage
        self.overall = overall
        self.stages = stages
    }
}
