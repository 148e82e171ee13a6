import Foundation

extension PlanState {
    /// Adds `pieces[indices]` of the timeline (a span, or a transition blending the end of one
    /// segment into the start of the next) and returns their labels, for ``concat(_:)``. The
    /// first piece starts `shift` seconds late (a chunk that begins on a frame boundary inside it).
    /// The one loop over pieces: whole renders, video chunks and the audio pass all use it.
    mutating func addPieces(
        _ indices: Range<Int>, of pieces: [Timeline.Piece], timeline: Timeline, shift: Double = 0, request: CompositionRequest,
        sources: [String: RenderSource]
    ) throws(RenderFailure) -> [(video: String, audio: String)] {
        var labels: [(video: String, audio: String)] = []
        for index in indices {
            let label = ("v\(index)", "a\(index)")
            switch pieces[index] {
            case .span(let segment, let offset, let duration):
                let late = index == indices.lowerBound ? shift : 0
                try addSpan(
                    of: timeline.segments[segment], from: offset + late, duration: duration - late, request: request, sources: sources,
                    labels: label)
            case .transition(let to, let transition):
                let outgoing = timeline.segments[to - 1]
                let d = transition.duration
                let tail = ("t\(index)v", "t\(index)a")
                let head = ("h\(index)v", "h\(index)a")
                try addSpan(of: outgoing, from: outgoing.duration - d, duration: d, request: request, sources: sources, labels: tail)
                try addSpan(of: timeline.segments[to], from: 0, duration: d, request: request, sources: sources, labels: head)
                blend(tail, into: head, transition: transition, labels: label)
            }
            labels.append(label)
        }
        return labels
    }
}

extension PlanState {
    /// The one frame `shift` seconds (a whole number of frames) into `piece`, as the render
    /// draws it. Inside a transition the blend needs its progress at that frame: each side is
    /// one frame, led by a clone at time 0 and set at `shift`, so xfade (which measures
    /// progress from its first frame) blends it exactly as the render's frame there; the clone
    /// is then dropped.
    mutating func addFrame(
        of piece: Timeline.Piece, shift: Double, timeline: Timeline, request: CompositionRequest, sources: [String: RenderSource],
        label: String
    ) throws(RenderFailure) {
        let frame = 1 / fps
        switch piece {
        case .span(let segment, let start, _):
            try addSpan(
                of: timeline.segments[segment], from: start + shift, duration: frame, request: request, sources: sources,
                labels: (label, ""))
        case .transition(let to, let transition):
            let outgoing = timeline.segments[to - 1]
            let d = transition.duration
            let tail = (label + "t", "")
            let head = (label + "h", "")
            try addSpan(
                of: outgoing, from: outgoing.duration - d + shift, duration: frame, request: request, sources: sources, labels: tail)
            try addSpan(of: timeline.segments[to], from: shift, duration: frame, request: request, sources: sources, labels: head)
            let blend = FilterGraph.Filter(
                "xfade", [("transition", transition.type), ("duration", NumberText.ffmpeg(d)), ("offset", "0")])
            effect("transition_\(transition.type)")
            guard shift * fps >= 0.5 else {
                graph.add([tail.0, head.0], [blend], [label])
                return
            }
            for side in [tail.0, head.0] {
                graph.add(
                    [side],
                    [
                        .init("tpad", [("start", "1"), ("start_mode", "clone")]),
                        .init("setpts", [("expr", PlanState.pts("0", plus: shift, times: "N"))]),
                    ],
                    [side + "s"])
            }
            graph.add(
                [tail.0 + "s", head.0 + "s"],
                [blend, .init("trim", [("start_frame", "1")]), .init("setpts", [("expr", "PTS-STARTPTS")])],
                [label])
        }
    }

    /// Takes in `other`'s inputs, graph, files, effects and warnings, its labels prefixed so
    /// that several stretches of the timeline share one process.
    mutating func absorb(_ other: PlanState, prefix: String) {
        let offset = inputCount
        func rename(_ label: String) -> String {
            // An input stream (`3:v:0`) is renumbered; every other label is prefixed.
            if let colon = label.firstIndex(of: ":"), let input = Int(label[..<colon]) {
                return "\(input + offset)" + label[colon...]
            }
            return prefix + label
        }
        for chain in other.graph.chains {
            graph.add(chain.inputs.map(rename), chain.filters, chain.outputs.map(rename))
        }
        inputArguments += other.inputArguments
        inputCount += other.inputCount
        files.merge(other.files) { first, _ in first }
        for name in other.effects { effect(name) }
        for warning in other.warnings where !warnings.contains(warning) { warnings.append(warning) }
    }
}
