import NIOCore
import NIOHTTP1

/// After the HTTP/1 codec: tells the deadlines where each request is, closes HTTP/1.0
/// connections that did not ask to be kept alive, and answers itself what the router must not
/// see — a head ``HeadRefusal`` refuses, or bytes that are not HTTP between requests — in the
/// error shape, after any answer still going out (a pipelined request), with a lingering close.
final class RequestPhaseHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    let clock: ConnectionClock
    /// A request is between its head and its end: a parse error now belongs to its handler.
    var inRequest = false
    /// Requests passed on whose answers have not ended: a refusal waits for them (pipelining).
    var unanswered = 0
    /// This handler refuses the connection's next request: nothing more is read from it.
    var refused = false
    /// The refusal to write once the answer going out has ended.
    var pending: HeadRefusal?

    init(clock: ConnectionClock) {
        self.clock = clock
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if refused { return }
        switch unwrapInboundIn(data) {
        case .head(var head):
            clock.deadlines.headReceived(now: .now())
            if let refusal = HeadRefusal.check(head) {
                refuse(refusal, context: context)
                return
            }
            inRequest = true
            unanswered += 1
            if head.version.major == 1, head.version.minor == 0, !head.isKeepAlive {
                clock.closeAfterResponse = true
                head.headers.replaceOrAdd(name: "connection", value: "close")
                context.fireChannelRead(wrapInboundOut(.head(head)))
                return
            }
        case .body(let buffer):
            clock.deadlines.bodyReceived(bytes: buffer.readableBytes, now: .now())
        case .end:
            inRequest = false
            clock.deadlines.requestEnded()
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if refused { return }
        if !inRequest, error is HTTPParserError {
            refuse(HeadRefusal.notHTTP, context: context)
            return
        }
        context.fireErrorCaught(error)
    }

    /// Stops reading, and answers `refusal` now, or after the answer going out.
    func refuse(_ refusal: HeadRefusal, context: ChannelHandlerContext) {
        refused = true
        if unanswered > 0 {
            pending = refusal
        } else {
            write(refusal, context: context)
        }
    }

    /// Writes `refusal`'s answer below the router, then closes with a linger.
    func write(_ refusal: HeadRefusal, context: ChannelHandlerContext) {
        let (head, body) = refusal.response()
        clock.deadlines.responseStarted()
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        clock.deadlines.responseEnded(now: .now())
        ConnectionDeadlineHandler.closeLingering(context, clock: clock, after: written)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head):
            clock.deadlines.responseStarted()
            if clock.closeAfterResponse {
                head.headers.replaceOrAdd(name: "connection", value: "close")
                context.write(wrapOutboundOut(.head(head)), promise: promise)
                return
            }
        case .body:
            break
        case .end:
            unanswered = max(0, unanswered - 1)
            clock.deadlines.responseEnded(now: .now())
            context.write(data, promise: promise)
            if unanswered == 0, let pending {
                self.pending = nil
                write(pending, context: context)
            }
            return
        }
        context.write(data, promise: promise)
    }
}
