import Foundation
import ReelCore

/// Preview frames as one picture: a frame, or a sheet of tiles for several times.
public struct PreviewImage: Sendable, Hashable {
    public var data: Data
    public var format: ImageFormat
    public var sheet: FrameSheet
    public var warnings: [String]

    public init(data: Data, format: ImageFormat, sheet: FrameSheet, warnings: [String]) {
        self.data = data
        self.format = format
        self.sheet = sheet
        self.warnings = warnings
    }
}
