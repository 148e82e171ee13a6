import Foundation
import ReelCore

/// A `Host` header read as RFC 3986 writes an authority: a name of letters, digits and `-._~`,
/// an IPv4 address, or an IPv6 address in brackets, then an optional port of one to five digits.
/// The one reader of it: ``HeadRefusal`` refuses what it cannot read, and the 421 check of
/// ``BrowserGuardMiddleware`` reads the name.
enum HostHeader {
    /// The host (lowercased, brackets removed) and port; nil when `text` is not an authority.
    static func parse(_ text: String) -> (host: String, port: Int?)? {
        // A field value may carry spaces and tabs around it (RFC 9110 §5.5).
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let bytes = Array(text.utf8.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
        var hostEnd = bytes.count
        var host: String
        if bytes.first == UInt8(ascii: "[") {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            host = String(decoding: bytes[1..<close], as: UTF8.self).lowercased()
            var address = in6_addr()
            guard inet_pton(AF_INET6, host, &address) == 1 else { return nil }
            hostEnd = close + 1
            guard hostEnd == bytes.count || bytes[hostEnd] == UInt8(ascii: ":") else { return nil }
        } else {
            hostEnd = bytes.firstIndex(of: UInt8(ascii: ":")) ?? bytes.count
            guard hostEnd > 0, bytes[..<hostEnd].allSatisfy(isNameByte) else { return nil }
            host = String(decoding: bytes[..<hostEnd], as: UTF8.self).lowercased()
        }
        guard hostEnd < bytes.count else { return (host, nil) }
        let port = bytes[(hostEnd + 1)...]
        guard (1...5).contains(port.count), port.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        return (host, Int(String(decoding: port, as: UTF8.self)))
    }

    /// Letters, digits and `-._~`: what a registered name or an IPv4 address is written with.
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }
}
