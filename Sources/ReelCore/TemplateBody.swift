import Foundation

/// The JSON body of `POST /api/v1/templates` and `PUT /api/v1/templates/{id}`: a composition
/// holding `{{NAME}}` placeholders and the merge fields that fill them.
public struct TemplateBody: Sendable, Hashable, Codable {
    public var name: String
    public var description: String?
    public var composition: JSONValue
    public var mergeFields: [String: MergeField]

    public init(name: String, description: String? = nil, composition: JSONValue, mergeFields: [String: MergeField] = [:]) {
        self.name = name
        self.description = description
        self.composition = composition
        self.mergeFields = mergeFields
    }

    enum CodingKeys: String, CodingKey {
        case name, description, composition
        case mergeFields = "merge_fields"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        composition = try c.decode(JSONValue.self, forKey: .composition)
        mergeFields = try c.decodeIfPresent([String: MergeField].self, forKey: .mergeFields) ?? [:]
    }

    /// Problems with the template itself, each with its path: the name, the fields and their
    /// defaults, and placeholders the fields do not declare.
    public var problems: [FieldError] {
        var problems: [FieldError] = []
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(FieldError(field: "name", message: "must not be empty", errorType: "missing"))
        }
        if name.count > InputLimits.titleLength {
            problems.append(
                FieldError(field: "name", message: "must be at most \(InputLimits.titleLength) characters", errorType: "length"))
        }
        if let description, description.count > InputLimits.descriptionLength {
            problems.append(
                FieldError(
                    field: "description", message: "must be at most \(InputLimits.descriptionLength) characters", errorType: "length"))
        }
        guard case .object = composition else {
            return problems + [FieldError(field: "composition", message: "must be a composition object", errorType: "type")]
        }
        if mergeFields.count > InputLimits.mergeFields {
            problems.append(
                FieldError(field: "merge_fields", message: "must declare at most \(InputLimits.mergeFields) fields", errorType: "length"))
        }
        for (name, field) in mergeFields.sorted(by: { $0.key < $1.key }) {
            if !Merge.isName(name) {
                problems.append(
                    FieldError(
                        field: "merge_fields.\(name)",
                        message: "a name is a letter or _ then letters, digits or _ (at most \(InputLimits.mergeNameLength))",
                        errorType: "format"))
            }
            if let value = field.defaultValue, let problem = field.problem(with: value) {
                problems.append(FieldError(field: "merge_fields.\(name).default", message: problem, errorType: "type"))
            }
        }
        let placeholders = Merge.placeholders(in: composition)
        if let tooMany = Merge.tooManyUses(placeholders.count, at: "composition") { return problems + [tooMany] }
        for (name, path) in placeholders.first.sorted(by: { $0.key < $1.key }) where mergeFields[name] == nil {
            problems.append(
                FieldError(
                    field: "composition.\(path)", message: "uses {{\(name)}}, which merge_fields does not declare", errorType: "unknown"))
        }
        return problems
    }

    /// The composition with every field at its default, or a value of its type when it has none:
    /// what checks that the template's shape decodes as a composition, within `maxBytes`.
    public func sampleComposition(maxBytes: Int) throws(Merge.Overflow) -> JSONValue {
        let samples: [MergeField.Kind: JSONValue] = [
            .text: .string("text"), .url: .string("https://example.com/media"), .number: .number(1), .color: .string("#000000"),
        ]
        return try Merge.apply(mergeFields.mapValues { $0.defaultValue ?? samples[$0.type] ?? .null }, to: composition, maxBytes: maxBytes)
    }
}
