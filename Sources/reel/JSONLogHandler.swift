import Logging

/// `REEL_LOG_FORMAT=json`: one JSON object a line on standard output, with `time` (ISO 8601,
/// UTC, milliseconds), `level`, `message`, `logger` and the line's metadata as fields of their
/// own (`composition_id`, `attempt`, …), for log shippers that parse JSON lines. Written by hand
/// through ``LogOutput`` (Foundation's JSON serialisation and date formatting cost more than the
/// request a line describes).
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let (second, milliseconds) = LogOutput.now()
        let fraction = milliseconds < 10 ? "00\(milliseconds)" : milliseconds < 100 ? "0\(milliseconds)" : "\(milliseconds)"
        var fields = LogOutput.merged(metadata, metadataProvider, event.metadata).mapValues(Self.json)
        fields["time"] = Self.quoted(second + "." + fraction + "Z")
        fields["level"] = Self.quoted(event.level.rawValue)
        fields["message"] = Self.quoted(event.message.description)
        fields["logger"] = Self.quoted(label)
        if let error = event.error { fields["error"] = Self.quoted(String(describing: error)) }
        let members = fields.keys.sorted().map { Self.quoted($0) + ":" + fields[$0]! }
        LogOutput.write("{" + members.joined(separator: ",") + "}\n")
    }

    /// A metadata value as JSON text: strings, arrays and objects.
    static func json(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): quoted(text)
        case .stringConvertible(let convertible): quoted(convertible.description)
        case .array(let values): "[" + values.map(json).joined(separator: ",") + "]"
        case .dictionary(let values): "{" + values.keys.sorted().map { quoted($0) + ":" + json(values[$0]!) }.joined(separator: ",") + "}"
        }
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
