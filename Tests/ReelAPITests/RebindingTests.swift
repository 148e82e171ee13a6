import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import ReelCore
import ReelObjects
import ReelRender
import Testing

/// The address guard connects to the address it vetted, not to whatever the name resolves to a
/// moment later (DNS rebinding).
@Suite("Address pinning")
struct RebindingTests {
    @Test("a fetch connects to the vetted address: a name only the guard can resolve still reaches the server")
    func pinned() async throws {
        let router = Router()
        router.get("clip") { _, _ in "the source bytes" }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reel-pin-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await Application(router: router).test(.live) { client in
            let port = try #require(client.port)
            var guarded = AddressGuard(allowPrivate: false)
            // The system resolver does not know this name; only the guard's resolver does. If the
            // HTTP client looked the name up again, the fetch would fail.
            guarded.resolver = { host in host == "media.rebind.test" ? [[127, 0, 0, 1]] : [] }
            guarded.permits = { _ in true }
            let fetcher = SourceFetcher(
                httpClient: HTTPClient.shared, objects: try LocalObjectStore(root: folder.appendingPathComponent("objects")),
                cacheDirectory: folder.appendingPathComponent("cache"), addressGuard: guarded)
            let path = try await fetcher.fetch("http://media.rebind.test:\(port)/clip")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "the source bytes")

            // The same name answered with an internal address is refused before any connection.
            guarded.permits = { !AddressGuard.isInternal($0) }
            let refusing = SourceFetcher(
                httpClient: HTTPClient.shared, objects: try LocalObjectStore(root: folder.appendingPathComponent("objects")),
                cacheDirectory: folder.appendingPathComponent("cache2"), addressGuard: guarded)
            await #expect(throws: RenderFailure.self) {
                _ = try await refusing.fetch("http://media.rebind.test:\(port)/clip")
            }
        }
    }

    @Test("one internal address among public ones refuses the name")
    func mixedAnswers() throws {
        var guarded = AddressGuard(allowPrivate: false)
        guarded.resolver = { _ in [[93, 184, 215, 14], [10, 0, 0, 5]] }
        #expect(throws: RenderFailure.self) { try guarded.check(host: "mixed.example") }
        guarded.resolver = { _ in [[93, 184, 215, 14], [2, 22, 0, 1]] }
        #expect(try guarded.check(host: "public.example") == "93.184.215.14")
        #expect(try guarded.check(host: "93.184.215.14") == nil)
    }

    @Test(
        "a redirect is followed to http and https only (unix:// would reach a local socket), to a port that fits 16 bits (AsyncHTTPClient traps on 99999)"
    )
    func redirectSchemes() async throws {
        let router = Router()
        router.get("to/:scheme") { _, context in
            let targets = [
                "unix": "unix:///tmp/reel.sock/x", "http+unix": "http+unix://%2Ftmp%2Freel.sock/x", "port": "http://127.0.0.1:99999/x",
            ]
            let target = targets[context.parameters.get("scheme") ?? ""] ?? ""
            return Response(status: .found, headers: [.location: target])
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reel-redirect-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await Application(router: router).test(.live) { client in
            let port = try #require(client.port)
            // As the runtime makes it: redirects are the fetcher's to follow, hop by hop.
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: AddressGuard.sourceClientConfiguration)
            defer { _ = client.shutdown() }
            let fetcher = SourceFetcher(
                httpClient: client, objects: try LocalObjectStore(root: folder.appendingPathComponent("objects")),
                cacheDirectory: folder.appendingPathComponent("cache"), addressGuard: AddressGuard(allowPrivate: true))
            for (scheme, reason) in [("unix", "is not followed"), ("http+unix", "is not followed"), ("port", "invalid URL")] {
                let refused = await #expect(throws: RenderFailure.self) { try await fetcher.fetch("http://127.0.0.1:\(port)/to/\(scheme)") }
                #expect(refused?.message.contains(reason) == true, "\(String(describing: refused))")
            }
        }
    }
}
