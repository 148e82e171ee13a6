/// Configurable bounds on what one composition may ask for.
public struct CompositionLimits: Sendable, Hashable {
    public var maxDuration: Double
    public var maxClips: Int
    public var maxOverlays: Int
    /// Largest output width or height in pixels.
    public var maxDimension: Int

    public init(maxDuration: Double = 180, maxClips: Int = 20, maxOverlays: Int = 10, maxDimension: Int = 3840) {
        self.maxDuration = maxDuration
        self.maxClips = maxClips
        self.maxOverlays = maxOverlays
        self.maxDimension = maxDimension
    }
}
