import Foundation

/// Pieces of JSON written by hand for the hottest responses: strings escaped as RFC 8259
/// requires, numbers as `JSONEncoder` writes them, timestamps as ``JSONCoding/timestamp(_:)``.
enum JSONText {
    /// A JSON string literal, quotes included.
    static func string(_ text: String) -> String {
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
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.isFinite ? "\(value)" : "null"
    }

    /// `2026-11-30T02:21:15.123Z`, the same text ``JSONCoding/timestamp(_:)`` gives, without Foundation's formatter.
    static func timestamp(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds / 1000 - (milliseconds % 1000 < 0 ? 1 : 0))
        let millis = Int((milliseconds % 1000 + 1000) % 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
            parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, millis
        )
    }

    /// The timestamp as a JSON string, or `null`.
    static func quotedTimestamp(_ date: Date?) -> String { date.map { "\"\(timestamp($0))\"" } ?? "null" }
}
