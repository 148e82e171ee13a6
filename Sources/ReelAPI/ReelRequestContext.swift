import Hummingbird
import Logging
import NIOCore

/// The request context of every route.
public struct ReelRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``AuthMiddleware``: the key's tenant and scope, or ``Principal/keysOff``.
    public var principal = Principal.keysOff
    /// The client's address (rate limits without keys).
    public let remoteAddress: SocketAddress?

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Uploads are streamed by the asset route itself; other bodies are collected with their own limits.
    public var maxUploadSize: Int { .max }
}
