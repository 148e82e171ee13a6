/// How a part's row changes for a ``JobLifecycle/Action`` or a rescue: decided here, applied by
/// both drivers' `PartQueue`.
public struct PartChange: Sendable, Hashable {
    public var status: RenderPartRecord.Status
    /// Added to the attempt count (a release gives the attempt back).
    public var attemptDelta: Int
    public var readyAfter: Double?
    public var errorMessage: String?

    public init?(_ action: JobLifecycle.Action) {
        switch action {
        case .complete: self.init(status: .done, attemptDelta: 0)
        case .retry(let after, let message): self.init(status: .queued, attemptDelta: 0, readyAfter: after, errorMessage: message)
        case .fail(let message): self.init(status: .failed, attemptDelta: 0, errorMessage: message)
        case .release: self.init(status: .queued, attemptDelta: -1, readyAfter: 0)
        case .discard: return nil
        }
    }

    public init(status: RenderPartRecord.Status, attemptDelta: Int, readyAfter: Double? = nil, errorMessage: String? = nil) {
        self.status = status
        self.attemptDelta = attemptDelta
        self.readyAfter = readyAfter
        self.errorMessage = errorMessage
    }

    /// What a rescue does to a part whose worker stopped renewing its lease.
    public static func rescue(attempt: Int, maxAttempts: Int) -> PartChange {
        attempt >= maxAttempts
            ? PartChange(
                status: .failed, attemptDelta: 0,
                errorMessage: "the worker rendering a segment stopped responding \(attempt) times")
            : PartChange(status: .queued, attemptDelta: 0, readyAfter: 0)
    }
}
