/// The output timeline as consecutive segments: every clip in time order, with black, silent
/// gap segments between them, and how each segment joins the one before.
///
/// A transition of duration `d` on clip `k` plays over `[start_k, start_k + d)`. When the two
/// slots overlap by `d` that is the overlap; when they only touch, the clip before is held
/// `d` seconds longer under the transition. Either way every clip starts where its slot says
/// and the video ends at the latest `end_time`.
public struct Timeline: Sendable, Hashable {
    /// Tolerance for comparing times, in seconds.
    public static let epsilon = 0.0005

    /// One piece of the timeline.
    public struct Segment: Sendable, Hashable {
        public enum Content: Sendable, Hashable {
            /// `clips[index]` of the request.
            case clip(index: Int)
            /// Black with silence.
            case gap
        }
        public var content: Content
        /// Where the segment starts on the output timeline.
        public var start: Double
        /// How long the segment plays, including time held under the next transition.
        public var duration: Double
        /// The xfade name and duration joining this segment to the one before; nil for a cut.
        public var transitionIn: Transition?

        public var end: Double { start + duration }
    }

    public var segments: [Segment]
    public var duration: Double

    public init(clips: [Clip]) {
        let order = clips.indices.sorted { (clips[$0].startTime, $0) < (clips[$1].startTime, $1) }
        var segments: [Segment] = []
        var cursor = 0.0
        for index in order {
            let clip = clips[index]
            let transition = clip.transition.flatMap { $0.type == "cut" || $0.duration <= Timeline.epsilon ? nil : $0 }
            if clip.startTime > cursor + Timeline.epsilon {
                segments.append(Segment(content: .gap, start: cursor, duration: clip.startTime - cursor, transitionIn: nil))
            }
            if let transition, var previous = segments.popLast() {
                previous.duration = max(previous.duration, clip.startTime + transition.duration - previous.start)
                segments.append(previous)
            }
            let start = segments.isEmpty ? 0 : clip.startTime
            segments.append(
                Segment(
                    content: .clip(index: index),
                    start: start,
                    duration: clip.endTime - start,
                    transitionIn: segments.isEmpty ? nil : transition
                )
            )
            cursor = clip.endTime
        }
        self.segments = segments
        self.duration = clips.map(\.endTime).max() ?? 0
    }
}

extension Timeline {
    /// A stretch of the output rendered from one or two segments.
    public enum Piece: Sendable, Hashable {
        /// `duration` seconds of segment `segment`, from `start` seconds into it.
        case span(segment: Int, start: Double, duration: Double)
        /// The last `transition.duration` seconds of segment `to - 1` blended into the first ones of segment `to`.
        case transition(to: Int, transition: Transition)

        public var duration: Double {
            switch self {
            case .span(_, _, let duration): duration
            case .transition(_, let transition): transition.duration
            }
        }
    }

    /// The output in order as pieces joined end to end by cuts: only the seconds under a
    /// transition are blended, so a render never holds more than two sources open at once.
    public var pieces: [Piece] {
        var pieces: [Piece] = []
        for (index, segment) in segments.enumerated() {
            let incoming = segment.transitionIn?.duration ?? 0
            let outgoing = index + 1 < segments.count ? segments[index + 1].transitionIn?.duration ?? 0 : 0
            if let transition = segment.transitionIn, index > 0 {
                pieces.append(.transition(to: index, transition: transition))
            }
            let length = segment.duration - incoming - outgoing
            if length > Timeline.epsilon {
                pieces.append(.span(segment: index, start: incoming, duration: length))
            }
        }
        return pieces
    }
}
