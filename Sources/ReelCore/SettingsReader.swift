import Foundation

/// Reads `REEL_*` settings from an environment with their types and ranges, collecting a
/// problem for every value that does not parse or is out of range (instead of falling back to
/// a default, as `REEL_PORT=80o` once did) and remembering which names it was asked for.
public struct SettingsReader {
    let environment: [String: String]
    /// One line per bad value: the variable, the value and what is allowed.
    public private(set) var problems: [String] = []
    /// Every variable name asked for.
    public private(set) var known: Set<String> = []

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// The trimmed text of `name`, or of the file `NAME_FILE` names (for secrets mounted as
    /// files, as container orchestrators do); nil when neither is set.
    public mutating func text(_ name: String) -> String? {
        known.insert(name)
        known.insert(name + "_FILE")
        if let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty { return text }
        guard let path = environment[name + "_FILE"]?.trimmingCharacters(in: .whitespaces), !path.isEmpty else { return nil }
        guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
            problems.append("\(name)_FILE=\(path): cannot read that file")
            return nil
        }
        let text = contents.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { problems.append("\(name)_FILE=\(path): the file is empty") }
        return text.isEmpty ? nil : text
    }

    public mutating func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) -> Int {
        guard let text = text(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            problems.append("\(name)=\(text): must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return fallback
        }
        return value
    }

    public mutating func number(_ name: String, default fallback: Double, in range: ClosedRange<Double>) -> Double {
        guard let text = text(name) else { return fallback }
        guard let value = Double(text), value.isFinite, range.contains(value) else {
            problems.append(
                "\(name)=\(text): must be a number from \(NumberText.plain(range.lowerBound)) to \(NumberText.plain(range.upperBound))")
            return fallback
        }
        return value
    }

    public mutating func flag(_ name: String, default fallback: Bool) -> Bool {
        guard let text = text(name) else { return fallback }
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            problems.append("\(name)=\(text): must be true or false")
            return fallback
        }
    }

    /// A comma-separated list, each item trimmed and lowercased, empty items left out; each item
    /// that `isValid` refuses is a problem saying `allowed`.
    public mutating func list(_ name: String, allowed: String, isValid: (String) -> Bool = { _ in true }) -> [String] {
        let items = (text(name) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }
        for item in items where !isValid(item) { refuse(name, item, allowed) }
        return items
    }

    /// One of `choices` (case-insensitive), returned lowercased.
    public mutating func choice(_ name: String, default fallback: String, among choices: [String]) -> String {
        guard let text = text(name) else { return fallback }
        guard choices.contains(text.lowercased()) else {
            problems.append("\(name)=\(text): must be one of \(choices.joined(separator: ", "))")
            return fallback
        }
        return text.lowercased()
    }

    /// Records a problem found by a check of the caller's own.
    public mutating func refuse(_ name: String, _ value: String, _ allowed: String) {
        problems.append("\(name)=\(value): \(allowed)")
    }

    /// `REEL_*` variables set in the environment that no setting reads: most likely typos.
    public func unknownVariables() -> [String] {
        environment.keys.filter { $0.hasPrefix("REEL_") && !known.contains($0) }.sorted()
    }

}

/// Settings that cannot be used: every problem, one line each.
public struct SettingsError: Error, CustomStringConvertible {
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }

    public init(problems: [String]) {
        self.problems = problems
    }
}
