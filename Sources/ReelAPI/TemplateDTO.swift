import Foundation
import Hummingbird
import ReelCore

/// A template as the API shows it.
struct TemplateDTO: ResponseEncodable {
    let record: TemplateRecord
    let baseURL: String

    enum CodingKeys: String, CodingKey {
        case id, name, description, composition, links
        case mergeFields = "merge_fields"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let id = record.id.uuidString.lowercased()
        try c.encode(id, forKey: .id)
        try c.encode(record.body.name, forKey: .name)
        try c.encode(record.body.description, forKey: .description)
        try c.encode(record.body.composition, forKey: .composition)
        try c.encode(record.body.mergeFields, forKey: .mergeFields)
        try c.encode(record.createdAt, forKey: .createdAt)
        try c.encode(record.updatedAt, forKey: .updatedAt)
        let base = "\(baseURL)/api/v1/templates/\(id)"
        try c.encode(["self": base, "compositions": base + "/compositions"], forKey: .links)
    }
}

/// `GET /api/v1/templates`.
struct TemplateListDTO: ResponseEncodable {
    let templates: [TemplateDTO]
    let total: Int
    let offset: Int
    let limit: Int
}
