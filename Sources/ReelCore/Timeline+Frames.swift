extension Timeline {
    /// Where one frame of the render lies: its time on the timeline, the piece showing it and
    /// how far into that piece it is, in whole frames as the render counts them.
    public struct FramePosition: Sendable, Hashable {
        /// The frame's own time: a whole number of frames from the start.
        public var time: Double
        public var piece: Int
        public var shift: Double
    }

    /// The frame the render shows at `time`: the last one starting at or before it, never past
    /// the last frame.
    public func frame(at time: Double, fps: Double) -> FramePosition {
        let frames = max(1, Int(clamping: (duration * fps).rounded()))
        let index = min(frames - 1, max(0, Int(clamping: (time * fps + 1e-6).rounded(.down))))
        let at = Double(index) / fps
        let pieces = self.pieces
        var start = 0.0
        var piece = 0
        while piece + 1 < pieces.count, start + pieces[piece].duration <= at + Timeline.epsilon {
            start += pieces[piece].duration
            piece += 1
        }
        return FramePosition(time: at, piece: piece, shift: max(0, Double(index) - (start * fps).rounded()) / fps)
    }

    /// The clips whose pictures a frame at `position` is made from (both sides of a transition).
    public func clips(at position: FramePosition) -> [Int] {
        let segmentIndices: [Int] =
            switch pieces[position.piece] {
            case .span(let segment, _, _): [segment]
            case .transition(let to, _): [to - 1, to]
            }
        return segmentIndices.compactMap {
            if case .clip(let index) = segments[$0].content { index } else { nil }
        }
    }
}
