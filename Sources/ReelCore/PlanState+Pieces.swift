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
    /// draws it. The render decodes a piece from a seek at its start (at its end, or a run's end,
    /// when reversed), and ffmpeg drops the source frame that began before a seek point though
    /// the frame-rate filter may show it: so the frame is cut from a short stretch reaching
    /// back (forward when reversed) as far as the source needs, or to where the render's seek
    /// is. Inside a transition the blend needs its progress there: each side's stretch is led
    /// by a clone at time 0 and set at its time, so xfade (which measures progress from its
    /// first frame) blends it as the render does; the clone is then dropped.
    mutating func addFrame(
        of piece: Timeline.Piece, shift: Double, timeline: Timeline, request: CompositionRequest, sources: [String: RenderSource],
        label: String
    ) throws(RenderFailure) {
        let index = Int(clamping: (shift * fps).rounded())
        let cut = { (before: Int) -> [FilterGraph.Filter] in
            [
                .init("trim", [("start_frame", String(before)), ("end_frame", String(before + 1))]),
                .init("setpts", [("expr", "PTS-STARTPTS")]),
            ]
        }
        switch piece {
        case .span(let number, let start, let duration):
            let segment = timeline.segments[number]
            let (before, after) = margins(segment, at: index, of: Int(clamping: (duration * fps).rounded()), request, sources)
            try addSpan(
                of: segment, from: start + Double(index - before) / fps, duration: Double(before + 1 + after) / fps, request: request,
                sources: sources, labels: (label + "w", ""))
            graph.add([label + "w"], cut(before), [label])
        case .transition(let to, let transition):
            let outgoing = timeline.segments[to - 1]
            let incoming = timeline.segments[to]
            let d = transition.duration
            let frames = Int(clamping: (d * fps).rounded())
            let tailMargins = margins(outgoing, at: index, of: frames, request, sources)
            let headMargins = margins(incoming, at: index, of: frames, request, sources)
            let (before, after) = (max(tailMargins.0, headMargins.0), max(tailMargins.1, headMargins.1))
            let first = index - before
            let length = Double(before + 1 + after) / fps
            let tail = (label + "t", "")
            let head = (label + "h", "")
            try addSpan(
                of: outgoing, from: outgoing.duration - d + Double(first) / fps, duration: length, request: request, sources: sources,
                labels: tail)
            try addSpan(of: incoming, from: Double(first) / fps, duration: length, request: request, sources: sources, labels: head)
            guard first > 0 else {
                blend(tail, into: head, transition: transition, labels: (label + "x", ""))
                graph.add([label + "x"], cut(before), [label])
                return
            }
            let placed = "if(eq(N,0),0,round(((N-1)/\(fpsText)+\(NumberText.ffmpeg(Double(first) / fps)))/TB))"
            for side in [tail.0, head.0] {
                graph.add(
                    [side], [.init("tpad", [("start", "1"), ("start_mode", "clone")]), .init("setpts", [("expr", placed)])],
                    [side + "s"])
            }
            blend((tail.0 + "s", ""), into: (head.0 + "s", ""), transition: transition, labels: (label + "x", ""))
            graph.add([label + "x"], cut(before + 1), [label])
        }
    }

    /// Frames a stretch around frame `index` of a piece of `frames` frames reaches before it
    /// and after it so that its frame is the render's: back to the piece's start, or far enough
    /// that the source frame on screen then began inside the stretch (a slowed clip's frames
    /// last longer). A reversed clip's stretch is the render's whole reversed run (at most
    /// two seconds): which frame shows when depends on every frame of the run.
    func margins(
        _ segment: Timeline.Segment, at index: Int, of frames: Int, _ request: CompositionRequest, _ sources: [String: RenderSource]
    ) -> (Int, Int) {
        guard case .clip(let number) = segment.content else { return (0, 0) }
        let clip = request.clips[number]
        guard let info = sources[clip.sourceURL]?.info, !(clip.isImage || info.isStill) else { return (0, 0) }
        let sourceRate = max(1, info.fps ?? 24) * max(0.01, clip.speed)
        let need = Int(clamping: (fps / sourceRate).rounded(.up)) + 1
        guard clip.reverse else { return (min(index, need), 0) }
        let run = Int(clamping: (reverseRun * fps).rounded())
        let runStart = frames > run ? index / run * run : 0
        let runEnd = frames > run ? min(frames, runStart + run) : frames
        return (index - runStart, max(0, runEnd - index - 1))
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
