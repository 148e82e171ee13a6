/// Lowercase hexadecimal text of bytes (digests, signatures). Written by hand: Foundation's
/// `String(format: "%02x")` per byte made hashing a key cost more than the request it guarded
/// (bench/load_bench.py, security rows).
public enum Hex {
    static let digits = Array("0123456789abcdef".utf8)

    public static func string(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
