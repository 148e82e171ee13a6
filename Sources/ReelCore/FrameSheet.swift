/// Where preview frames land: one picture for one time, a sheet of tiles in rows for several.
public struct FrameSheet: Sendable, Hashable, Codable {
    /// One tile: the timeline time asked for, the frame's own time, and its place on the sheet.
    public struct Tile: Sendable, Hashable, Codable {
        /// The time asked for.
        public var time: Double
        /// The time of the frame shown: the one starting at or before `time`.
        public var frameTime: Double
        /// The tile's top left corner on the sheet.
        public var x: Int
        public var y: Int

        enum CodingKeys: String, CodingKey {
            case time, x, y
            case frameTime = "frame_time"
        }
    }

    public var columns: Int
    public var rows: Int
    /// Pixels of each tile.
    public var tileWidth: Int
    public var tileHeight: Int
    /// In the order of the times asked.
    public var tiles: [Tile]

    enum CodingKeys: String, CodingKey {
        case columns, rows, tiles
        case tileWidth = "tile_width"
        case tileHeight = "tile_height"
    }

    /// Tiles for `times` (showing the frames at `frameTimes`) of an output of `size`, each
    /// `width` pixels wide (the height keeps the output's shape, rounded to even), on a grid as
    /// square as it can be.
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
