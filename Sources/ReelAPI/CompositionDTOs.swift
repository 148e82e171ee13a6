import Foundation
import Hummingbird
import ReelCore

/// `GET /api/v1/compositions/{id}` and the body of a 202.
struct CompositionDTO: ResponseEncodable {
    let record: CompositionRecord
    let baseURL: String
    /// Only on the answer to a create: what Reel ignored in the request.
    var warnings: [String]? = nil

    enum CodingKeys: String, CodingKey {
        case id, title, description, priority, metadata, status, clips, audio, overlays, output, captions, links, warnings
        case webhookURL = "webhook_url"
        case overallProgress = "overall_progress"
        case errorMessage = "error_message"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case startedAt = "started_processing_at"
        case completedAt = "completed_at"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let request = record.request
        let id = record.id.uuidString.lowercased()
        try c.encode(id, forKey: .id)
        try c.encode(request.title, forKey: .title)
        try c.encode(request.description, forKey: .description)
        try c.encode(request.priority, forKey: .priority)
        try c.encode(request.metadata, forKey: .metadata)
        try c.encode(request.webhookURL, forKey: .webhookURL)
        try c.encode(record.status, forKey: .status)
        try c.encode(record.progress, forKey: .overallProgress)
        try c.encode(record.errorMessage, forKey: .errorMessage)
        try c.encode(request.clips, forKey: .clips)
        try c.encode(request.audio, forKey: .audio)
        try c.encode(request.overlays, forKey: .overlays)
        try c.encode(request.output, forKey: .output)
        try c.encodeIfPresent(request.captions, forKey: .captions)
        try c.encode(record.createdAt, forKey: .createdAt)
        try c.encode(record.updatedAt, forKey: .updatedAt)
        try c.encode(record.startedAt, forKey: .startedAt)
        try c.encode(record.completedAt, forKey: .completedAt)
        let base = "\(baseURL)/api/v1/compositions/\(id)"
        try c.encode(
            ["self": base, "status": base + "/status", "metadata": base + "/metadata", "download": base + "/download"],
            forKey: .links
        )
        try c.encodeIfPresent(warnings, forKey: .warnings)
    }
}

/// `GET …/status`, written by hand: the hottest read skips Codable and splices the stored stages.
enum StatusJSON {
    static func render(_ progress: CompositionProgress) -> String {
        let stage = progress.status == .processing ? progress.currentStage.rawValue : progress.status.rawValue
        return "{\"attempt\":\(progress.attempt),\"completed_at\":\(JSONText.quotedTimestamp(progress.completedAt)),"
            + "\"created_at\":\(JSONText.quotedTimestamp(progress.createdAt)),\"current_stage\":\(JSONText.string(stage)),"
            + "\"error_message\":\(JSONText.string(progress.errorMessage)),"
            + "\"id\":\"\(progress.id.uuidString.lowercased())\",\"overall_progress\":\(JSONText.number(progress.progress)),"
            + "\"stages\":\(progress.stagesJSON),\"status\":\"\(progress.status.rawValue)\","
            + "\"updated_at\":\(JSONText.quotedTimestamp(progress.updatedAt))}"
    }
}

/// One file in `/metadata`.
struct FileDTO: Encodable {
    let url: String
    let info: MediaInfo
    let isOutput: Bool

    enum CodingKeys: String, CodingKey {
        case url, format, resolution, fps, bitrate, codec
        case sizeBytes = "size_bytes"
        case durationSeconds = "duration_seconds"
        case audioCodec = "audio_codec"
        case hasAudio = "has_audio"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(url, forKey: .url)
        try c.encode(info.formatName, forKey: .format)
        try c.encode(info.sizeBytes, forKey: .sizeBytes)
        try c.encode(info.duration, forKey: .durationSeconds)
        try c.encode(info.width.flatMap { w in info.height.map { "\(w)x\($0)" } }, forKey: .resolution)
        try c.encode(info.fps, forKey: .fps)
        try c.encode(info.bitRate, forKey: .bitrate)
        try c.encode(info.videoCodec, forKey: .codec)
        try c.encode(info.audioCodec, forKey: .audioCodec)
        try c.encode(info.hasAudio, forKey: .hasAudio)
    }
}

/// `GET …/metadata`.
struct MetadataDTO: ResponseEncodable {
    let record: CompositionRecord
    let outputURL: String?

    enum CodingKeys: String, CodingKey {
        case id, title, status, warnings
        case requestConfig = "request_config"
        case createdAt = "created_at"
        case startedAt = "started_processing_at"
        case completedAt = "completed_at"
        case resourceMetrics = "resource_metrics"
        case inputFiles = "input_files"
        case outputFile = "output_file"
        case appliedEffects = "applied_effects"
        case cache
    }

    struct Metrics: Encodable {
        let processingTimeSeconds: Double?
        let queueWaitTimeSeconds: Double?
        let totalTimeSeconds: Double?
        let attempts: Int

        enum CodingKeys: String, CodingKey {
            case attempts
            case processingTimeSeconds = "processing_time_seconds"
            case queueWaitTimeSeconds = "queue_wait_time_seconds"
            case totalTimeSeconds = "total_time_seconds"
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(record.id.uuidString.lowercased(), forKey: .id)
        try c.encode(record.request.title, forKey: .title)
        try c.encode(record.status, forKey: .status)
        try c.encode(record.request, forKey: .requestConfig)
        try c.encode(record.createdAt, forKey: .createdAt)
        try c.encode(record.startedAt, forKey: .startedAt)
        try c.encode(record.completedAt, forKey: .completedAt)
        let metrics = Metrics(
            processingTimeSeconds: record.result?.processingSeconds
                ?? record.startedAt.flatMap { start in record.completedAt.map { $0.timeIntervalSince(start) } },
            queueWaitTimeSeconds: record.startedAt.map { $0.timeIntervalSince(record.createdAt) },
            totalTimeSeconds: record.completedAt.map { $0.timeIntervalSince(record.createdAt) },
            attempts: record.attempt
        )
        try c.encode(metrics, forKey: .resourceMetrics)
        let inputs = record.result?.inputs.map { FileDTO(url: $0.url, info: $0.info, isOutput: false) } ?? []
        try c.encode(inputs, forKey: .inputFiles)
        if let result = record.result, let outputURL {
            try c.encode(FileDTO(url: outputURL, info: result.output, isOutput: true), forKey: .outputFile)
        } else {
            try c.encodeNil(forKey: .outputFile)
        }
        try c.encode(record.result?.appliedEffects ?? [], forKey: .appliedEffects)
        try c.encode(record.result?.warnings ?? [], forKey: .warnings)
        try c.encode(record.result?.cache, forKey: .cache)
    }
}

/// `GET …/download`.
struct DownloadDTO: Encodable {
    let compositionID: String
    let downloadURL: String
    let expiresAt: Date
    let fileSizeBytes: Int
    let format: String
    let filename: String
    let thumbnailURL: String?
    let captionsURL: String?
    let posterURL: String?
    let storyboardURL: String?
    let storyboardVTTURL: String?
    let renditions: [RenditionLinkDTO]?
    /// True when the output is a draft (a fast proxy, `output.quality: draft`), absent otherwise.
    let draft: Bool?

    enum CodingKeys: String, CodingKey {
        case format, filename, draft
        case compositionID = "composition_id"
        case downloadURL = "download_url"
        case expiresAt = "expires_at"
        case fileSizeBytes = "file_size_bytes"
        case thumbnailURL = "thumbnail_url"
        case captionsURL = "captions_url"
        case posterURL = "poster_url"
        case storyboardURL = "storyboard_url"
        case storyboardVTTURL = "storyboard_vtt_url"
    }
}

/// One MP4 rendition in `/download`.
struct RenditionLinkDTO: Encodable {
    let name: String
    let width: Int
    let height: Int
    let url: String
}

/// `POST …/cancel`.
struct CancelDTO: Encodable {
    let compositionID: String
    let status = "cancelled"
    let message: String
    let cancelledAt: Date

    enum CodingKeys: String, CodingKey {
        case status, message
        case compositionID = "composition_id"
        case cancelledAt = "cancelled_at"
    }
}

/// `POST /api/v1/compositions/cancel-all`.
struct CancelAllDTO: Encodable {
    let cancelledCount: Int
    let failedCount: Int
    let cancelledIDs: [String]
    let failedIDs: [String]
    let message: String

    enum CodingKeys: String, CodingKey {
        case message
        case cancelledCount = "cancelled_count"
        case failedCount = "failed_count"
        case cancelledIDs = "cancelled_ids"
        case failedIDs = "failed_ids"
    }
}

/// `GET /api/v1/compositions`.
struct ListDTO: ResponseEncodable {
    let compositions: [CompositionDTO]
    let total: Int
    let offset: Int
    let limit: Int
}
