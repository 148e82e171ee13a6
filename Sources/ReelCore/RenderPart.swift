import Foundation

/// A part of a segmented render that any worker may take from the queue: a video segment or
/// the audio pass. Its bytes go to the render cache under ``key``, where the composition's
/// worker fetches them for the stitch.
public struct RenderPart: Sendable, Hashable {
    public var id: UUID
    public var compositionID: UUID
    /// The segment's index; ``audioPosition`` for the audio pass.
    public var position: Int
    public var key: String
    public var step: PortableStep
    public var fileExtension: String
    public var priority: Priority
    public var maxAttempts: Int

    /// ``position`` of the audio pass.
    public static let audioPosition = -1

    public init(
        id: UUID = UUID(), compositionID: UUID, position: Int, key: String, step: PortableStep, fileExtension: String,
        priority: Priority, maxAttempts: Int = 3
    ) {
        self.id = id
        self.compositionID = compositionID
        self.position = position
        self.key = key
        self.step = step
        self.fileExtension = fileExtension
        self.priority = priority
        self.maxAttempts = maxAttempts
    }

    public var isAudio: Bool { position == Self.audioPosition }
}

/// What a worker reports of a part it finished.
public struct PartCompletion: Sendable, Hashable {
    public var seconds: Double
    public var reused: Bool

    public init(seconds: Double, reused: Bool) {
        self.seconds = seconds
        self.reused = reused
    }
}

/// A part a worker holds under a lease.
public struct ClaimedPart: Sendable, Hashable {
    public var part: RenderPart
    public var token: String
    public var worker: String
    /// 1 for the first attempt.
    public var attempt: Int

    public init(part: RenderPart, token: String, worker: String, attempt: Int) {
        self.part = part
        self.token = token
        self.worker = worker
        self.attempt = attempt
    }
}

/// A part as `/metadata` lists it and the composition's worker follows it.
public struct RenderPartRecord: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case queued, running, done, failed
    }

    public var position: Int
    public var key: String
    public var status: Status
    public var attempt: Int
    public var progress: Double
    /// The worker that rendered it (or holds it).
    public var worker: String?
    /// Seconds of output it covers.
    public var duration: Double
    /// Seconds its worker spent on it.
    public var seconds: Double?
    /// Whether its bytes came from the cache rather than ffmpeg.
    public var reused: Bool
    public var errorMessage: String?

    public init(
        position: Int, key: String, status: Status, attempt: Int, progress: Double, worker: String?, duration: Double, seconds: Double?,
        reused: Bool, errorMessage: String?
    ) {
        self.position = position
        self.key = key
        self.status = status
        self.attempt = attempt
        self.progress = progress
        self.worker = worker
        self.duration = duration
        self.seconds = seconds
        self.reused = reused
        self.errorMessage = errorMessage
    }

    enum CodingKeys: String, CodingKey {
        case position, key, status, attempt, progress, worker, duration, seconds, reused
        case errorMessage = "error_message"
    }
}
