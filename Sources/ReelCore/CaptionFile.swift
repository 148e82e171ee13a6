import Foundation

/// Reads SRT and WebVTT caption files into plain-text cues, and writes cues as WebVTT and as
/// the ASS script that burns them in. A file that cannot be read names the cue and line.
public enum CaptionFile {
    /// Why a caption file was refused: the 1-based cue and line, and what is wrong there.
    public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        public var cue: Int
        public var line: Int
        public var reason: String

        public var description: String { cue > 0 ? "cue \(cue) (line \(line)): \(reason)" : reason }
    }

    /// A caption file's text, UTF-8 (or Latin-1 when it is not UTF-8).
    public static func text(of file: URL) throws(SyntaxError) -> String {
        guard let data = try? Data(contentsOf: file), data.count <= InputLimits.captionFileBytes else {
            throw SyntaxError(
                cue: 0, line: 0, reason: "the file is unreadable or larger than \(InputLimits.captionFileBytes / 1_000_000) MB")
        }
        return String(data: data, encoding: .utf8) ?? String(decoding: data.map { $0 }, as: Unicode.ASCII.self)
    }

    /// The cues of an SRT or WebVTT text (a WebVTT file starts with `WEBVTT`).
    public static func parse(_ text: String) throws(SyntaxError) -> [CaptionCue] {
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let isVTT = lines.first?.hasPrefix("WEBVTT") ?? false
        var cues: [CaptionCue] = []
        var index = isVTT ? 1 : 0
        if isVTT {
            // The header runs to the first blank line.
            while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).isEmpty { index += 1 }
        }
        while index < lines.count {
            if lines[index].trimmingCharacters(in: .whitespaces).isEmpty {
                index += 1
                continue
            }
            let blockStart = index
            var block: [String] = []
            while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).isEmpty {
                block.append(lines[index])
                index += 1
            }
            if isVTT, let first = block.first, ["NOTE", "STYLE", "REGION"].contains(where: { first == $0 || first.hasPrefix($0 + " ") }) {
                continue
            }
            let number = cues.count + 1
            guard let timing = block.prefix(2).firstIndex(where: { $0.contains("-->") }) else {
                throw SyntaxError(cue: number, line: blockStart + 1, reason: "no \"start --> end\" timing line")
            }
            let line = blockStart + timing + 1
            let parts = block[timing].components(separatedBy: "-->")
            guard parts.count == 2 else { throw SyntaxError(cue: number, line: line, reason: "a timing line has one \"-->\"") }
            let startText = parts[0].trimmingCharacters(in: .whitespaces)
            let endText = parts[1].trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
            guard let start = seconds(startText) else {
                throw SyntaxError(cue: number, line: line, reason: "cannot read the start time \"\(startText.prefix(40))\"")
            }
            guard let end = seconds(endText) else {
                throw SyntaxError(cue: number, line: line, reason: "cannot read the end time \"\(endText.prefix(40))\"")
            }
            // The same bound as inline cues: a time past it is refused here, before any frame arithmetic.
            guard end <= InputLimits.sourceTime else {
                throw SyntaxError(
                    cue: number, line: line,
                    reason: "ends at \(endText.prefix(40)), later than \(NumberText.plain(InputLimits.sourceTime / 3600)) hours")
            }
            guard end > start else {
                throw SyntaxError(
                    cue: number, line: line, reason: "ends at \(endText.prefix(40)), not after its start \(startText.prefix(40))")
            }
            let text = plain(block[(timing + 1)...].joined(separator: "\n"))
            guard cues.count < InputLimits.cues else {
                throw SyntaxError(cue: number, line: line, reason: "more than \(InputLimits.cues) cues")
            }
            cues.append(CaptionCue(start: start, end: end, text: text))
        }
        guard !cues.isEmpty else { throw SyntaxError(cue: 0, line: 0, reason: "the file holds no cues") }
        return cues
    }

    /// `hh:mm:ss.mmm`, `mm:ss.mmm` or SRT's `hh:mm:ss,mmm` as seconds; nil when unreadable or not finite.
    static func seconds(_ text: String) -> Double? {
        let fields = text.replacingOccurrences(of: ",", with: ".").split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), let last = fields.last, last.count >= 2, last.allSatisfy({ $0.isNumber || $0 == "." }),
            let secondsPart = Double(last), secondsPart < 60
        else { return nil }
        var total = secondsPart
        for (power, field) in fields.dropLast().reversed().enumerated() {
            guard !field.isEmpty, field.allSatisfy(\.isNumber), let value = Double(field), power == 1 || value < 60 else { return nil }
            total += value * (power == 0 ? 60 : 3600)
        }
        return total.isFinite ? total : nil
    }

    /// Cue text without markup: tags (`<i>`, `<v Name>`, `{\an8}`) removed, entities decoded.
    static func plain(_ text: String) -> String {
        var result = text.replacingOccurrences(of: #"<[^<>\n]*>"#, with: "", options: .regularExpression)
        result = result.replacingOccurrences(of: #"\{\\[^}]*\}"#, with: "", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", "\u{00A0}"), ("&lrm;", ""), ("&rlm;", ""), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The cues as a WebVTT file, their text escaped: no cue text can end its cue or start another.
    public static func webVTT(_ cues: [CaptionCue]) -> String {
        var text = "WEBVTT\n"
        for (number, cue) in cues.enumerated() {
            let escaped = lines(of: cue.text).map {
                $0.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                    .replacingOccurrences(of: ">", with: "&gt;")
            }
            guard !escaped.isEmpty else { continue }
            text += "\n\(number + 1)\n\(timestamp(cue.start)) --> \(timestamp(cue.end))\n\(escaped.joined(separator: "\n"))\n"
        }
        return text
    }

    /// A cue's text as the lines a caption format may hold: every line break (CR, LF, CRLF, VT,
    /// FF, NEL, U+2028, U+2029) splits a line, blank lines go (one ends a WebVTT cue, and a line
    /// of spaces ends one in Reel's own reader), a tab is a space and every other control
    /// character is dropped. What reaches an ASS script or a WebVTT file is only ever these lines,
    /// so no text can start a line of its own there.
    public static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
                if !line.allSatisfy(\.isWhitespace) { lines.append(line) }
                line = ""
            case 0x09:
                line.unicodeScalars.append(" ")
            case 0x00...0x1F, 0x7F...0x9F:
                continue
            default:
                line.unicodeScalars.append(scalar)
            }
        }
        if !line.allSatisfy(\.isWhitespace) { lines.append(line) }
        return lines
    }

    /// `hh:mm:ss.mmm`.
    static func timestamp(_ seconds: Double) -> String {
        let millis = Int(clamping: (max(0, seconds) * 1000).rounded())
        return String(format: "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millis % 1000)
    }
}
