import Foundation

/// Objects as files under a root folder (`file://` storage URLs).
public struct LocalObjectStore: ObjectStore {
    public let root: URL

    public init(root: URL) throws {
        self.root = root.standardizedFileURL
        try FileManager.default.createDirectory(at: self.root, withIntermediateDirectories: true)
    }

    public var location: String { root.absoluteString }

    func url(for key: String) throws -> URL {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard !key.isEmpty, !key.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
            throw ObjectStoreError("invalid object key \(key)")
        }
        return root.appendingPathComponent(key)
    }

    public func put(key: String, file: URL, contentType: String) async throws {
        let target = try url(for: key)
        let manager = FileManager.default
        try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        if rename(file.path, target.path) != 0 {
            let staging = target.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).part")
            try manager.copyItem(at: file, to: staging)
            guard rename(staging.path, target.path) == 0 else {
                try? manager.removeItem(at: staging)
                throw ObjectStoreError("cannot store \(key): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// A hard link when the folder allows one (no bytes copied; replacing either name later
    /// leaves the other alone), else a copy.
    public func copy(from source: String, to target: String, contentType: String) async throws {
        let from = try url(for: source)
        let to = try url(for: target)
        let manager = FileManager.default
        guard manager.fileExists(atPath: from.path) else { throw ObjectStoreError("no object \(source)", notFound: true) }
        try manager.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
        let staging = to.deletingLastPathComponent().appendingPathComponent(".\(UUID().uuidString).part")
        if link(from.path, staging.path) != 0 { try manager.copyItem(at: from, to: staging) }
        guard rename(staging.path, to.path) == 0 else {
            try? manager.removeItem(at: staging)
            throw ObjectStoreError("cannot store \(target): \(String(cString: strerror(errno)))")
        }
    }

    public func download(key: String, to file: URL) async throws {
        let source = try url(for: key)
        guard FileManager.default.fileExists(atPath: source.path) else { throw ObjectStoreError("no object \(key)", notFound: true) }
        try? FileManager.default.removeItem(at: file)
        try FileManager.default.copyItem(at: source, to: file)
    }

    public func localPath(for key: String) -> String? {
        guard let url = try? url(for: key), FileManager.default.fileExists(atPath: url.path) else { return nil }
        return url.path
    }

    public func size(of key: String) async throws -> Int? {
        let target = try url(for: key)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: target.path) else { return nil }
        return (attributes[.size] as? NSNumber)?.intValue
    }

    public func delete(key: String) async throws {
        let target = try url(for: key)
        try? FileManager.default.removeItem(at: target)
    }

    public func delete(prefix: String) async throws {
        guard prefix.hasSuffix("/") else { throw ObjectStoreError("prefix must end with /") }
        let folder = try url(for: String(prefix.dropLast()))
        try? FileManager.default.removeItem(at: folder)
    }

    public func presignedURL(for key: String, expires: Date) -> URL? { nil }

    public func prepare() async throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    public func ping() async throws {
        let probe = root.appendingPathComponent(".health-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: probe.path, contents: Data()) else {
            throw ObjectStoreError("cannot write to \(root.path)")
        }
        try FileManager.default.removeItem(at: probe)
    }
}
