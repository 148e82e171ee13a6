import Foundation
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1
import ReelCore

/// Hummingbird's HTTP/1.1 child channel with the guards a server on a network needs:
/// idle, header and body deadlines (``ConnectionDeadlines``; 408 where HTTP allows), and HTTP/1.0
/// clients that did not ask for keep-alive get `Connection: close` and a closed connection
/// after their answer (ApacheBench waited for that forever).
struct ReelHTTP1Channel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

    let responder: HTTPChannelHandler.Responder
    let limits: ConnectionDeadlines.Limits

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let clock = ConnectionClock(ConnectionDeadlines(limits: limits, now: .now()))
            let pipeline = channel.pipeline.syncOperations
            try pipeline.addHandler(ConnectionDeadlineHandler(clock: clock))
            try pipeline.configureHTTPServerPipeline(
                withPipeliningAssistance: false,
                withErrorHandling: false,
                withOutboundHeaderValidation: false
            )
            try pipeline.addHandler(RequestPhaseHandler(clock: clock))
            try pipeline.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            try pipeline.addHandler(HTTPConnectionStateHandler(idleTimeout: nil, logger: logger))
            return try NIOAsyncChannel(wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    func handle(value asyncChannel: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: asyncChannel, logger: logger)
    }
}

/// The deadlines of one connection, shared by its two handlers on the connection's event loop.
final class ConnectionClock {
    var deadlines: ConnectionDeadlines
    /// An HTTP/1.0 request without keep-alive: close after its answer.
    var closeAfterResponse = false

    init(_ deadlines: ConnectionDeadlines) {
        self.deadlines = deadlines
    }
}

/// First in the pipeline: notes every byte read and, every half second, applies what
/// ``ConnectionDeadlines/check(now:)`` decides; a 408 is written here, below the HTTP codec.
final class ConnectionDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let clock: ConnectionClock
    var timer: Scheduled<Void>?

    /// How often the deadlines are checked: timeouts are whole seconds, so half a second late at most.
    static let tickInterval = TimeAmount.milliseconds(500)
    /// How long input is still drained after a 408 before the connection closes.
    static let lingerTime = TimeAmount.seconds(2)

    init(clock: ConnectionClock) {
        self.clock = clock
    }

    func handlerAdded(context: ChannelHandlerContext) {
        scheduleTick(context: context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }

    func scheduleTick(context: ChannelHandlerContext) {
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: Self.tickInterval) { [self] in
            self.tick(context: context)
        }
    }

    /// After a 408: what the client still sends is read and dropped until the connection closes.
    var lingering = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if lingering { return }
        clock.deadlines.bytesArrived(now: .now())
        context.fireChannelRead(data)
    }

    func tick(context: ChannelHandlerContext) {
        timer = nil
        switch clock.deadlines.check(now: .now()) {
        case .none:
            scheduleTick(context: context)
        case .close:
            context.close(promise: nil)
        case .requestTimeout:
            let body = Self.timeoutBody()
            let head =
                "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json; charset=utf-8\r\n"
                + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
            // A lingering close: the answer goes out, then the output side closes while input is
            // still read (and dropped) for a moment. Closing at once with unread input would make
            // the kernel send a reset, and the client could lose the 408 it was about to read.
            lingering = true
            context.writeAndFlush(NIOAny(ByteBuffer(string: head + body))).assumeIsolated().whenComplete { _ in
                context.close(mode: .output, promise: nil)
                context.eventLoop.assumeIsolated().scheduleTask(in: Self.lingerTime) { context.close(promise: nil) }
            }
        }
    }

    static func timeoutBody() -> String {
        ErrorResponse.text(
            code: "request_timeout", message: "the request was not received in time; send headers and body without long pauses")
    }
}

/// After the HTTP/1 codec: tells the deadlines where each request is, closes HTTP/1.0
/// connections that did not ask to be kept alive, and answers itself what the router must not
/// see: a head ``HeadRefusal`` refuses, or bytes that are not HTTP between requests (both in the
/// error shape, then the connection closes).
final class RequestPhaseHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    let clock: ConnectionClock
    /// A request is between its head and its end: a parse error now belongs to its handler.
    var inRequest = false
    /// This handler answered and is closing: the rest of the input is dropped.
    var refused = false

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
            refuse(
                HeadRefusal(
                    status: .badRequest, code: "bad_request", message: "the request is not valid HTTP/1.1", field: "request"),
                context: context)
            return
        }
        context.fireErrorCaught(error)
    }

    /// Writes `refusal`'s answer below the router and closes once it is out.
    func refuse(_ refusal: HeadRefusal, context: ChannelHandlerContext) {
        refused = true
        let (head, body) = refusal.response()
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
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
            clock.deadlines.responseEnded(now: .now())
        }
        context.write(data, promise: promise)
    }
}
