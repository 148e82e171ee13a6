import ReelRender

/// How a preview taken from the queue ended, as its worker writes it back for the asker.
public struct PreviewOutcome: Sendable, Codable {
    public var image: PreviewImage?
    /// Why it failed; nil when it was made.
    public var failure: String?
    /// The failure may pass if asked again (a source that could not be fetched just now).
    public var transient: Bool
    /// The worker's own deadline passed and its ffmpeg was stopped.
    public var timedOut: Bool

    public init(image: PreviewImage? = nil, failure: String? = nil, transient: Bool = false, timedOut: Bool = false) {
        self.image = image
        self.failure = failure
        self.transient = transient
        self.timedOut = timedOut
    }
}
