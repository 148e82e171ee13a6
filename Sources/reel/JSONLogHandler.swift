import Logging
import ReelAPI

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
        fields["time"] = JSONText.string(second + "." + fraction + "Z")
        fields["level"] = JSONText.string(event.level.rawValue)
        fields["message"] = JSONText.string(event.message.description)
        fields["logger"] = JSONText.string(label)
        if let error = event.error { fields["error"] = JSONText.string(String(describing: error)) }
        let members = fields.keys.sorted().map { JSONText.string($0) + ":" + fields[$0]! }
        LogOutput.write("{" + members.joined(separator: ",") + "}\n")
    }

    /// A metadata value as JSON text: strings, arrays and objects.
    static func json(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): JSONText.string(text)
        case .stringConvertible(let convertible): JSONText.string(convertible.description)
        case .array(let values): "[" + values.map(json).joined(separator: ",") + "]"
        case .dictionary(let values):
            "{" + values.keys.sorted().map { JSONText.string($0) + ":" + json(values[$0]!) }.joined(separator: ",") + "}"
        }
    }
}
