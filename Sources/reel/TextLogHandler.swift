import Logging

/// `REEL_LOG_FORMAT=text`: swift-log's line format (`TIME LEVEL LABEL: key=value … [SOURCE]
/// MESSAGE`), in UTC, written through ``LogOutput``.
struct TextLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let (second, _) = LogOutput.now()
        var line = second + "+0000 " + event.level.rawValue + " " + label + ":"
        let fields = LogOutput.merged(metadata, metadataProvider, event.metadata)
        for key in fields.keys.sorted() { line += " \(key)=\(fields[key]!)" }
        if let error = event.error { line += " error=\(error)" }
        line += " [\(event.source)] \(event.message)\n"
        LogOutput.write(line)
    }
}
