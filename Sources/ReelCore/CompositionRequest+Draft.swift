extension CompositionRequest {
    /// Longest side of a draft, in pixels.
    public static let draftLongSide = 640
    /// Highest frame rate of a draft.
    public static let draftFPS = 15.0

    /// The composition as the renderer draws it. A draft (`output.quality: draft`) is a proxy:
    /// at most ``draftLongSide`` pixels on the long side and ``draftFPS`` frames a second, one
    /// picture size (no renditions, no bit rate: the draft's quality), with text, outlines and shadows
    /// scaled with the frame so it looks like the render it stands for. Anything else is itself.
    public var asRendered: CompositionRequest {
        guard output.quality == .draft, let size = output.size else { return self }
        var draft = self
        let scale = min(1, Double(Self.draftLongSide) / Double(max(size.width, size.height)))
        func even(_ value: Int) -> Int { max(2, Int(clamping: (Double(value) * scale / 2).rounded()) * 2) }
        draft.output.resolution = "\(even(size.width))x\(even(size.height))"
        draft.output.aspectRatio = nil
        draft.output.fps = min(output.fps, Self.draftFPS)
        draft.output.bitrate = nil
        draft.output.renditions = nil
        for index in draft.overlays.indices {
            draft.overlays[index].fontSize = max(1, Int(clamping: (Double(overlays[index].fontSize) * scale).rounded()))
            draft.overlays[index].stroke?.width *= scale
            draft.overlays[index].shadow?.x *= scale
            draft.overlays[index].shadow?.y *= scale
        }
        if let fontSize = captions?.style.fontSize {
            draft.captions?.style.fontSize = max(1, Int(clamping: (Double(fontSize) * scale).rounded()))
        }
        if let outline = captions?.style.outline { draft.captions?.style.outline = outline * scale }
        return draft
    }
}
