import Hummingbird

/// How a route's `ResponseEncodable` answer becomes JSON: ``JSONCoding``'s encoder (sorted keys,
/// times to the millisecond) with `application/json; charset=utf-8`, through Hummingbird's
/// `ResponseEncoder`, so handlers return their DTOs (or `EditedResponse` for another status and
/// headers) instead of building responses.
public struct ReelResponseEncoder: ResponseEncoder {
    public func encode(_ value: some Encodable, from request: Request, context: some RequestContext) throws -> Response {
        try JSONCoding.response(value)
    }
}
