import Crypto
import Foundation
import ReelCore

/// Signs and checks the expiring links Reel hands out for objects it serves itself.
public struct URLSigner: Sendable {
    private let secret: Data

    public init(secret: String) {
        self.secret = Data(secret.utf8)
    }

    public func signature(for objectKey: String, expires: Int) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(objectKey)\n\(expires)".utf8), using: SymmetricKey(data: secret))
        return Hex.string(mac)
    }

    /// The path and query of a signed link, like `/files/outputs/ID/video.mp4?expires=…&signature=…`.
    public func signedPath(for objectKey: String, expires: Int) -> String {
        "/files/\(objectKey)?expires=\(expires)&signature=\(signature(for: objectKey, expires: expires))"
    }

    /// The path and query of a signed link to picture `name` of preview `key`, signed in a
    /// namespace of its own (no stored object's link can stand for one, nor the reverse).
    public func signedPreviewPath(key: String, name: String, expires: Int) -> String {
        "/files/previews/\(key)/\(name)?expires=\(expires)&signature=\(signature(for: "preview:\(key)/\(name)", expires: expires))"
    }

    /// True when a preview picture's link is signed and has not expired.
    public func isValid(previewKey key: String, name: String, expires: Int, signature: String, now: Date = Date()) -> Bool {
        isValid(objectKey: "preview:\(key)/\(name)", expires: expires, signature: signature, now: now)
    }

    /// The folder of a key, with its trailing slash: what a folder link signs.
    public static func folder(of key: String) -> String {
        guard let slash = key.lastIndex(of: "/") else { return "" }
        return String(key[...slash])
    }

    /// The path of a link to `objectKey` whose signature covers every object in its folder.
    public func signedFolderPath(for objectKey: String, expires: Int) -> String {
        let folder = Self.folder(of: objectKey)
        return "/files/folder/\(expires)/\(signature(for: "folder:" + folder, expires: expires))/\(objectKey)"
    }

    /// True when a folder link's `signature` matches `folder` and `expires` is in the future.
    public func isValid(folder: String, expires: Int, signature: String, now: Date = Date()) -> Bool {
        isValid(objectKey: "folder:" + folder, expires: expires, signature: signature, now: now)
    }

    /// True when `signature` matches and `expires` is in the future.
    public func isValid(objectKey: String, expires: Int, signature: String, now: Date = Date()) -> Bool {
        guard Double(expires) >= now.timeIntervalSince1970 else { return false }
        let expected = Array(self.signature(for: objectKey, expires: expires).utf8)
        let given = Array(signature.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
