import AsyncHTTPClient
import Foundation
import NIOCore

/// Streams an HTTP response body into a file: written beside it as a hidden `.part` file and
/// renamed into place only once complete, so a reader never sees half a file, and removed when
/// the body fails or passes `maxBytes`.
public enum ResponseBodyFile {
    /// Why a body could not be written; other errors are the body's own (the connection).
    public enum Failure: Error, Sendable {
        case tooLarge
        case cannotWrite
    }

    public static func write(_ body: HTTPClientResponse.Body, to file: URL, maxBytes: Int) async throws {
        let partial = file.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).part")
        guard FileManager.default.createFile(atPath: partial.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: partial.path)
        else { throw Failure.cannotWrite }
        do {
            defer { try? handle.close() }
            var written = 0
            for try await buffer in body {
                written += buffer.readableBytes
                if written > maxBytes { throw Failure.tooLarge }
                try buffer.withUnsafeReadableBytes { try handle.write(contentsOf: Data($0)) }
            }
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
        guard rename(partial.path, file.path) == 0 else {
            try? FileManager.default.removeItem(at: partial)
            throw Failure.cannotWrite
        }
    }
}
