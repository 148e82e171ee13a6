import Foundation
import NIOCore
import NIOHTTP1
import ReelCore

/// A request head the HTTP/1 layer answers itself, before the router sees it: a body framed with
/// a `Transfer-Encoding` other than `chunked` (501: Reel cannot decode it); `CONNECT` or an
/// `Upgrade` (Reel switches to no other protocol, and the parser stops reading after one, so what
/// the client sent next would pile up unread); a `Host` that is missing (HTTP/1.1), repeated or
/// malformed (400, as RFC 9112 §3.2 requires — a Host the 421 check cannot read must not slip
/// past it). The connection closes after the answer.
struct HeadRefusal: Equatable, Sendable {
    var status: HTTPResponseStatus
    var code: String
    var message: String
    /// The field the error names, and what kind of problem it has there.
    var field: String
    var errorType: String

    /// Why `head` is refused, or nil when it may go on.
    static func check(_ head: HTTPRequestHead) -> HeadRefusal? {
        let framing = head.headers["transfer-encoding"]
        let encodings = framing.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if !framing.isEmpty, encodings != ["chunked"] {
            return HeadRefusal(
                status: .notImplemented, code: "not_implemented",
                message: "the only Transfer-Encoding Reel reads is chunked; send the body with it or with Content-Length",
                field: "Transfer-Encoding", errorType: "header")
        }
        if head.method == .CONNECT || head.headers.contains(name: "upgrade") {
            return HeadRefusal(
                status: head.method == .CONNECT ? .notImplemented : .badRequest,
                code: head.method == .CONNECT ? "not_implemented" : "bad_request",
                message: "Reel speaks HTTP/1.1 only: no CONNECT tunnels, no Upgrade to another protocol",
                field: head.method == .CONNECT ? "method" : "Upgrade", errorType: "header")
        }
        let hosts = head.headers["host"]
        if hosts.count > 1 {
            return badHost("a request has one Host header, not \(hosts.count)")
        }
        guard let host = hosts.first else {
            let isHTTP11 = head.version.major > 1 || (head.version.major == 1 && head.version.minor >= 1)
            return isHTTP11 ? badHost("an HTTP/1.1 request must name its host in a Host header") : nil
        }
        return HostHeader.parse(host) == nil ? badHost("the Host header is not a host name or address with an optional port") : nil
    }

    static func badHost(_ message: String) -> HeadRefusal {
        HeadRefusal(status: .badRequest, code: "bad_request", message: message, field: "Host", errorType: "header")
    }

    /// Bytes that are not HTTP/1.1, between requests.
    static let notHTTP = HeadRefusal(
        status: .badRequest, code: "bad_request", message: "the request is not valid HTTP/1.1", field: "request", errorType: "syntax")

    /// The answer's head and body: the API's error shape, closing the connection.
    func response() -> (head: HTTPResponseHead, body: ByteBuffer) {
        let body = ByteBuffer(
            string: ErrorResponse.text(
                code: code, message: message, details: [FieldError(field: field, message: message, errorType: errorType)]))
        let headers: HTTPHeaders = [
            "Content-Type": "application/json; charset=utf-8", "Content-Length": String(body.readableBytes), "Connection": "close",
        ]
        return (HTTPResponseHead(version: .http1_1, status: status, headers: headers), body)
    }
}
