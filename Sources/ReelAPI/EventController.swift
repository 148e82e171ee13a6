import Foundation
import Hummingbird
import NIOCore
import ReelCore
import ReelStore

/// `GET /api/v1/events` and `GET /api/v1/compositions/{id}/events`: the recorded changes of a
/// tenant's compositions, oldest first, paged by event id; `GET …/webhooks`: their deliveries.
struct EventController {
    let services: ReelServices

    func addRoutes(to router: Router<ReelRequestContext>) {
        router.get("api/v1/events", use: all)
        router.get("api/v1/compositions/:id/events", use: one)
        router.get("api/v1/compositions/:id/webhooks", use: webhooks)
    }

    @Sendable func webhooks(_ request: Request, context: ReelRequestContext) async throws -> Response {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw ReelError.notFound("composition") }
        let tenant = context.principal.tenantFilter
        let deliveries = try await services.store.deliveries(of: id, tenant: tenant)
        if deliveries.isEmpty, try await services.store.fetchProgress(id, tenant: tenant) == nil {
            throw ReelError.notFound("composition")
        }
        return try JSONCoding.response(WebhookDeliveriesDTO(deliveries: deliveries.map(WebhookDeliveryDTO.init)))
    }

    @Sendable func all(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let (after, limit) = try Self.page(request)
        let events = try await services.store.events(after: after, limit: limit, composition: nil, tenant: context.principal.tenantFilter)
        return Self.response(events, after: after)
    }

    @Sendable func one(_ request: Request, context: ReelRequestContext) async throws -> Response {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw ReelError.notFound("composition") }
        let (after, limit) = try Self.page(request)
        let tenant = context.principal.tenantFilter
        let events = try await services.store.events(after: after, limit: limit, composition: id, tenant: tenant)
        // A deleted composition keeps its events (until retention); one that never existed has none.
        if events.isEmpty, after == 0, try await services.store.fetchProgress(id, tenant: tenant) == nil {
            throw ReelError.notFound("composition")
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
}
