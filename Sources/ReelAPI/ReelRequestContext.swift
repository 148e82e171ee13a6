import Hummingbird
import Logging
import NIOCore

/// The request context of every route.
public struct ReelRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``AuthMiddleware``: the key's tenant and scope, or ``Principal/keysOff``.
    public var principal = Principal.keysOff
    /// Set by ``AuthMiddleware``: the key the request presented (nil with keys off), for a
    /// long-lived answer (an event stream) to check again as it goes.
    var presentedKey: Substring?
    /// Set by ``ObservabilityMiddleware``: this request's id, stored with a composition it creates.
    public var requestID: String?
    /// The client's address (rate limits without keys).
    public let remoteAddress: SocketAddress?

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The id errors and log lines carry: ``requestID``, else the one Hummingbird gave the request.
    var currentRequestID: String {
        requestID ?? logger[metadataKey: "hb.request.id"]?.description ?? ""
    }

    /// Uploads are streamed by the asset route itself; other bodies are collected with their own limits.
    public var maxUploadSize: Int { .max }

    /// DTOs a route returns are encoded as the rest of the API's JSON.
    public var responseEncoder: ReelResponseEncoder { ReelResponseEncoder() }
}
