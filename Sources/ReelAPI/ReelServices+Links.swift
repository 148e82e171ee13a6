import Foundation
import ReelCore
import ReelObjects

extension ReelServices {
    /// When a link made now with the default lifetime (`REEL_DOWNLOAD_URL_TTL`) expires, in Unix seconds.
    var defaultLinkExpiry: Int { Int(clamping: Date().timeIntervalSince1970) + configuration.downloadURLLifetime }

    /// A signed, expiring link to one stored object: the store's own presigned link when it
    /// makes them (S3), else Reel's `/files/…` path signed with its secret.
    func objectURL(_ key: String, expires: Int) -> String {
        if let url = objects.presignedURL(for: key, expires: Date(timeIntervalSince1970: Double(expires))) {
            return url.absoluteString
        }
        return configuration.resolvedPublicURL + signer.signedPath(for: key, expires: expires)
    }

    /// A link whose relative references (an HLS playlist's, a storyboard track's) stay signed:
    /// a folder link when Reel serves the files; a store's presigned link for this object alone
    /// otherwise (the rest then needs a public bucket policy).
    func folderURL(_ key: String, expires: Int) -> String {
        if let url = objects.presignedURL(for: key, expires: Date(timeIntervalSince1970: Double(expires))) {
            return url.absoluteString
        }
        return configuration.resolvedPublicURL + signer.signedFolderPath(for: key, expires: expires)
    }
}
