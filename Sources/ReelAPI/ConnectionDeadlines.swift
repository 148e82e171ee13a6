import NIOCore

/// When a connection has waited too long, decided as a plain value: the handlers report what
/// they see (bytes, request parts, response ends) and apply the ``Action`` that ``check(now:)``
/// returns. Guards against clients that hold connections open by sending nothing, or headers
/// and bodies a byte at a time.
struct ConnectionDeadlines {
    struct Limits {
        /// Longest quiet time between requests.
        var idle: TimeAmount
        /// Longest time from a request's first byte to the end of its headers.
        var header: TimeAmount
        /// Grace period of a body before its average rate counts, and the longest pause in it.
        var body: TimeAmount
        /// Slowest average body rate after the grace period.
        var minBodyBytesPerSecond: Double
    }

    /// What the connection must do.
    enum Action: Equatable {
        case none
        /// Close without a word: the connection was idle.
        case close
        /// Answer 408 Request Timeout and close.
        case requestTimeout
    }

    struct Body {
        var start: NIODeadline
        var lastRead: NIODeadline
        var bytes: Int
        var answered = false
    }

    let limits: Limits
    /// Requests whose response has not ended.
    private(set) var inFlight = 0
    private var idleSince: NIODeadline
    /// First byte of a request whose headers are not complete yet.
    private var headStarted: NIODeadline?
    private var body: Body?

    init(limits: Limits, now: NIODeadline) {
        self.limits = limits
        idleSince = now
    }

    mutating func bytesArrived(now: NIODeadline) {
        if body == nil, headStarted == nil { headStarted = now }
    }

    mutating func headReceived(now: NIODeadline) {
        headStarted = nil
        inFlight += 1
        body = Body(start: now, lastRead: now, bytes: 0)
    }

    mutating func bodyReceived(bytes: Int, now: NIODeadline) {
        body?.bytes += bytes
        body?.lastRead = now
    }

    mutating func requestEnded() { body = nil }

    mutating func responseStarted() { body?.answered = true }

    mutating func responseEnded(now: NIODeadline) {
        inFlight = max(0, inFlight - 1)
        guard inFlight == 0 else { return }
        idleSince = now
        // A pipelined request's bytes waited for this answer: its header clock starts now.
        if headStarted != nil { headStarted = now }
    }

    func check(now: NIODeadline) -> Action {
        if let body {
            let elapsed = now - body.start
            let seconds = Double(elapsed.nanoseconds) / 1e9
            let stalled = now - body.lastRead > limits.body
            let slow = elapsed > limits.body && Double(body.bytes) / seconds < limits.minBodyBytesPerSecond
            guard stalled || slow else { return .none }
            // A 408 now would land inside an earlier answer still going out (a pipelined request
            // behind an event stream): the connection closes instead.
            return body.answered || inFlight > 1 ? .close : .requestTimeout
        }
        // While a response is on its way, bytes of the next request wait their turn.
        guard inFlight == 0 else { return .none }
        if let headStarted { return now - headStarted > limits.header ? .requestTimeout : .none }
        return now - idleSince > limits.idle ? .close : .none
    }
}
