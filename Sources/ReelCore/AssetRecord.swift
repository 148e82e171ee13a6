import Foundation

/// An uploaded asset, owned by the tenant that uploaded it.
public struct AssetRecord: Sendable, Hashable {
    public var id: UUID
    public var tenant: String
    public var sizeBytes: Int
    public var contentType: String
    public var sha256: String
    public var createdAt: Date
    /// What ffprobe read of it at upload (nil for files that are not media, and for uploads
    /// from before it was read).
    public var media: AssetMedia?

    public init(
        id: UUID, tenant: String, sizeBytes: Int, contentType: String, sha256: String, createdAt: Date, media: AssetMedia? = nil
    ) {
        self.id = id
        self.tenant = tenant
        self.sizeBytes = sizeBytes
        self.contentType = contentType
        self.sha256 = sha256
        self.createdAt = createdAt
        self.media = media
    }
}

/// An upload's media facts: its length, its picture's size, and whether a thumbnail of it is
/// stored (at ``ObjectKeys/assetThumbnail(_:)``).
public struct AssetMedia: Sendable, Hashable {
    /// Seconds; nil for a still image.
    public var duration: Double?
    public var width: Int?
    public var height: Int?
    public var thumbnail: Bool

    public init(duration: Double?, width: Int?, height: Int?, thumbnail: Bool) {
        self.duration = duration
        self.width = width
        self.height = height
        self.thumbnail = thumbnail
    }
}

/// One page of a tenant's uploads, newest first.
public struct AssetPage: Sendable {
    public var items: [AssetRecord]
    public var total: Int

    public init(items: [AssetRecord], total: Int) {
        self.items = items
        self.total = total
    }
}
