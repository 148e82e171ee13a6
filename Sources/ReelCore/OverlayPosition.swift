import Foundation

/// The nine anchor points an overlay can sit at.
public enum OverlayPosition: String, Sendable, Hashable, Codable, CaseIterable {
    case topLeft = "top_left"
    case topCenter = "top_center"
    case topRight = "top_right"
    case centerLeft = "center_left"
    case center
    case centerRight = "center_right"
    case bottomLeft = "bottom_left"
    case bottomCenter = "bottom_center"
    case bottomRight = "bottom_right"
}
