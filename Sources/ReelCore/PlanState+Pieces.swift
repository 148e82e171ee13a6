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
