import Foundation
import Hummingbird
import ReelCore

/// An uploaded asset as answered: its `asset://` URL for compositions, what ffprobe read of it,
/// and a signed link to its thumbnail.
struct AssetDTO: ResponseEncodable {
    let id: String
    let url: String
    let sizeBytes: Int
    let contentType: String
    let sha256: String
    let createdAt: Date
    let duration: Double?
    let width: Int?
    let height: Int?
    let thumbnailURL: String?

    init(_ asset: AssetRecord, thumbnailURL: String? = nil) {
        id = asset.id.uuidString.lowercased()
        url = "asset://\(id)"
        sizeBytes = asset.sizeBytes
        contentType = asset.contentType
        sha256 = asset.sha256
        createdAt = asset.createdAt
        duration = asset.media?.duration
        width = asset.media?.width
        height = asset.media?.height
        self.thumbnailURL = thumbnailURL
    }

    enum CodingKeys: String, CodingKey {
        case id, url, sha256, duration, width, height
        case sizeBytes = "size_bytes"
        case contentType = "content_type"
        case createdAt = "created_at"
        case thumbnailURL = "thumbnail_url"
    }

    /// Nulls are written out: a client sees every field of the schema.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(url, forKey: .url)
        try container.encode(sizeBytes, forKey: .sizeBytes)
        try container.encode(contentType, forKey: .contentType)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(duration, forKey: .duration)
        try container.encode(width, forKey: .width)
        try container.encode(height, forKey: .height)
        try container.encode(thumbnailURL, forKey: .thumbnailURL)
    }
}

/// A page of assets, newest first.
struct AssetListDTO: ResponseEncodable {
    let assets: [AssetDTO]
    let total: Int
    let offset: Int
    let limit: Int
}
