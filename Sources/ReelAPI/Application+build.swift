import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ReelCore
import ReelStore
import ServiceLifecycle

/// Builds the router with every route of the HTTP contract.
public func buildRouter(_ services: ReelServices) -> Router<ReelRequestContext> {
    // HEAD is answered wherever GET is: the same status and headers, no body (RFC 9110 §9.3.2).
    let router = Router(context: ReelRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(
        middleware: ObservabilityMiddleware(
            metrics: services.configuration.metricsEnabled ? services.metrics : nil, mode: services.configuration.accessLog))
    if !services.configuration.corsOrigins.isEmpty {
        router.add(middleware: CORSMiddleware(origins: Set(services.configuration.corsOrigins)))
    }
    let allowed = AllowedMethods()
    router.add(middleware: ErrorMiddleware(allowed: allowed))
    router.add(middleware: BrowserGuardMiddleware(configuration: services.configuration))
    let keys =
        services.configuration.keysRequired
        ? KeyVerifier(store: services.store, cache: KeyCache(revocations: services.store.revocations)) : nil
    if let keys { router.add(middleware: AuthMiddleware(keys: keys)) }
    if services.configuration.writeRateLimit != nil || services.configuration.readRateLimit != nil {
        router.add(
            middleware: RateLimitMiddleware(write: services.configuration.writeRateLimit, read: services.configuration.readRateLimit))
    }

    CompositionController(services: services).addRoutes(to: router.group("api/v1/compositions"))
    EventController(services: services, keys: keys).addRoutes(to: router)
    AssetController(services: services).addRoutes(to: router.group("api/v1/assets"))
    TemplateController(services: services).addRoutes(to: router.group("api/v1/templates"))
    KeyController(store: services.store).addRoutes(to: router.group("api/v1/keys"))
    PreviewController(services: services).addRoutes(to: router)
    MeController(keysRequired: services.configuration.keysRequired).addRoutes(to: router)
    if services.configuration.studioEnabled { StudioController(services: services).addRoutes(to: router) }
    FileController(services: services).addRoutes(to: router)
    HealthController(services: services).addRoutes(to: router)

    addMetricsRoute(to: router, services: services)
    router.get("openapi.json") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: OpenAPIDocument.bytes))
    }
    allowed.load(from: router)
    return router
}

/// `GET /metrics`: Prometheus text of every series of this process, with the gauges read at
/// scrape time (the queue's depth and statuses, the database pool, memory, CPU); 404 with
/// `REEL_METRICS=off`.
func addMetricsRoute(to router: Router<ReelRequestContext>, services: ReelServices) {
    router.get("metrics") { _, _ in
        guard services.configuration.metricsEnabled else { throw ReelError.notFound("metrics endpoint (REEL_METRICS=off)") }
        await services.refreshGauges()
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: services.metrics.render()))
        )
    }
}

/// The operations router of a process that serves no API (`reel work` on `REEL_METRICS_PORT`):
/// `/livez`, `/readyz` and `/metrics`, the last with a `metrics` key when keys are required.
public func buildOperationsRouter(_ services: ReelServices) -> Router<ReelRequestContext> {
    // HEAD is answered wherever GET is: the same status and headers, no body (RFC 9110 §9.3.2).
    let router = Router(context: ReelRequestContext.self, options: .autoGenerateHeadEndpoints)
    let allowed = AllowedMethods()
    router.add(middleware: ErrorMiddleware(allowed: allowed))
    router.add(middleware: BrowserGuardMiddleware(configuration: services.configuration))
    if services.configuration.keysRequired {
        router.add(
            middleware: AuthMiddleware(keys: KeyVerifier(store: services.store, cache: KeyCache(revocations: services.store.revocations))))
    }
    HealthController(services: services).addProbes(to: router)
    addMetricsRoute(to: router, services: services)
    allowed.load(from: router)
    return router
}

/// Hummingbird's HTTP/1.1 server with Reel's guards (``ReelHTTP1Channel``): deadlines, and heads
/// answered below the router. Every listener of Reel serves through it.
func connectionGuards(_ configuration: ReelConfiguration) -> HTTPServerBuilder {
    let limits = ConnectionDeadlines.Limits(
        idle: .nanoseconds(Int64(clamping: configuration.idleTimeout * 1e9)),
        header: .nanoseconds(Int64(clamping: configuration.headerTimeout * 1e9)),
        body: .nanoseconds(Int64(clamping: configuration.bodyTimeout * 1e9)),
        minBodyBytesPerSecond: configuration.minBodyBytesPerSecond
    )
    return HTTPServerBuilder { responder in ReelHTTP1Channel(responder: responder, limits: limits) }
}

/// `reel work`'s process with its operations listener on `port`: the render workers and the
/// rescuer run as `background` beside it, and stop after it on graceful shutdown.
public func buildOperationsApplication(
    _ services: ReelServices,
    port: Int,
    background: [any Service],
    logger: Logger,
    beforeServerStarts: @escaping @Sendable () async throws -> Void = {}
) -> some ApplicationProtocol {
    var application = Application(
        router: buildOperationsRouter(services),
        server: connectionGuards(services.configuration),
        configuration: .init(address: .hostname(services.configuration.host, port: port), serverName: "reel-worker"),
        services: background,
        logger: logger
    )
    application.beforeServerStarts(perform: beforeServerStarts)
    return application
}

/// Builds the HTTP application for `services`, listening where the configuration says, with
/// `background` services (render workers, the lease rescuer) run beside the server, and
/// `beforeServerStarts` run before it listens. On graceful shutdown the server stops first and
/// finishes in-flight requests, then the background services, last to first.
public func buildApplication(
    _ services: ReelServices,
    background: [any Service] = [],
    logger: Logger,
    beforeServerStarts: @escaping @Sendable () async throws -> Void = {}
) -> some ApplicationProtocol {
    let configuration = services.configuration
    var application = Application(
        router: buildRouter(services),
        server: connectionGuards(configuration),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port),
            serverName: "reel"
        ),
        services: background,
        logger: logger
    )
    application.beforeServerStarts(perform: beforeServerStarts)
    return application
}
