extension Timeline {
    /// Where one frame of the render lies: its time on the timeline, the piece showing it and
    /// how far into that piece it is, in whole frames as the render counts them.
    public struct FramePosition: Sendable, Hashable {
        /// The frame's own time: a whole number of frames from the start.
        public var time: Double
        /// The index in ``Timeline/pieces`` of the piece showing it.
        public var piece: Int
        /// Seconds from the piece's first frame: a whole number of frames.
        public var shift: Double
    }

    /// The frame the render shows at `time`: the last one starting at or before it, never past
    /// the last frame, in the piece (of `pieces`, the render's: ``pieces`` cut as a segmented
    /// render cuts them) whose first frame (its start, rounded to a frame) is the last at or before it.
    public func frame(at time: Double, fps: Double, pieces: [Piece]? = nil) -> FramePosition {
        let pieces = pieces ?? self.pieces
        let frames = max(1, Int(clamping: (duration * fps).rounded()))
        let index = min(frames - 1, max(0, Int(clamping: (time * fps + 1e-6).rounded(.down))))
        var start = 0.0
        var first = 0
        var piece = 0
        for (number, candidate) in pieces.enumerated() {
            let begins = Int(clamping: (start * fps).rounded())
            if number > 0, begins > index { break }
            (piece, first) = (number, begins)
            start += candidate.duration
        }
        return FramePosition(time: Double(index) / fps, piece: piece, shift: Double(index - first) / fps)
    }

    /// The clips whose pictures a frame at `position` (in `pieces`) is made from (both sides of a transition).
    public func clips(at position: FramePosition, pieces: [Piece]) -> [Int] {
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
