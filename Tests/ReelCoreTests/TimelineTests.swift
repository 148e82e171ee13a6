import ReelCore
import Testing

@Suite("The timeline")
struct TimelineTests {
    func clip(_ start: Double, _ end: Double, transition: Transition? = nil) -> Clip {
        Clip(videoURL: "https://x.test/\(start).mp4", startTime: start, endTime: end, transition: transition)
    }

    @Test("back-to-back clips are consecutive segments joined by cuts")
    func cuts() {
        let timeline = Timeline(clips: [clip(0, 5), clip(5, 10)])
        #expect(timeline.segments.map(\.start) == [0, 5])
        #expect(timeline.segments.map(\.duration) == [5, 5])
        #expect(timeline.segments.allSatisfy { $0.transitionIn == nil })
        #expect(timeline.duration == 10)
    }

    @Test("gaps become black segments, including one before the first clip")
    func gaps() {
        let timeline = Timeline(clips: [clip(2, 4), clip(6, 7)])
        #expect(timeline.segments.map(\.content) == [.gap, .clip(index: 0), .gap, .clip(index: 1)])
        #expect(timeline.segments.map(\.duration) == [2, 2, 2, 1])
        #expect(timeline.duration == 7)
    }

    @Test("clips given out of order are placed by start_time")
    func order() {
        let timeline = Timeline(clips: [clip(5, 10), clip(0, 5)])
        #expect(timeline.segments.map(\.content) == [.clip(index: 1), .clip(index: 0)])
    }

    @Test("an overlapping transition plays over the overlap")
    func overlappingTransition() {
        let timeline = Timeline(clips: [clip(0, 5), clip(4, 9, transition: Transition(type: "fade", duration: 1))])
        #expect(timeline.segments[0].duration == 5)
        #expect(timeline.segments[1].start == 4)
        #expect(timeline.segments[1].transitionIn?.type == "fade")
        #expect(timeline.duration == 9)
    }

    @Test("a transition between touching slots holds the clip before under it")
    func touchingTransition() {
        let timeline = Timeline(clips: [clip(0, 5), clip(5, 10, transition: Transition(type: "wipeleft", duration: 1))])
        #expect(timeline.segments[0].duration == 6)
        #expect(timeline.segments[1].start == 5)
        #expect(timeline.duration == 10)
    }

    @Test("a cut transition is no transition")
    func cutTransition() {
        let timeline = Timeline(clips: [clip(0, 5), clip(5, 10, transition: Transition(type: "cut", duration: 1))])
        #expect(timeline.segments[1].transitionIn == nil)
        #expect(timeline.segments[0].duration == 5)
    }
}
