import Foundation
import Hummingbird
import ReelCore

/// `GET /api/v1/me`: who the caller is to Reel — the scope and tenant of its key, or every right
/// with keys off — so a client (the Studio) offers only what it may do.
struct MeController {
    let keysRequired: Bool

    struct Answer: ResponseEncodable {
        let scope: String
        let tenant: String
        let keyID: String?
        let keysRequired: Bool

        enum CodingKeys: String, CodingKey {
            case scope, tenant
            case keyID = "key_id"
            case keysRequired = "keys_required"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(scope, forKey: .scope)
            try container.encode(tenant, forKey: .tenant)
            try container.encode(keyID, forKey: .keyID)
            try container.encode(keysRequired, forKey: .keysRequired)
        }
    }

    func addRoutes(to router: Router<ReelRequestContext>) {
        router.get("api/v1/me") { _, context in
            let principal = context.principal
            return Answer(
                scope: principal.scope.rawValue, tenant: principal.tenant, keyID: principal.keyID?.uuidString.lowercased(),
                keysRequired: keysRequired)
        }
    }
}
