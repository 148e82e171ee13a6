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
            // Until an answer's head arrives: an upload of a large file takes a while.
            transport: AsyncHTTPClientTransport(configuration: .init(client: httpClient, timeout: .minutes(10))),
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

    /// The events after which a composition's stream has nothing more to say.
    static let finalEvents: Set<String> = [
        "composition.completed", "composition.failed", "composition.cancelled", "composition.deleted",
    ]

    /// Creates a composition, follows its events until its final one, and returns it as it ended
    /// (completed, failed or cancelled); throws `CancellationError` after `timeout`.
    public func createAndWait(
        _ request: Components.Schemas.CompositionRequest, timeout: Duration = .seconds(600)
    ) async throws -> Components.Schemas.Composition {
        let created = try await create(request)
        try await Self.within(timeout) { try await self.waitForEnd(of: created.id) }
        return try await client.getComposition(path: .init(id: created.id)).ok.body.json
    }

    /// Follows a composition's events until its final one, reconnecting with `Last-Event-ID`
    /// when the stream ends early (a server restarting) or the connection drops.
    func waitForEnd(of id: String) async throws {
        var lastEventID: Int?
        while true {
            do {
                for try await event in try await events(of: id, after: lastEventID) {
                    if let number = event.id.flatMap({ Int($0) }) { lastEventID = number }
                    if let kind = event.event, Self.finalEvents.contains(kind) { return }
                }
            } catch let error where ReelAPIError(error) != nil {
                throw error
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                // The connection dropped: look again after a pause.
            }
            try await Task.sleep(for: .milliseconds(500))
        }
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
