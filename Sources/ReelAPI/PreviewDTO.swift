import ReelCore

/// The JSON answer of `POST /api/v1/previews` with `Accept: application/json`.
struct PreviewDTO: Encodable {
    struct Frame: Encodable {
        var time: Double
        var frameTime: Double
        var url: String

        enum CodingKeys: String, CodingKey {
            case time, url
            case frameTime = "frame_time"
        }
    }

    var frames: [Frame]
    var width: Int
    var height: Int
    var format: ImageFormat
    var cached: Bool
    var warnings: [String]?
}
