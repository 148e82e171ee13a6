/// A field a template's composition fills from `{{NAME}}` placeholders.
public struct MergeField: Sendable, Hashable, Codable {
    /// What a value must be.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Any string.
        case text
        /// An http(s)://, s3:// or asset:// URL.
        case url
        /// A JSON number.
        case number
        /// A colour name or `#RRGGBB[AA]`.
        case color
    }

    public var type: Kind
    /// Used when a merge leaves the field out; without one the field is required.
    public var defaultValue: JSONValue?
    public var description: String?

    public init(type: Kind, defaultValue: JSONValue? = nil, description: String? = nil) {
        self.type = type
        self.defaultValue = defaultValue
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case type, description
        case defaultValue = "default"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        type = try c.decode(Kind.self, forKey: .type)
        defaultValue = try c.decodeIfPresent(JSONValue.self, forKey: .defaultValue)
        description = try c.decodeIfPresent(String.self, forKey: .description)
    }

    /// Why `value` does not fit this field, or nil when it does.
    public func problem(with value: JSONValue) -> String? {
        switch (type, value) {
        case (.text, .string): return nil
        case (.number, .number(let number)) where number.isFinite: return nil
        case (.url, .string(let text)) where CompositionValidator.isURL(text, schemes: ["http", "https", "s3", "asset"]): return nil
        case (.color, .string(let text)) where Color(text) != nil: return nil
        case (.text, _): return "must be a string"
        case (.number, _): return "must be a number"
        case (.url, _): return "must be an http(s)://, s3:// or asset:// URL"
        case (.color, _): return "must be a colour name or a hex colour like \"#FF8800\""
        }
    }
}
