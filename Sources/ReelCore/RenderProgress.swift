import Foundation

/// The stages a render goes through, with their share of `overall_progress`.
public enum RenderStage: String, Sendable, Hashable, Codable, CaseIterable {
    case queued, downloading, rendering, uploading, completed

    /// The part of 0–100 this stage covers.
    var span: (start: Double, end: Double) {
        switch self {
        case .queued: (0, 0)
        case .downloading: (0, 10)
        case .rendering: (10, 95)
        case .uploading: (95, 100)
        case .completed: (100, 100)
        }
    }

    /// Overall progress when this stage is `fraction` (0–1) done.
    public func overall(_ fraction: Double) -> Double {
        let clamped = min(1, max(0, fraction))
        return ((span.start + (span.end - span.start) * clamped) * 10).rounded() / 10
    }
}

/// Reads ffmpeg's `-progress` output (`key=value` lines, blocks ending in `progress=…`) and
/// turns it into a fraction of the expected duration.
public struct FFmpegProgressParser: Sendable {
    public let duration: Double
    private var buffer: [UInt8] = []
    public private(set) var outTime: Double = 0
    public private(set) var finished = false

    public init(duration: Double) {
        self.duration = duration
    }

    /// Feeds bytes; returns the completed fraction (0–1) when a progress block ended.
    public mutating func consume(_ bytes: some Sequence<UInt8>) -> Double? {
        var report: Double?
        for byte in bytes {
            guard byte == UInt8(ascii: "\n") else {
                if buffer.count < 4096 { buffer.append(byte) }
                continue
            }
            let line = String(decoding: buffer, as: UTF8.self)
            buffer.removeAll(keepingCapacity: true)
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals]
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "out_time_us", "out_time_ms":
                if let micros = Double(value), micros >= 0 { outTime = micros / 1_000_000 }
            case "progress":
                if value == "end" { finished = true }
                report = fraction
            default:
                break
            }
        }
        return report
    }

    public var fraction: Double {
        if finished { return 1 }
        guard duration > 0 else { return 0 }
        return min(0.999, outTime / duration)
    }
}

extension RenderStage {
    /// The stages of a render with `current` in progress and those before it done.
    public static func initialStages(current: RenderStage, fraction: Double = 0) -> [StageState] {
        let work: [RenderStage] = [.downloading, .rendering, .uploading]
        let currentIndex = work.firstIndex(of: current) ?? (current == .completed ? work.count : -1)
        return work.enumerated().map { index, stage in
            if index < currentIndex { return StageState(name: stage.rawValue, status: "completed", progress: 100) }
            if index == currentIndex {
                return StageState(name: stage.rawValue, status: "in_progress", progress: (fraction * 1000).rounded() / 10)
            }
            return StageState(name: stage.rawValue, status: "pending", progress: 0)
        }
    }
}
