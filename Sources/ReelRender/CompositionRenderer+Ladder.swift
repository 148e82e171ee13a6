import Foundation
import ReelCore

extension CompositionRenderer {
    /// The files a ladder render wrote beside its output in `scratch`: every HLS playlist,
    /// init segment and media segment (`hls:NAME`), or each smaller MP4 rendition (`rendition:NAME`).
    func ladderFiles(_ settings: OutputSettings, scratch: URL) throws -> [Sidecar] {
        let ladder = settings.ladder
        guard !ladder.isEmpty else { return [] }
        if settings.format == .hls {
            let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { name in
                (name.hasPrefix("stream_") && name.hasSuffix(".m3u8")) || (name.hasPrefix("init_") && name.hasSuffix(".mp4"))
                    || (name.hasPrefix("seg_") && name.hasSuffix(".m4s"))
            }
            return names.sorted().map { name in
                Sidecar(role: "hls:\(name)", file: scratch.appendingPathComponent(name), contentType: Self.hlsContentType(name))
            }
        }
        return ladder.dropFirst().map { rendition in
            Sidecar(
                role: "rendition:\(rendition.name)", file: scratch.appendingPathComponent("rendition-\(rendition.name).mp4"),
                contentType: "video/mp4")
        }
    }

    /// The file stills are taken from: the output, or for HLS the largest rendition's first
    /// playlist (ffmpeg reads the playlist and its segments).
    func ladderTop(_ settings: OutputSettings, output: URL) -> URL {
        settings.format == .hls ? output.deletingLastPathComponent().appendingPathComponent("stream_0.m3u8") : output
    }

    /// The bytes of `files` together: an HLS output's size is its master playlist's and every
    /// file it leads to, what a client stores or serves.
    static func totalSize(of files: [URL]) throws -> Int {
        try files.reduce(0) { total, file in
            total + ((try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0)
        }
    }

    static func hlsContentType(_ name: String) -> String {
        if name.hasSuffix(".m3u8") { return "application/vnd.apple.mpegurl" }
        if name.hasSuffix(".m4s") { return "video/iso.segment" }
        return "video/mp4"
    }
}
