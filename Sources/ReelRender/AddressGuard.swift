import Foundation
import NIOPosix
import ReelCore

/// Refuses hosts that resolve to loopback, private, link-local or otherwise internal
/// addresses, so a composition cannot make Reel fetch from inside its network.
public struct AddressGuard: Sendable {
    public var allowPrivate: Bool

    public init(allowPrivate: Bool) {
        self.allowPrivate = allowPrivate
    }

    /// Throws a message naming the address when `host` is not allowed.
    public func check(host: String) throws(RenderFailure) {
        if allowPrivate { return }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let addresses = Self.resolve(bare)
        guard !addresses.isEmpty else { throw RenderFailure("cannot resolve host \(host)", transient: true) }
        for address in addresses where Self.isInternal(address) {
            throw RenderFailure(
                "\(host) resolves to \(Self.describe(address)), a private, loopback or link-local address; such sources are refused unless REEL_ALLOW_PRIVATE_SOURCES=true"
            )
        }
    }

    /// Resolved addresses as raw bytes: 4 for IPv4, 16 for IPv6.
    static func resolve(_ host: String) -> [[UInt8]] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(result) }
        var addresses: [[UInt8]] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if entry.pointee.ai_family == AF_INET, let raw = entry.pointee.ai_addr {
                raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                    var address = pointer.pointee.sin_addr
                    addresses.append(withUnsafeBytes(of: &address) { Array($0) })
                }
            } else if entry.pointee.ai_family == AF_INET6, let raw = entry.pointee.ai_addr {
                raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                    var address = pointer.pointee.sin6_addr
                    addresses.append(withUnsafeBytes(of: &address) { Array($0) })
                }
            }
            cursor = entry.pointee.ai_next
        }
        return addresses
    }

    /// True for addresses that must not be fetched from.
    public static func isInternal(_ bytes: [UInt8]) -> Bool {
        if bytes.count == 16 {
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff {
                return isInternal(Array(bytes[12..<16]))
            }
            if bytes[0..<15].allSatisfy({ $0 == 0 }) { return true }
            if bytes[0] & 0xfe == 0xfc { return true }
            if bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80 { return true }
            if bytes[0] == 0xff { return true }
            return false
        }
        guard bytes.count == 4 else { return true }
        switch (bytes[0], bytes[1]) {
        case (0, _), (10, _), (127, _): return true
        case (169, 254): return true
        case (172, 16...31): return true
        case (192, 168): return true
        case (100, 64...127): return true
        case (224...255, _): return true
        default: return false
        }
    }

    static func describe(_ bytes: [UInt8]) -> String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: bytes.count, by: 2).map { String(format: "%x", Int(bytes[$0]) << 8 | Int(bytes[$0 + 1])) }
            .joined(separator: ":")
    }
}

extension AddressGuard {
    /// ``check(host:)`` on NIO's thread pool, so a slow DNS lookup never blocks the caller's thread.
    public func checkResolving(host: String) async throws {
        let addressGuard = self
        try await NIOThreadPool.singleton.runIfActive { try addressGuard.check(host: host) }
    }
}
