import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import ReelCore

/// Refuses hosts that resolve to loopback, private, link-local or otherwise internal
/// addresses, so a composition cannot make Reel fetch from inside its network. The address it
/// vetted is the one connected to (``withVettedClient(host:shared:_:)``): a name that resolves
/// to a public address for the check and to an internal one a moment later (DNS rebinding) gains
/// nothing.
public struct AddressGuard: Sendable {
    public var allowPrivate: Bool
    /// Resolves a host name to raw addresses (4 or 16 bytes); `getaddrinfo` unless a test injects another.
    public var resolver: @Sendable (String) -> [[UInt8]] = AddressGuard.resolve
    /// Whether an address may be connected to; every non-internal address unless a test says otherwise.
    public var permits: @Sendable ([UInt8]) -> Bool = { !AddressGuard.isInternal($0) }

    public init(allowPrivate: Bool) {
        self.allowPrivate = allowPrivate
    }

    /// Throws a message naming the address when `host` is not allowed; otherwise returns the
    /// address to connect to (nil: connect by name, with private sources allowed or an IP literal).
    @discardableResult
    public func check(host: String) throws(RenderFailure) -> String? {
        if allowPrivate { return nil }
        let bare = Self.bare(host)
        let addresses = resolver(bare)
        guard let first = addresses.first else { throw RenderFailure("cannot resolve host \(host)", transient: true) }
        for address in addresses where !permits(address) {
            throw RenderFailure(
                "\(host) resolves to \(Self.describe(address)), a private, loopback or link-local address; such sources are refused unless REEL_ALLOW_PRIVATE_SOURCES=true"
            )
        }
        return Self.isIPLiteral(bare) ? nil : Self.text(first)
    }

    /// A URL's host without the brackets of an IPv6 literal.
    static func bare(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// Whether ``check(host:)`` answers `host` without asking DNS: an address in any spelling
    /// the resolver reads as one (bracketed IPv6, `0x7f000001`, `127.1`), or `localhost` and its
    /// subdomains, which resolve locally.
    public static func needsNoLookup(_ host: String) -> Bool {
        let bare = Self.bare(host).lowercased()
        if bare == "localhost" || bare.hasSuffix(".localhost") { return true }
        var hints = addrinfo()
        hints.ai_flags = AI_NUMERICHOST
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(bare, nil, &hints, &result) == 0 else { return false }
        freeaddrinfo(result)
        return true
    }

    /// Whether `host` is an IPv4 or IPv6 address rather than a name.
    public static func isIPLiteral(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    /// An address as connect() takes it: dotted IPv4 or IPv6 text.
    static func text(_ bytes: [UInt8]) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        bytes.withUnsafeBytes { raw in
            _ = inet_ntop(bytes.count == 4 ? AF_INET : AF_INET6, raw.baseAddress, &buffer, socklen_t(buffer.count))
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
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

    /// True for addresses that must not be fetched from: loopback, private, link-local, shared,
    /// benchmarking, documentation, multicast and reserved ranges, and every IPv6 form that
    /// carries an IPv4 address (mapped, compatible, translated, NAT64, 6to4, Teredo).
    public static func isInternal(_ bytes: [UInt8]) -> Bool {
        if bytes.count == 16 { return isInternalV6(bytes) }
        guard bytes.count == 4 else { return true }
        switch (bytes[0], bytes[1], bytes[2]) {
        case (0, _, _), (10, _, _), (127, _, _): return true
        case (169, 254, _): return true
        case (172, 16...31, _): return true
        case (192, 168, _): return true
        case (100, 64...127, _): return true
        case (198, 18...19, _): return true  // benchmarking, RFC 2544
        case (192, 0, 0), (192, 0, 2), (198, 51, 100), (203, 0, 113): return true  // IETF protocol assignments, TEST-NETs
        case (224...255, _, _): return true
        default: return false
        }
    }

    static func isInternalV6(_ bytes: [UInt8]) -> Bool {
        // ::/8 is reserved: every form in it is ::, ::1, or one carrying an IPv4 address (mapped,
        // compatible, translated, NAT64's 64:ff9b::/96 and 64:ff9b:1::/48), which a gateway would
        // reach — none is a public IPv6 host.
        if bytes[0] == 0 { return true }
        let prefix16 = UInt16(bytes[0]) << 8 | UInt16(bytes[1])
        switch prefix16 {
        case 0x2002:
            return true  // 6to4 carries an IPv4 address in bits 16–47
        case 0x2001 where bytes[2] == 0 && bytes[3] == 0:
            return true  // Teredo
        case 0x2001 where bytes[2] == 0x0d && bytes[3] == 0xb8:
            return true  // documentation
        case 0x0100 where bytes[2..<8].allSatisfy({ $0 == 0 }):
            return true  // discard-only 100::/64
        default:
            break
        }
        if bytes[0] & 0xfe == 0xfc { return true }  // unique local fc00::/7
        if bytes[0] == 0xfe && bytes[1] & 0x80 == 0x80 { return true }  // link-local fe80::/10, site-local fec0::/10
        if bytes[0] == 0xff { return true }  // multicast
        return false
    }

    static func describe(_ bytes: [UInt8]) -> String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: bytes.count, by: 2).map { String(format: "%x", Int(bytes[$0]) << 8 | Int(bytes[$0 + 1])) }
            .joined(separator: ":")
    }
}

extension AddressGuard {
    /// ``check(host:)`` on NIO's thread pool, so a slow DNS lookup never blocks the caller's thread.
    public func checkResolving(host: String) async throws -> String? {
        let addressGuard = self
        return try await NIOThreadPool.singleton.runIfActive { try addressGuard.check(host: host) }
    }

    /// How source downloads connect: no redirects (each hop is vetted), 10 s to connect, 60 s between reads.
    public static var sourceClientConfiguration: HTTPClient.Configuration {
        HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10), read: .seconds(60)))
    }

    /// Runs `body` with a client that connects `host` to the address this guard vetted (TLS still
    /// verifies the certificate for `host`); with nothing to pin, with `shared` itself.
    /// `configuration` is what the pinned client is made with (`shared`'s own, in effect).
    public func withVettedClient<T: Sendable>(
        host: String, shared: HTTPClient, configuration: HTTPClient.Configuration = sourceClientConfiguration,
        _ body: (HTTPClient) async throws -> T
    ) async throws -> T {
        guard let address = try await checkResolving(host: host) else { return try await body(shared) }
        var configuration = configuration
        configuration.dnsOverride = Dictionary([host, host.lowercased()].map { ($0, address) }, uniquingKeysWith: { first, _ in first })
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let value = try await body(client)
            try? await client.shutdown()
            return value
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}
