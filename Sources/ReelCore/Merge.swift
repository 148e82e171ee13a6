import Foundation

/// Fills `{{NAME}}` placeholders in a composition's JSON. A string that is exactly one
/// placeholder becomes the value as given (a number stays a number); a placeholder inside a
/// longer string is replaced by the value's text. Names are letters, digits and `_`.
public enum Merge {
    /// Whether `name` may be a merge field.
    public static func isName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_", name.count <= InputLimits.mergeNameLength else {
            return false
        }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// Every placeholder name in `value`, with the path of the first string that uses it.
    public static func placeholders(in value: JSONValue) -> [String: String] {
        uses(in: value).reduce(into: [:]) { found, use in
            if found[use.name] == nil { found[use.name] = use.path }
        }
    }

    /// Every use of a placeholder in `value`: the path of the string and the name, in key order.
    public static func uses(in value: JSONValue, path: String = "") -> [(path: String, name: String)] {
        switch value {
        case .string(let text):
            return names(in: text).map { (path, $0) }
        case .array(let items):
            return items.enumerated().flatMap { uses(in: $0.element, path: "\(path)[\($0.offset)]") }
        case .object(let members):
            return members.sorted { $0.key < $1.key }.flatMap { uses(in: $0.value, path: path.isEmpty ? $0.key : "\(path).\($0.key)") }
        default:
            return []
        }
    }

    /// `value` with every placeholder that `values` names replaced; others are left as written.
    public static func apply(_ values: [String: JSONValue], to value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let name = whole(trimmed), let replacement = values[name] { return replacement }
            var result = ""
            var rest = Substring(text)
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                result += rest[..<open.lowerBound]
                if let replacement = values[name] {
                    result += self.text(of: replacement)
                } else {
                    result += rest[open.lowerBound..<close.upperBound]
                }
                rest = rest[close.upperBound...]
            }
            return .string(result + rest)
        case .array(let items): return .array(items.map { apply(values, to: $0) })
        case .object(let members): return .object(members.mapValues { apply(values, to: $0) })
        default: return value
        }
    }

    /// The name when `text` is exactly one placeholder.
    static func whole(_ text: String) -> String? {
        guard text.hasPrefix("{{"), text.hasSuffix("}}"), text.count >= 5 else { return nil }
        let name = text.dropFirst(2).dropLast(2).trimmingCharacters(in: .whitespaces)
        return isName(name) ? name : nil
    }

    static func names(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if isName(name) { found.append(name) }
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// A value as text inside a longer string.
    static func text(of value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .number(let number): NumberText.plain(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: ""
        case .array, .object:
            (try? String(decoding: JSONEncoder().encode(value), as: UTF8.self)) ?? ""
        }
    }

    /// The values a template's composition is filled with: each given value checked against its
    /// field, defaults for the rest; problems name `merge.NAME`.
    public static func resolve(_ merge: [String: JSONValue], fields: [String: MergeField]) -> ([String: JSONValue], [FieldError]) {
        var values: [String: JSONValue] = [:]
        var problems: [FieldError] = []
        for name in merge.keys.sorted() where fields[name] == nil {
            let known = fields.keys.sorted().joined(separator: ", ")
            problems.append(
                FieldError(
                    field: "merge.\(name)", message: "is not a merge field of this template (it has \(known.isEmpty ? "none" : known))",
                    errorType: "unknown"))
        }
        for (name, field) in fields.sorted(by: { $0.key < $1.key }) {
            if let value = merge[name] {
                if let problem = field.problem(with: value) {
                    problems.append(
                        FieldError(field: "merge.\(name)", message: "\(problem) (a \(field.type.rawValue) field)", errorType: "type"))
                } else {
                    values[name] = value
                }
            } else if let fallback = field.defaultValue {
                values[name] = fallback
            } else {
                problems.append(
                    FieldError(field: "merge.\(name)", message: "is required: the template has no default for it", errorType: "missing"))
            }
        }
        return (values, problems)
    }
}
