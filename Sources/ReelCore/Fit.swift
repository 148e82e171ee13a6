import Foundation

/// How a source is fitted into the output frame.
public enum Fit: String, Sendable, Hashable, Codable {
    /// Scale to cover the frame and crop what overflows.
    case cover
    /// Scale to fit inside the frame and pad with black.
    case contain
}
