import Foundation

/// Target bit rate, sent as bits per second (`2000000`) or as `"2000k"` / `"5M"`.
public struct Bitrate: Sendable, Hashable, Codable {
    public var bitsPerSecond: Int

    public init(bitsPerSecond: Int) {
        self.bitsPerSecond = bitsPerSecond
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let value = try? c.decode(Double.self) {
            bitsPerSecond = Self.clamped(value)
            return
        }
        guard let text = try? c.decode(String.self) else {
            throw DecodingError.typeMismatch(
                Bitrate.self,
                .init(codingPath: c.codingPath, debugDescription: "expected bits per second as a number or a string like \"5M\"")
            )
        }
        guard let value = Bitrate.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: c,
                debugDescription: "expected bits per second as a number or a string like \"2000k\" or \"5M\""
            )
        }
        bitsPerSecond = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(bitsPerSecond)
    }

    static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.last else { return nil }
        let multiplier: Double
        var digits = Substring(trimmed)
        switch last {
        case "k", "K": multiplier = 1_000; digits = digits.dropLast()
        case "m", "M": multiplier = 1_000_000; digits = digits.dropLast()
        default: multiplier = 1
        }
        guard let number = Double(digits), number.isFinite, number > 0 else { return nil }
        return clamped(number * multiplier)
    }

    /// Bits per second as an integer, never trapping: values beyond any sane rate (or below 0)
    /// are clamped so the validator reports them as out of range.
    static func clamped(_ value: Double) -> Int {
        guard value.isFinite else { return value < 0 ? -1 : Int(clamping: 1e15) }
        return Int(clamping: max(min(value, 1e15), -1))
    }
}
