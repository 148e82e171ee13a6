import Foundation

/// A sprite sheet of frames every `interval` seconds and a WebVTT track pointing at each tile
/// (`storyboard.jpg#xywh=x,y,w,h`), as video players use for previews while scrubbing.
public struct StoryboardSettings: Sendable, Hashable, Codable {
    /// Seconds between tiles; nil picks one that gives at most 100 tiles (at least 1 s).
    public var interval: Double?
    public var columns: Int
    /// Width of a tile in pixels; the height follows the output's aspect ratio.
    public var width: Int

    public init(interval: Double? = nil, columns: Int = 10, width: Int = 160) {
        self.interval = interval
        self.columns = columns
        self.width = width
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        interval = try c.decodeIfPresent(Double.self, forKey: .interval)
        columns = try c.decodeWholeNumberIfPresent(forKey: .columns) ?? 10
        width = try c.decodeWholeNumberIfPresent(forKey: .width) ?? 160
    }

    /// Where every tile sits, for a video of `duration` seconds whose frames are `size`.
    public func layout(duration: Double, size: (width: Int, height: Int)) -> StoryboardLayout {
        let step = interval ?? max(1, (duration / 100).rounded(.up))
        let count = max(1, min(InputLimits.storyboardTiles, Int(clamping: (duration / step).rounded(.up))))
        let tileHeight = max(2, Int(clamping: (Double(width) * Double(size.height) / Double(size.width) / 2).rounded()) * 2)
        let columns = min(self.columns, count)
        return StoryboardLayout(
            interval: step, count: count, columns: columns, rows: (count + columns - 1) / columns, tileWidth: width,
            tileHeight: tileHeight, duration: duration)
    }
}

/// A storyboard's tiles: `count` of them, `columns` across, each `interval` seconds apart.
public struct StoryboardLayout: Sendable, Hashable {
    public var interval: Double
    public var count: Int
    public var columns: Int
    public var rows: Int
    public var tileWidth: Int
    public var tileHeight: Int
    public var duration: Double

    /// The filters taking the first frame of every `interval` seconds and tiling them into one
    /// image (`fps` would drop the last tile at the end of the stream).
    public var filter: String {
        let step = NumberText.ffmpeg(interval)
        return "select='isnan(prev_selected_t)+gte(floor(t/\(step))-floor(prev_selected_t/\(step)),1)',"
            + "scale=\(tileWidth):\(tileHeight),setsar=1,tile=\(columns)x\(rows)"
    }

    /// The WebVTT track: tile `k` covers `[k × interval, (k + 1) × interval)` and names its
    /// rectangle of `image` (a URL relative to the track, or absolute).
    public func webVTT(image: String) -> String {
        var text = "WEBVTT\n"
        for index in 0..<count {
            let start = Double(index) * interval
            let end = min(duration, start + interval)
            let x = index % columns * tileWidth
            let y = index / columns * tileHeight
            text +=
                "\n\(CaptionFile.timestamp(start)) --> \(CaptionFile.timestamp(end))\n\(image)#xywh=\(x),\(y),\(tileWidth),\(tileHeight)\n"
        }
        return text
    }
}
