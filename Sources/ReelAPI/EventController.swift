import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ReelCore
import ReelStore
import ServiceLifecycle

/// `GET /api/v1/events` and `GET /api/v1/compositions/{id}/events`: the recorded changes of a
/// tenant's compositions, oldest first, paged by event id; `GET …/webhooks`: their deliveries.
struct EventController {
    let services: ReelServices
    /// Checks an open stream's key again (nil with keys off).
    let keys: KeyVerifier?

    func addRoutes(to router: Router<ReelRequestContext>) {
        router.get("api/v1/events", use: all)
        router.get("api/v1/compositions/:id/events", use: one)
        router.get("api/v1/compositions/:id/webhooks", use: webhooks)
    }

    @Sendable func webhooks(_ request: Request, context: ReelRequestContext) async throws -> WebhookDeliveriesDTO {
        let id = try context.id(of: "composition")
        let tenant = context.principal.tenantFilter
        let deliveries = try await services.store.deliveries(of: id, tenant: tenant)
        if deliveries.isEmpty, try await services.store.fetchProgress(id, tenant: tenant) == nil {
            throw ReelError.notFound("composition")
        }
        return WebhookDeliveriesDTO(deliveries: deliveries.map(WebhookDeliveryDTO.init))
    }

    @Sendable func all(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let (after, limit) = try Self.page(request)
        let resume = try Self.lastEventID(request)
        if Self.wantsStream(request) {
            return stream(
                composition: nil, tenant: context.principal.tenantFilter, after: resume ?? after, keyCheck: keyCheck(context))
        }
        let events = try await services.store.events(after: after, limit: limit, composition: nil, tenant: context.principal.tenantFilter)
        return Self.response(events, after: after)
    }

    @Sendable func one(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let id = try context.id(of: "composition")
        let (after, limit) = try Self.page(request)
        let resume = try Self.lastEventID(request)
        let tenant = context.principal.tenantFilter
        let events = try await services.store.events(after: after, limit: limit, composition: id, tenant: tenant)
        // A deleted composition keeps its events (until retention); one that never existed has
        // none, whatever page is asked for.
        if events.isEmpty, try await services.store.fetchProgress(id, tenant: tenant) == nil,
            try await services.store.events(after: 0, limit: 1, composition: id, tenant: tenant).isEmpty
        {
            throw ReelError.notFound("composition")
        }
        if Self.wantsStream(request) {
            return stream(composition: id, tenant: tenant, after: resume ?? after, keyCheck: keyCheck(context))
        }
        return Self.response(events, after: after)
    }

    /// `after` (default 0) and `limit` (1–500, default 100).
    static func page(_ request: Request) throws -> (after: Int64, limit: Int) {
        let query = request.uri.queryParameters
        var after: Int64 = 0
        if let text = query["after"] {
            guard let value = Int64(text), value >= 0 else {
                throw ReelError.validation(field: "after", "must be an event id (an integer ≥ 0)", type: "range")
            }
            after = value
        }
        var limit = 100
        if let text = query["limit"] {
            guard let value = Int(text), (1...500).contains(value) else {
                throw ReelError.validation(field: "limit", "must be an integer from 1 to 500", type: "range")
            }
            limit = value
        }
        return (after, limit)
    }

    /// `{"events": [...], "next_after": ID}`; `next_after` is where the next page starts.
    static func response(_ events: [CompositionEvent], after: Int64) -> Response {
        var body = "{\"events\":["
        body += events.map(json).joined(separator: ",")
        body += "],\"next_after\":\(events.last?.id ?? after)}"
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// The stored payload (`{type, timestamp, data}`) with the event's `id` first.
    static func json(_ event: CompositionEvent) -> String {
        "{\"id\":\(event.id)," + event.payload.dropFirst()
    }

    static func wantsStream(_ request: Request) -> Bool {
        request.headers[values: .accept].contains { $0.contains("text/event-stream") }
    }

    /// `Last-Event-ID`, which an EventSource sends when it reconnects: the stream resumes after it
    /// (checked on every request, though only a stream reads it).
    static func lastEventID(_ request: Request) throws -> Int64? {
        guard let text = request.headers[HTTPField.Name("Last-Event-ID")!] else { return nil }
        guard let value = Int64(text.trimmingCharacters(in: .whitespaces)), value >= 0 else {
            throw ReelError.validation(field: "Last-Event-ID", "must be an event id (an integer ≥ 0)", type: "range")
        }
        return value
    }

    /// Server-Sent Events: the stored events after `after` (each with its `id:`), then new ones
    /// and `composition.progress` (at most 4 a second per composition) as they happen, a keep-alive comment every
    /// 15 s; a composition's stream ends after its terminal event. A stream opened with a key
    /// ends with an `error` event once the key is revoked (``StreamKeyCheck``).
    func stream(composition: UUID?, tenant: String?, after: Int64, keyCheck: StreamKeyCheck?) -> Response {
        let store = services.store
        let live = store.live
        let body = ResponseBody { writer in
            var after = after
            var checkedEvents = -1
            var lastQuery = ContinuousClock.now
            var progressVersion = 0
            var pending: [UUID: LiveUpdates.Progress] = [:]
            var lastProgress: [UUID: ContinuousClock.Instant] = [:]
            var lastWrite = ContinuousClock.now
            var keyCheck = keyCheck
            try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
            // A stream never ends on its own: on graceful shutdown it ends, so the server can stop
            // (the client reconnects elsewhere with Last-Event-ID).
            while !Task.isCancelled && !Task.isShuttingDownGracefully {
                let generation = live.signal.generation
                if keyCheck != nil, await keyCheck?.holds() == false {
                    try await writer.write(ByteBuffer(string: StreamKeyCheck.revokedEvent))
                    try await writer.finish(nil)
                    return
                }
                var text = ""
                if live.eventGeneration != checkedEvents || live.poll.map({ ContinuousClock.now - lastQuery >= $0 }) == true {
                    checkedEvents = live.eventGeneration
                    lastQuery = ContinuousClock.now
                    let stored = try await Self.storedEvents(store, after: &after, composition: composition, tenant: tenant)
                    text = stored.text
                    if stored.ended {
                        try await writer.write(ByteBuffer(string: text))
                        try await writer.finish(nil)
                        return
                    }
                }
                let now = ContinuousClock.now
                var wait = Duration.seconds(15) - (now - lastWrite)
                // The latest progress of each composition, sent at most every 250 ms per composition.
                for update in live.progress(after: progressVersion, composition: composition, tenant: tenant) {
                    pending[update.composition] = update
                    progressVersion = max(progressVersion, update.version)
                }
                for (id, update) in pending.sorted(by: { $0.value.version < $1.value.version }) {
                    let since = now - (lastProgress[id] ?? now - .seconds(1))
                    if since >= .milliseconds(250) {
                        text += Self.progressEvent(update)
                        lastProgress[id] = now
                        pending[id] = nil
                    } else {
                        wait = min(wait, .milliseconds(250) - since)
                    }
                }
                if lastProgress.count > 256 { lastProgress = lastProgress.filter { now - $0.value < .seconds(1) } }
                if let poll = live.poll { wait = min(wait, poll - (now - lastQuery)) }
                if let keyCheck { wait = min(wait, keyCheck.due(now: now)) }
                if text.isEmpty && now - lastWrite >= .seconds(15) { text = ": keep-alive\n\n" }
                if !text.isEmpty {
                    try await writer.write(ByteBuffer(string: text))
                    lastWrite = ContinuousClock.now
                    wait = max(wait, .milliseconds(1))
                }
                await withGracefulShutdownHandler {
                    await live.signal.wait(after: generation, timeout: max(wait, .milliseconds(1)))
                } onGracefulShutdown: {
                    live.signal.signal()
                }
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache",
                HTTPField.Name("X-Accel-Buffering")!: "no",
            ],
            body: body)
    }

    /// The check of the key a stream is opened with; nil with keys off.
    func keyCheck(_ context: ReelRequestContext) -> StreamKeyCheck? {
        guard let keys, let secret = context.presentedKey, let id = context.principal.keyID else { return nil }
        return StreamKeyCheck(keys: keys, secret: secret, id: id)
    }

    /// The stored events after `after`, as SSE text, up to a composition's terminal event (then
    /// `ended`); `after` moves to the last one.
    static func storedEvents(
        _ store: any EventStore, after: inout Int64, composition: UUID?, tenant: String?
    ) async throws -> (text: String, ended: Bool) {
        var text = ""
        var page: [CompositionEvent]
        repeat {
            page = try await store.events(after: after, limit: 100, composition: composition, tenant: tenant)
            for event in page {
                text += "id: \(event.id)\nevent: \(event.kind.rawValue)\ndata: \(json(event))\n\n"
                after = event.id
                if composition != nil && event.kind.isTerminal { return (text, true) }
            }
        } while page.count == 100
        return (text, false)
    }

    /// A `composition.progress` event: not stored, so without an `id:`.
    static func progressEvent(_ update: LiveUpdates.Progress) -> String {
        let data =
            "{\"composition_id\":\"\(update.composition.uuidString.lowercased())\",\"progress\":\(JSONText.number(update.progress)),"
            + "\"stage\":\"\(update.stage)\",\"reported_at\":\"\(update.reportedAt.timestamp)\"}"
        return "event: composition.progress\ndata: \(data)\n\n"
    }
}
