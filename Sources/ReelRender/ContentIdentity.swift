import Crypto
import Foundation
import ReelCore
import Synchronization

/// The SHA-256 of a source file's bytes, its identity in render cache keys. Remembered per file
/// (device, inode, size, modification time, as ``ProbeCache`` keys them): a cached source is
/// hashed once per process, however many renders use it.
public final class ContentIdentity: Sendable {
    private let digests = Mutex<[String: String]>([:])
    let capacity: Int

    public init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// The hex SHA-256 of the file at `path`.
    public func of(_ path: String) throws -> String {
        guard let stamp = ProbeCache.key(path) else { throw RenderFailure("cannot read \(path)") }
        if let known = digests.withLock({ $0[stamp] }) { return known }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw RenderFailure("cannot read \(path)") }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 4 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        let digest = Hex.string(hasher.finalize())
        digests.withLock { digests in
            if digests.count >= capacity { digests.removeAll(keepingCapacity: true) }
            digests[stamp] = digest
        }
        return digest
    }

    /// The hex SHA-256 of `text`: how ``RenderKeys`` turns a step's canonical text into a key.
    public static func digest(_ text: String) -> String {
        Hex.string(SHA256.hash(data: Data(text.utf8)))
    }
}
