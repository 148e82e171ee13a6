import Foundation

/// Encoder quality presets, an alternative to a bit rate.
public enum Quality: String, Sendable, Hashable, Codable, CaseIterable {
    case low, medium, high
    /// A fast proxy of the whole composition for checking timing and sound (``CompositionRequest/asRendered``).
    case draft

    /// x264 / VP9 constant rate factor.
    public var crf: (x264: Int, vp9: Int) {
        switch self {
        case .low: (28, 40)
        case .medium: (23, 33)
        case .high: (18, 24)
        case .draft: (30, 45)
        }
    }
}
