import Foundation
import ReelCore

/// Preview frames as pictures: one frame, a sheet of tiles for several times, or one picture per time.
public struct PreviewImage: Sendable, Hashable, Codable {
    /// One picture, or one per time when asked for separately.
    public var pictures: [Data]
    public var format: ImageFormat
    /// Where each time's frame is: its tile on the sheet (a whole picture when alone).
    public var sheet: FrameSheet
    /// What the render would warn of (a source shorter than its clip, …).
    public var warnings: [String]

    public init(pictures: [Data], format: ImageFormat, sheet: FrameSheet, warnings: [String]) {
        self.pictures = pictures
        self.format = format
        self.sheet = sheet
        self.warnings = warnings
    }

    /// Bytes held, for the cache's bound.
    public var size: Int { pictures.reduce(0) { $0 + $1.count } }
}
