import Foundation
import ReelCore

/// Pieces of JSON written by hand for the hottest responses: strings escaped as RFC 8259
/// requires, numbers as `JSONEncoder` writes them, and the API's one timestamp form.
public enum JSONText {
    /// A JSON string literal, quotes included.
    public static func string(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20:
                out += String(format: "\\u%04x", control.value)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func string(_ text: String?) -> String { text.map(string) ?? "null" }

    /// `42` for whole numbers, else the shortest form that reads back the same.
    static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(clamping: value)) }
        return value.isFinite ? "\(value)" : "null"
    }

    /// The timestamp as a JSON string, or `null`.
    static func quotedTimestamp(_ date: Date?) -> String { date.map { "\"\($0.timestamp)\"" } ?? "null" }
}
