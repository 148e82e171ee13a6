import NIOCore
import NIOHTTP1

/// After the HTTP/1 codec: tells the deadlines where each request is, closes HTTP/1.0
/// connections that did not ask to be kept alive, and answers itself what the router must not
/// see — a head ``HeadRefusal`` refuses, or bytes that are not HTTP between requests — in the
/// error shape, after the answers still going out (pipelining), with a lingering close.
final class RequestPhaseHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    let clock: ConnectionClock
    /// A request is between its head and its end: a parse error now belongs to its handler.
    var inRequest = false
    /// An answer to no request passed on is going out: Hummingbird's bare 400 for a body that
    /// broke framing after the request was already answered (a 401, a 405). It is dropped.
    var dropping = false
    /// For each request passed on whose answer has not ended, oldest first: whether the
    /// connection closes after that answer (HTTP/1.0 without keep-alive).
    var awaiting: [Bool] = []
    /// The request being read asked to close the connection (`Connection: close`, or HTTP/1.0
    /// without keep-alive).
    var lastCloses = false
    /// A request passed on closes the connection after its answer: what follows is not read.
    var closing = false
    /// This handler refuses the connection's next request: nothing more is read from it.
    var refused = false
    /// The refusal to write once the answers going out have ended.
    var pending: HeadRefusal?

    init(clock: ConnectionClock) {
        self.clock = clock
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if refused || closing { return }
        switch unwrapInboundIn(data) {
        case .head(var head):
            clock.deadlines.headReceived(now: .now())
            if let refusal = HeadRefusal.check(head) {
                refuse(refusal, context: context)
                return
            }
            inRequest = true
            lastCloses = !head.isKeepAlive
            let closeAfter = head.version.major == 1 && head.version.minor == 0 && !head.isKeepAlive
            awaiting.append(closeAfter)
            if closeAfter {
                head.headers.replaceOrAdd(name: "connection", value: "close")
                context.fireChannelRead(wrapInboundOut(.head(head)))
                return
            }
        case .body(let buffer):
            clock.deadlines.bodyReceived(bytes: buffer.readableBytes, now: .now())
        case .end:
            inRequest = false
            // A request that closes the connection is the last one read (RFC 9112 §9.6).
            if lastCloses { closing = true }
            clock.deadlines.requestEnded()
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard !refused, error is HTTPParserError else {
            if !refused { context.fireErrorCaught(error) }
            return
        }
        if closing {
            // Bytes after a request that closed the connection: nobody reads them.
            refused = true
        } else if !inRequest {
            refuse(HeadRefusal.notHTTP, context: context)
        } else {
            // The router reads it as a 400 in the error shape, or has answered already (see `dropping`).
            refused = true
            context.fireErrorCaught(error)
        }
    }

    /// Stops reading, and answers `refusal` now, or after the answers going out.
    func refuse(_ refusal: HeadRefusal, context: ChannelHandlerContext) {
        refused = true
        // The refused request has no body to wait for: no deadline may answer it again.
        clock.deadlines.requestEnded()
        if awaiting.isEmpty {
            write(refusal, context: context)
        } else {
            pending = refusal
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
        if dropping {
            if case .end = unwrapOutboundIn(data) {
                dropping = false
                ConnectionDeadlineHandler.closeLingering(context, clock: clock, after: context.eventLoop.makeSucceededVoidFuture())
            }
            promise?.succeed()
            return
        }
        switch unwrapOutboundIn(data) {
        case .head where awaiting.isEmpty:
            dropping = true
            promise?.succeed()
            return
        case .head(var head):
            clock.deadlines.responseStarted()
            if awaiting.first == true {
                head.headers.replaceOrAdd(name: "connection", value: "close")
                context.write(wrapOutboundOut(.head(head)), promise: promise)
                return
            }
        case .body:
            break
        case .end:
            if !awaiting.isEmpty { awaiting.removeFirst() }
            clock.deadlines.responseEnded(now: .now())
            context.write(data, promise: promise)
            if awaiting.isEmpty, let pending {
                self.pending = nil
                write(pending, context: context)
            }
            return
        }
        context.write(data, promise: promise)
    }
}
