/// Where preview frames land: one picture for one time, a sheet of tiles in rows for several.
public struct FrameSheet: Sendable, Hashable, Codable {
    /// One tile: the timeline time asked for, the frame's own time, and its place on the sheet.
    public struct Tile: Sendable, Hashable, Codable {
        public var time: Double
        public var frameTime: Double
        public var x: Int
        public var y: Int

        enum CodingKeys: String, CodingKey {
            case time, x, y
            case frameTime = "frame_time"
        }
    }

    public var columns: Int
    public var rows: Int
    public var tileWidth: Int
    public var tileHeight: Int
    public var tiles: [Tile]

    enum CodingKeys: String, CodingKey {
        case columns, rows, tiles
        case tileWidth = "tile_width"
        case tileHeight = "tile_height"
    }

    /// Frames of `times` on a frame of `size` at `fps`, each `width` pixels wide (the height
    /// keeps the output's shape, rounded to even), on a grid as square as it can be.
    public init(times: [Double], frameTimes: [Double], width: Int, size: (width: Int, height: Int)) {
        let columns = max(1, Int(clamping: Double(times.count).squareRoot().rounded(.up)))
        let height = max(2, Int(clamping: (Double(width) * Double(size.height) / Double(size.width) / 2).rounded()) * 2)
        self.columns = columns
        rows = max(1, (times.count + columns - 1) / columns)
        tileWidth = width
        tileHeight = height
        tiles = zip(times, frameTimes).enumerated().map { index, pair in
            Tile(time: pair.0, frameTime: pair.1, x: index % columns * width, y: index / columns * height)
        }
    }
}
