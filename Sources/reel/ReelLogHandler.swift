import Foundation
import Logging
import ReelAPI
import ReelCore

/// Every log line of Reel, on standard output in `REEL_LOG_FORMAT`:
/// - `text`: swift-log's line format (`TIME LEVEL LABEL: key=value … [SOURCE] MESSAGE`), in UTC;
/// - `json`: one JSON object a line with `time` (ISO 8601, UTC, milliseconds), `level`, `message`,
///   `logger` and the line's metadata as fields of their own (`composition_id`, `attempt`, …), for
///   log shippers that parse JSON lines.
///
/// Hand-written (through ``LogOutput``) because swift-log's stream handler formats the local time
/// with `strftime` and flushes on every line, and Foundation's JSON serialisation and date
/// formatting cost more than the request a line describes (docs/benchmarks.md).
struct ReelLogHandler: LogHandler {
    enum Format { case text, json }

    let label: String
    let format: Format
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty { fields.merge(provided) { $1 } }
        if let line = event.metadata, !line.isEmpty { fields.merge(line) { $1 } }
        let time = Date().timestamp
        switch format {
        case .text: LogOutput.write(text(event, fields: fields, time: time))
        case .json: LogOutput.write(json(event, fields: fields, time: time))
        }
    }

    func text(_ event: LogEvent, fields: Logger.Metadata, time: String) -> String {
        var line = time.prefix(19) + "+0000 " + event.level.rawValue + " " + label + ":"
        for key in fields.keys.sorted() { line += " \(key)=\(fields[key]!)" }
        if let error = event.error { line += " error=\(error)" }
        return line + " [\(event.source)] \(event.message)\n"
    }

    func json(_ event: LogEvent, fields: Logger.Metadata, time: String) -> String {
        var members = fields.mapValues(Self.json)
        members["time"] = JSONText.string(time)
        members["level"] = JSONText.string(event.level.rawValue)
        members["message"] = JSONText.string(event.message.description)
        members["logger"] = JSONText.string(label)
        if let error = event.error { members["error"] = JSONText.string(String(describing: error)) }
        return "{" + members.keys.sorted().map { JSONText.string($0) + ":" + members[$0]! }.joined(separator: ",") + "}\n"
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
