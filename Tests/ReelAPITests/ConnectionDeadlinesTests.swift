import NIOCore
import ReelCore
import Testing

@testable import ReelAPI

/// The deadline decisions alone, on a clock the test moves.
@Suite("Connection deadlines")
struct ConnectionDeadlinesTests {
    let limits = ConnectionDeadlines.Limits(idle: .seconds(60), header: .seconds(10), body: .seconds(10), minBodyBytesPerSecond: 1024)
    let start = NIODeadline.uptimeNanoseconds(1_000_000_000_000)

    func at(_ seconds: Double) -> NIODeadline { start + .nanoseconds(Int64(clamping: seconds * 1e9)) }

    @Test("an idle connection is closed silently after the idle timeout, not before")
    func idle() {
        let deadlines = ConnectionDeadlines(limits: limits, now: start)
        #expect(deadlines.check(now: at(59)) == .none)
        #expect(deadlines.check(now: at(61)) == .close)
    }

    @Test("headers dribbled in get 408 once the header timeout passes since their first byte")
    func slowHeaders() {
        var deadlines = ConnectionDeadlines(limits: limits, now: start)
        deadlines.bytesArrived(now: at(5))
        deadlines.bytesArrived(now: at(14))
        #expect(deadlines.check(now: at(14.9)) == .none)
        #expect(deadlines.check(now: at(15.1)) == .requestTimeout)
    }

    @Test("a body slower than the minimum rate, or stalled, gets 408; a fast one never")
    func slowBody() {
        var slow = ConnectionDeadlines(limits: limits, now: start)
        slow.bytesArrived(now: at(0))
        slow.headReceived(now: at(0))
        for second in 1...20 { slow.bodyReceived(bytes: 1, now: at(Double(second))) }
        #expect(slow.check(now: at(9)) == .none)
        #expect(slow.check(now: at(20)) == .requestTimeout)

        var stalled = ConnectionDeadlines(limits: limits, now: start)
        stalled.headReceived(now: at(0))
        stalled.bodyReceived(bytes: 1 << 20, now: at(1))
        #expect(stalled.check(now: at(10.5)) == .none)
        #expect(stalled.check(now: at(11.5)) == .requestTimeout)

        var fast = ConnectionDeadlines(limits: limits, now: start)
        fast.headReceived(now: at(0))
        for second in 1...100 { fast.bodyReceived(bytes: 64 << 10, now: at(Double(second))) }
        #expect(fast.check(now: at(100.5)) == .none)
    }

    @Test("while a response is under way nothing times out; afterwards the idle clock restarts")
    func responding() {
        var deadlines = ConnectionDeadlines(limits: limits, now: start)
        deadlines.bytesArrived(now: at(0))
        deadlines.headReceived(now: at(0))
        deadlines.requestEnded()
        deadlines.bytesArrived(now: at(1))  // a pipelined request's first bytes
        #expect(deadlines.check(now: at(500)) == .none)
        deadlines.responseEnded(now: at(500))
        #expect(deadlines.check(now: at(505)) == .none)
        #expect(deadlines.check(now: at(520)) == .requestTimeout)
    }

    @Test("a body still arriving after the answer began is cut without a second answer")
    func answeredEarly() {
        var deadlines = ConnectionDeadlines(limits: limits, now: start)
        deadlines.headReceived(now: at(0))
        deadlines.responseStarted()
        #expect(deadlines.check(now: at(30)) == .close)
    }
}
