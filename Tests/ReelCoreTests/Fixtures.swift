import Foundation
import ReelCore

/// Test fixtures shared by the core tests.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func seedPayload(_ name: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent("seed-payloads/\(name).json"))
    }

    static func decode(_ json: String) throws -> CompositionRequest {
        try JSONDecoder().decode(CompositionRequest.self, from: Data(json.utf8))
    }

    static func video(_ duration: Double = 10, audio: Bool = true, width: Int = 320, height: Int = 180) -> MediaInfo {
        MediaInfo(
            formatName: "mov,mp4,m4a,3gp,3g2,mj2",
            duration: duration,
            videoCodec: "h264",
            width: width,
            height: height,
            fps: 30,
            pixelFormat: "yuv420p",
            audioCodec: audio ? "aac" : nil,
            sampleRate: audio ? 48000 : nil,
            channels: audio ? 2 : nil
        )
    }

    static func sources(for request: CompositionRequest, info: MediaInfo = video()) -> [String: RenderSource] {
        var sources: [String: RenderSource] = [:]
        for (index, url) in request.sourceURLs.enumerated() {
            let isAudio = url.hasSuffix(".mp3")
            let media = isAudio ? MediaInfo(formatName: "mp3", duration: 30, audioCodec: "mp3", sampleRate: 44100, channels: 2) : info
            sources[url] = RenderSource(url: url, path: "/src/\(index)", info: media)
        }
        return sources
    }
}
