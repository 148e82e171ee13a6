/// Mirrors a clip's picture.
public enum Flip: String, Sendable, Hashable, Codable, CaseIterable {
    /// Left and right swap.
    case horizontal
    /// Top and bottom swap.
    case vertical
    /// Both at once (the same as a 180° rotation).
    case both
}
