import Foundation
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1
import ReelCore

/// Hummingbird's HTTP/1.1 child channel with the guards a server on a network needs:
/// idle, header and body deadlines (``ConnectionDeadlines``; 408 where HTTP allows), heads the
/// router must not see answered below it (``RequestPhaseHandler``, ``HeadRefusal``), and HTTP/1.0
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
    /// An answer written below the router is out and the connection is closing: what the client
    /// still sends is read and dropped.
    var lingering = false

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

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if clock.lingering { return }
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
            Self.closeLingering(context, clock: clock, after: context.writeAndFlush(NIOAny(ByteBuffer(string: head + body))))
        }
    }

    /// A lingering close once `written` is out: the output side closes while input is still read
    /// (and dropped) for ``lingerTime``. Closing at once with unread input would make the kernel
    /// send a reset, and the client could lose the answer it was about to read.
    static func closeLingering(_ context: ChannelHandlerContext, clock: ConnectionClock, after written: EventLoopFuture<Void>) {
        clock.lingering = true
        written.assumeIsolated().whenComplete { _ in
            context.close(mode: .output, promise: nil)
            context.eventLoop.assumeIsolated().scheduleTask(in: lingerTime) { context.close(promise: nil) }
        }
    }

    static func timeoutBody() -> String {
        ErrorResponse.text(
            code: "request_timeout", message: "the request was not received in time; send headers and body without long pauses")
    }
}
