import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime

/// A Reel server: ``client`` has every operation of the contract (generated from openapi.json),
/// and the helpers here do what most callers want: upload, create and wait, follow events,
/// download. Every answer that is not a success is thrown as a ``ReelAPIError`` (through the
/// generated client, wrapped in OpenAPIRuntime's `ClientError`; ``ReelAPIError/init(_:)`` unwraps it).
public struct Reel: Sendable {
    /// The generated client, for every operation.
    public let client: Client
    public let baseURL: URL
    let httpClient: HTTPClient

    /// The Reel at `baseURL` (`http://127.0.0.1:8000`), sending `key` as `Authorization: Bearer` when given.
    public init(baseURL: URL, key: String? = nil, httpClient: HTTPClient = .shared) {
        self.baseURL = baseURL
        self.httpClient = httpClient
        client = Client(
            serverURL: baseURL,
            // Reel writes times as RFC 3339 with milliseconds (2026-12-07T21:40:36.575Z).
            configuration: .init(dateTranscoder: .iso8601WithFractionalSeconds),
            transport: AsyncHTTPClientTransport(configuration: .init(client: httpClient, timeout: .seconds(60))),
            middlewares: [ReelMiddleware(key: key)]
        )
    }

    /// Uploads a file's bytes as an asset; its `url` (`asset://…`) goes in a composition.
    public func upload(_ bytes: [UInt8]) async throws -> Components.Schemas.Asset {
        try await client.uploadAsset(body: .binary(HTTPBody(bytes))).created.body.json
    }

    /// Creates a composition and returns it as stored and queued.
    public func create(_ request: Components.Schemas.CompositionRequest) async throws -> Components.Schemas.Composition {
        try await client.createComposition(body: .json(request)).accepted.body.json
    }

    /// Creates a composition, follows its events until it ends, and returns it as it ended
    /// (completed, failed or cancelled); throws `CancellationError` after `timeout`.
    public func createAndWait(
        _ request: Components.Schemas.CompositionRequest, timeout: Duration = .seconds(600)
    ) async throws -> Components.Schemas.Composition {
        let created = try await create(request)
        try await Self.within(timeout) {
            for try await _ in try await self.events(of: created.id) {}
        }
        return try await client.getComposition(path: .init(id: created.id)).ok.body.json
    }

    /// A composition's events as Server-Sent Events: the stored ones after `lastEventID`, then
    /// each change and `composition.progress` as it happens; the sequence ends after the terminal event.
    public func events(of id: String, after lastEventID: Int? = nil) async throws -> some AsyncSequence<ServerSentEvent, any Error> {
        let answer = try await client.listCompositionEvents(
            path: .init(id: id), headers: .init(lastEventID: lastEventID, accept: [.init(contentType: .textEventStream)]))
        return try answer.ok.body.textEventStream.asDecodedServerSentEvents()
    }

    /// Writes a completed composition's file to `file` through its signed link.
    public func download(_ id: String, to file: URL) async throws {
        let links = try await client.getDownload(path: .init(id: id)).ok.body.json
        guard let link = links.downloadUrl, let url = URL(string: link, relativeTo: baseURL) else {
            throw ReelAPIError(status: 200, code: "no_download", message: "the answer has no download_url", fields: [])
        }
        let response = try await httpClient.execute(HTTPClientRequest(url: url.absoluteString), timeout: .seconds(600))
        guard response.status == .ok else {
            throw ReelAPIError(status: Int(response.status.code), code: "download_failed", message: "\(response.status)", fields: [])
        }
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        for try await chunk in response.body { try handle.write(contentsOf: Data(chunk.readableBytesView)) }
    }

    /// Runs `body`, cancelling it and throwing `CancellationError` after `timeout`.
    static func within(_ timeout: Duration, _ body: @escaping @Sendable () async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw CancellationError()
            }
            try await group.next()
            group.cancelAll()
        }
    }
}
