import Foundation

/// A slow zoom across a clip (the Ken Burns effect).
public enum Zoom: String, Sendable, Hashable, Codable {
    case none
    /// From the whole frame to 120 %.
    case `in`
    /// From 120 % back to the whole frame.
    case out
}
