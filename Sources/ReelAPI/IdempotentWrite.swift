import Crypto
import Foundation
import Hummingbird
import ReelCore

/// A write sent with an `Idempotency-Key` (IETF draft-ietf-httpapi-idempotency-key-header): its
/// first success is stored with the write, in the same transaction, and answered again, with
/// `Idempotent-Replayed: true`, to every retry with the same key and request; the same key with a
/// different request is 422 `idempotency_key_reused`. Keys are per tenant.
struct IdempotentWrite {
    let key: String
    let tenant: String
    let fingerprint: String
    let lifetime: Double

    /// nil when the request has no `Idempotency-Key` (the body is then never hashed); 422 when
    /// the key is malformed.
    init?(_ request: Request, tenant: String, bodyDigest: @autoclosure () -> String, lifetime: Double) throws {
        guard var key = request.headers[.idempotencyKey] else { return nil }
        // The draft sends the key as a structured-field string: "…".
        if key.count >= 2, key.hasPrefix("\""), key.hasSuffix("\"") { key = String(key.dropFirst().dropLast()) }
        guard (1...255).contains(key.count), key.unicodeScalars.allSatisfy({ (0x20...0x7e).contains($0.value) }) else {
            throw ReelError.validation(field: "Idempotency-Key", "must be 1 to 255 printable ASCII characters", type: "header")
        }
        self.key = key
        self.tenant = tenant
        self.lifetime = lifetime
        // One route, one fingerprint: `/compositions/` is `/compositions`.
        let text = "\(request.method.rawValue) \(RouteAccess.route(request.uri.path))\n\(bodyDigest())"
        fingerprint = Hex.string(SHA256.hash(data: Data(text.utf8)))
    }

    /// Hex SHA-256 of a body, for ``init(_:tenant:bodyDigest:lifetime:)``.
    static func digest(_ bytes: some Sequence<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(bytes))
        return Hex.string(hasher.finalize())
    }

    /// The answer to store with the write.
    func record(status: HTTPResponse.Status, body: String, location: String?) -> IdempotencyRecord {
        let now = Date()
        return IdempotencyRecord(
            tenant: tenant, key: key, fingerprint: fingerprint, status: status.code, body: body, location: location, createdAt: now,
            expiresAt: now.addingTimeInterval(lifetime))
    }

    /// The claim a new composition makes on the key.
    func claim(at date: Date) -> IdempotencyClaim {
        IdempotencyClaim(key: key, fingerprint: fingerprint, expiresAt: date.addingTimeInterval(lifetime))
    }

    /// The stored answer again, when it was given to this same request.
    func replay(_ stored: IdempotencyRecord) throws -> Response {
        try replay(
            fingerprint: stored.fingerprint, status: HTTPResponse.Status(code: stored.status), body: stored.body, location: stored.location)
    }

    /// The first answer again, when the request with `fingerprint` was this same request.
    func replay(fingerprint stored: String, status: HTTPResponse.Status, body: String, location: String?) throws -> Response {
        guard stored == fingerprint else {
            throw ReelError(
                code: "idempotency_key_reused", kind: .invalid,
                message: "this Idempotency-Key was used with a different request; use a new key for a new request",
                details: [FieldError(field: "Idempotency-Key", message: "was used with a different request", errorType: "conflict")])
        }
        var headers: HTTPFields = [.idempotentReplayed: "true"]
        if let location { headers[.location] = location }
        return JSONCoding.response(text: body, status: status, headers: headers)
    }
}
