/// The JSON body of `POST /api/v1/templates/{id}/compositions`: the merge values, and what a
/// composition may set besides its template.
public struct TemplateMergeRequest: Sendable, Hashable, Codable {
    public var merge: [String: JSONValue]
    public var priority: Priority?
    public var webhookURL: String?
    public var metadata: JSONValue?

    public init(merge: [String: JSONValue] = [:], priority: Priority? = nil, webhookURL: String? = nil, metadata: JSONValue? = nil) {
        self.merge = merge
        self.priority = priority
        self.webhookURL = webhookURL
        self.metadata = metadata
    }

    enum CodingKeys: String, CodingKey {
        case merge, priority, metadata
        case webhookURL = "webhook_url"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        merge = try c.decodeIfPresent([String: JSONValue].self, forKey: .merge) ?? [:]
        priority = try c.decodeIfPresent(Priority.self, forKey: .priority)
        webhookURL = try c.decodeIfPresent(String.self, forKey: .webhookURL)
        metadata = try c.decodeIfPresent(JSONValue.self, forKey: .metadata)
    }
}
