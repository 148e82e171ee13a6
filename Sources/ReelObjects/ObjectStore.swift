import Foundation

/// Where rendered files and uploaded assets live. Keys are relative paths like
/// `outputs/ID/video.mp4`; a re-run writes the same key, so nothing is duplicated.
public protocol ObjectStore: Sendable {
    /// Stores the file at `file` under `key`, replacing what was there. The file may be moved.
    func put(key: String, file: URL, contentType: String) async throws
    /// Makes `target` hold the same bytes as `source`, inside the store (no download); throws a
    /// not-found error when `source` is missing.
    func copy(from source: String, to target: String, contentType: String) async throws
    /// Copies the object to a local file.
    func download(key: String, to file: URL) async throws
    /// A path ffmpeg can read the object from directly, when the store is on local disk.
    func localPath(for key: String) -> String?
    /// The object's size, or nil when it does not exist.
    func size(of key: String) async throws -> Int?
    func delete(key: String) async throws
    /// Deletes every object whose key starts with `prefix`.
    func delete(prefix: String) async throws
    /// A URL a client can fetch the object from until `expires`, when the store signs its own;
    /// nil when Reel serves the object itself.
    func presignedURL(for key: String, expires: Date) -> URL?
    /// Throws when the store is unusable.
    func ping() async throws
    /// Creates what the store needs (folder, bucket) when missing; run by `reel migrate`.
    func prepare() async throws
    /// A short description for health checks (`file:///…`, `s3://bucket`).
    var location: String { get }
}

/// Object keys Reel uses.
public enum ObjectKeys {
    public static func output(_ id: UUID, format: String) -> String { "outputs/\(id.uuidString.lowercased())/video.\(format)" }
    public static func thumbnail(_ id: UUID) -> String { "outputs/\(id.uuidString.lowercased())/thumbnail.jpg" }
    /// A file stored beside the output, by its name (`captions.vtt`, `poster.png`).
    public static func sidecar(_ id: UUID, name: String) -> String { "outputs/\(id.uuidString.lowercased())/\(name)" }
    public static func outputPrefix(_ id: UUID) -> String { "outputs/\(id.uuidString.lowercased())/" }
    public static func asset(_ id: UUID) -> String { "assets/\(id.uuidString.lowercased())" }
    /// The small JPEG of an uploaded picture or video, made at upload.
    public static func assetThumbnail(_ id: UUID) -> String { "thumbnails/\(id.uuidString.lowercased()).jpg" }
    /// A render cache entry's bytes, by content key (``RenderKeys``); each store of a key gets its
    /// own object, so one never overwrites bytes a composition points at.
    public static func cached(_ key: String, fileExtension: String) -> String {
        "cache/\(key.prefix(2))/\(key)-\(UUID().uuidString.prefix(8).lowercased()).\(fileExtension)"
    }
}

/// An error of the object store, such as a missing key.
public struct ObjectStoreError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var isNotFound: Bool

    public init(_ message: String, notFound: Bool = false) {
        self.message = message
        self.isNotFound = notFound
    }

    public var description: String { message }

    /// A short phrase for any error of a store, fit for a user: a store's own message, or a
    /// generic phrase for errors of the network stack below it.
    public static func summary(_ error: any Error) -> String {
        (error as? ObjectStoreError)?.message ?? "storage unreachable"
    }
}
