/// One size of a ladder render: its name as asked (`720p`, `640x360`) and its pixels.
public struct Rendition: Sendable, Hashable {
    public var name: String
    public var width: Int
    public var height: Int

    public init(name: String, width: Int, height: Int) {
        self.name = name
        self.width = width
        self.height = height
    }
}

extension OutputSettings {
    /// The sizes a ladder render encodes from one decode of the timeline, largest first:
    /// `renditions`, or for HLS without them the output's size alone; empty for one file.
    /// A `…p` name is the short side, the long one following the output's aspect ratio.
    public var ladder: [Rendition] {
        guard let size else { return [] }
        let names = renditions ?? (format == .hls ? [resolution] : [])
        let sizes = names.compactMap { name -> Rendition? in
            let lowered = name.lowercased()
            if let short = Self.namedHeights[lowered] {
                let long =
                    Int(
                        clamping: (Double(short) * Double(max(size.width, size.height)) / Double(min(size.width, size.height)) / 2)
                            .rounded()) * 2
                return size.width >= size.height
                    ? Rendition(name: lowered, width: long, height: short) : Rendition(name: lowered, width: short, height: long)
            }
            let parts = lowered.split(separator: "x")
            guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]) else { return nil }
            return Rendition(name: lowered, width: w, height: h)
        }
        return sizes.sorted { $0.width * $0.height > $1.width * $1.height }
    }
}
