import Foundation

/// Numbers as text, never trapping whatever the value: as messages show them, and as ffmpeg reads them.
public enum NumberText {
    /// Whole numbers without a fraction (`180`, not `180.0`), others as Swift prints them.
    public static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(clamping: value)) : String(value)
    }

    /// A number as ffmpeg's parsers read it (times, rates, filter options): no exponent (Swift
    /// writes `1e-320`, which ffmpeg refuses), at most six decimals, no trailing zeros.
    public static func ffmpeg(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(clamping: value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
