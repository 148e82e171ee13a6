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

    /// The placeholders of `value`, in one walk: each name with the path of the first string that
    /// uses it, and how many uses there are in all.
    public static func placeholders(in value: JSONValue) -> (first: [String: String], count: Int) {
        let all = uses(in: value)
        let first = all.reduce(into: [String: String]()) { found, use in
            if found[use.name] == nil { found[use.name] = use.path }
        }
        return (first, all.count)
    }

    /// The 422 for a composition holding `count` placeholders, more than
    /// ``InputLimits/placeholderUses``; nil within it.
    public static func tooManyUses(_ count: Int, at field: String) -> FieldError? {
        guard count > InputLimits.placeholderUses else { return nil }
        return FieldError(
            field: field, message: "holds \(count) placeholders; at most \(InputLimits.placeholderUses) may be filled", errorType: "length")
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

    /// A merge whose result would pass `maxBytes`.
    public struct Overflow: Error, Sendable, Hashable {
        /// The field whose value crossed the bound; nil when the composition's own text did.
        public var name: String?
        /// The bound: the most bytes a posted composition may have.
        public var maxBytes: Int

        public init(name: String?, maxBytes: Int) {
            self.name = name
            self.maxBytes = maxBytes
        }

        /// The 422 problem at `field` (the merge value, or the template default, that filled ``name``).
        public func problem(at field: String) -> FieldError {
            FieldError(
                field: field,
                message: "makes the merged composition larger than \(maxBytes) bytes, the most a composition may be (REEL_MAX_BODY_BYTES)",
                errorType: "length")
        }
    }

    /// `value` with every placeholder that `values` names replaced; others are left as written.
    /// The result is measured as it is built (about its size as JSON), and merging stops with
    /// ``Overflow`` the moment it would pass `maxBytes`, before the memory is spent: one value used
    /// many times cannot grow a small body into gigabytes. (Escapes are not counted: the JSON
    /// written stays within a few times the bound.) Members are merged in key order, so the field
    /// blamed is the same on every run.
    public static func apply(_ values: [String: JSONValue], to value: JSONValue, maxBytes: Int) throws(Overflow) -> JSONValue {
        var merger = Merger(values: values, remaining: maxBytes, maxBytes: maxBytes)
        return try merger.apply(value)
    }

    /// One merge in progress: the bytes still allowed, each value's size computed once, and the
    /// field last filled in (the one an overflow is blamed on).
    struct Merger {
        let values: [String: JSONValue]
        var remaining: Int
        let maxBytes: Int
        var lastFilled: String?
        var sizes: [String: Int] = [:]
        var texts: [String: String] = [:]

        init(values: [String: JSONValue], remaining: Int, maxBytes: Int) {
            self.values = values
            self.remaining = remaining
            self.maxBytes = maxBytes
        }

        mutating func spend(_ bytes: Int, filling name: String? = nil) throws(Overflow) {
            if let name { lastFilled = name }
            remaining -= bytes
            if remaining < 0 { throw Overflow(name: lastFilled, maxBytes: maxBytes) }
        }

        mutating func apply(_ value: JSONValue) throws(Overflow) -> JSONValue {
            switch value {
            case .string(let text):
                return try apply(text)
            case .array(let items):
                try spend(2)
                var merged: [JSONValue] = []
                merged.reserveCapacity(items.count)
                for item in items {
                    try spend(1)
                    merged.append(try apply(item))
                }
                return .array(merged)
            case .object(let members):
                try spend(2)
                var merged: [String: JSONValue] = [:]
                merged.reserveCapacity(members.count)
                for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                    try spend(key.utf8.count + 4)
                    merged[key] = try apply(member)
                }
                return .object(merged)
            case .number(let number):
                try spend(NumberText.plain(number).utf8.count)
                return value
            default:
                try spend(value.approximateSize)
                return value
            }
        }

        mutating func apply(_ text: String) throws(Overflow) -> JSONValue {
            if let name = Merge.whole(text.trimmingCharacters(in: .whitespaces)), let replacement = values[name] {
                let size = sizes[name] ?? replacement.approximateSize
                sizes[name] = size
                try spend(size, filling: name)
                return replacement
            }
            var result = ""
            var from = text.startIndex
            try spend(2)
            for placeholder in Merge.scan(text) {
                // Sliced by scalars: a brace may carry a combining mark a Character would swallow.
                let literal = text.unicodeScalars[from..<placeholder.range.lowerBound]
                try spend(text.utf8.distance(from: from, to: placeholder.range.lowerBound))
                result.unicodeScalars.append(contentsOf: literal)
                let name = placeholder.name
                if let replacement = values[name] {
                    let inserted = texts[name] ?? Merge.text(of: replacement)
                    texts[name] = inserted
                    try spend(inserted.utf8.count, filling: name)
                    result += inserted
                } else {
                    let kept = text.unicodeScalars[placeholder.range]
                    try spend(text.utf8.distance(from: placeholder.range.lowerBound, to: placeholder.range.upperBound))
                    result.unicodeScalars.append(contentsOf: kept)
                }
                from = placeholder.range.upperBound
            }
            try spend(text.utf8.distance(from: from, to: text.endIndex))
            result.unicodeScalars.append(contentsOf: text.unicodeScalars[from...])
            return .string(result)
        }
    }

    /// The name when `text` is exactly one placeholder.
    static func whole(_ text: String) -> String? {
        guard text.hasPrefix("{{"), text.hasSuffix("}}"), text.count >= 5 else { return nil }
        let name = text.dropFirst(2).dropLast(2).trimmingCharacters(in: .whitespaces)
        return isName(name) ? name : nil
    }

    static func names(in text: String) -> [String] {
        scan(text).map(\.name).filter(isName)
    }

    /// Every `{{ … }}` of `text` in order — where it stands and the text between its braces,
    /// surrounding spaces trimmed — in one pass over the UTF-8 (Foundation's `range(of:)` in a
    /// loop took 20 s for 200,000 placeholders in a 1 MB body).
    static func scan(_ text: String) -> [(range: Range<String.Index>, name: String)] {
        let utf8 = text.utf8
        var found: [(range: Range<String.Index>, name: String)] = []
        /// The first index at or after `start` where `byte` stands twice in a row.
        func pair(of byte: UInt8, from start: String.Index) -> String.Index? {
            var index = start
            var previous: String.Index?
            while index < utf8.endIndex {
                if utf8[index] == byte {
                    if let previous { return previous }
                    previous = index
                } else {
                    previous = nil
                }
                index = utf8.index(after: index)
            }
            return nil
        }
        var start = utf8.startIndex
        while let open = pair(of: UInt8(ascii: "{"), from: start) {
            let inside = utf8.index(open, offsetBy: 2)
            guard let close = pair(of: UInt8(ascii: "}"), from: inside) else { break }
            let end = utf8.index(close, offsetBy: 2)
            var name = text.unicodeScalars[inside..<close]
            while let first = name.first, CharacterSet.whitespaces.contains(first) { name = name.dropFirst() }
            while let last = name.last, CharacterSet.whitespaces.contains(last) { name = name.dropLast() }
            found.append((open..<end, String(name)))
            start = end
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
