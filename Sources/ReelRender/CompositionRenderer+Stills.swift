import Foundation
import ReelCore

extension CompositionRenderer {
    /// The poster and the storyboard the output settings ask for, taken from the rendered `output`.
    func stills(_ settings: OutputSettings, output: URL, duration: Double, scratch: URL) async throws -> [Sidecar] {
        var made: [Sidecar] = []
        let head = ["-hide_banner", "-nostdin", "-y", "-loglevel", "error"]
        if let poster = settings.poster {
            let file = scratch.appendingPathComponent("poster.\(poster.format.rawValue)")
            let time = poster.time ?? duration / 2
            try await runFFmpeg(
                head + ["-ss", NumberText.ffmpeg(time), "-i", output.path, "-frames:v", "1"] + poster.format.encoderArguments
                    + ["-update", "1", file.path],
                duration: 0
            ) { _ in }
            made.append(Sidecar(role: "poster", file: file, contentType: poster.format.contentType))
        }
        if let storyboard = settings.storyboard, let size = settings.size {
            let layout = storyboard.layout(duration: duration, size: size)
            let image = scratch.appendingPathComponent("storyboard.jpg")
            try await runFFmpeg(
                head + ["-i", output.path, "-an", "-vf", layout.filter, "-frames:v", "1", "-q:v", "4", image.path], duration: 0
            ) { _ in }
            let track = scratch.appendingPathComponent("storyboard.vtt")
            try layout.webVTT(image: image.lastPathComponent).write(to: track, atomically: false, encoding: .utf8)
            made += [
                Sidecar(role: "storyboard", file: image, contentType: "image/jpeg"),
                Sidecar(role: "storyboard_vtt", file: track, contentType: "text/vtt; charset=utf-8"),
            ]
        }
        return made
    }
}
