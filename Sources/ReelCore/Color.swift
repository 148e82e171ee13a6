import Foundation

/// A colour given by name (`white`, `yellow`) or as `#RRGGBB` / `#RRGGBBAA`.
public struct Color: Sendable, Hashable {
    /// Hex digits `RRGGBB` or `RRGGBBAA`, lower-case.
    public let hex: String

    public init?(_ text: String) {
        let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let named = ColorNames.table[lowered] {
            hex = named
            return
        }
        var digits = Substring(lowered)
        if digits.hasPrefix("#") {
            digits = digits.dropFirst()
        } else if digits.hasPrefix("0x") {
            digits = digits.dropFirst(2)
        } else {
            return nil
        }
        guard digits.count == 6 || digits.count == 8, digits.allSatisfy(\.isHexDigit) else { return nil }
        hex = String(digits)
    }

    /// The colour as ffmpeg's colour syntax (`0xRRGGBB` or `0xRRGGBBAA`).
    public var ffmpeg: String { "0x" + hex }
}

extension Color {
    /// The colour as an ASS subtitle colour: `&HAABBGGRR`, where `AA` is transparency (00 opaque).
    public var ass: String {
        let digits = Array(hex)
        func pair(_ at: Int) -> String { String(digits[at..<at + 2]).uppercased() }
        let alpha = digits.count == 8 ? String(format: "%02X", 255 - (Int(String(digits[6..<8]), radix: 16) ?? 255)) : "00"
        return "&H" + alpha + pair(4) + pair(2) + pair(0)
    }
}
