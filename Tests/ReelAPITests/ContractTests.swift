import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ReelCore
import Testing

/// What `/openapi.json` promises beyond its paths.
@Suite("The contract document")
struct ContractTests {
    func document(_ client: some TestClientProtocol) async throws -> [String: Any] {
        try await client.execute(uri: "/openapi.json", method: .get) { $0.body.json }
    }

    @Test("/openapi.json is the repository's openapi.json, byte for byte")
    func servedAsIs() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        let file = try Data(contentsOf: TestReel.packageRoot.appending(path: "openapi.json"))
        try await reel.application().test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(Data(response.body.readableBytesView) == file)
            }
        }
    }

    @Test("the transition enum is exactly the transitions Reel accepts")
    func transitions() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            let schemas = (try await document(client)["components"] as? [String: Any])?["schemas"] as? [String: Any]
            let clip = schemas?["Clip"] as? [String: Any]
            let transition = (clip?["properties"] as? [String: Any])?["transition"] as? [String: Any]
            let type = (transition?["properties"] as? [String: Any])?["type"] as? [String: Any]
            #expect(Set(type?["enum"] as? [String] ?? []) == TransitionKind.names)
        }
    }

    @Test("a path asked with a method it does not answer is 405 with Allow; an unknown path stays 404")
    func methodNotAllowed() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            let cases: [(String, HTTPRequest.Method, String)] = [
                ("/metrics", .post, "GET, HEAD"), ("/api/v1/compositions/cancel-all", .get, "POST"),
                ("/api/v1/compositions", .put, "GET, HEAD, POST"), ("/files/outputs/x/video.mp4", .delete, "GET, HEAD"),
            ]
            for (uri, method, allow) in cases {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                    #expect(response.headers[.allow] == allow, "\(method) \(uri)")
                    #expect(response.body.json["error_code"] as? String == "method_not_allowed")
                }
            }
            try await client.execute(uri: "/nowhere", method: .get) { #expect($0.status == .notFound) }
        }
    }
}
