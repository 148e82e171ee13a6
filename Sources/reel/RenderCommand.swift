import ArgumentParser
import Foundation
import Logging
import ReelApp
import ReelCore
import ReelObjects
import ReelRender

/// `reel render spec.json -o out.mp4`: renders a composition locally, without a server,
/// through the same validator and renderer.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "Render a composition file locally.")

    @OptionGroup var shared: SharedOptions

    @Argument(help: "The composition JSON (as POSTed to /api/v1/compositions).")
    var spec: String

    @Option(name: .shortAndLong, help: "Where to write the video.")
    var output: String

    @Flag(help: "Render a fast proxy: at most 640 px on the long side and 15 fps (output.quality draft).")
    var draft = false

    func run() async throws {
        var configuration = try await shared.configuration()
        configuration.allowPrivateSources = true
        let (loaded, warnings) = try SpecFile(path: spec).load(configuration)
        var request = loaded
        for warning in warnings { SharedOptions.printError("reel: warning: \(warning)") }
        if draft { request.output.quality = .draft }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("reel-render-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        // The store only resolves asset:// sources, and a local render has none: an empty one in the scratch folder.
        configuration.storageURL = "file://" + scratch.appendingPathComponent("objects").path
        let runtime = try ReelRuntime.openRendering(configuration, logger: Logger(label: "reel-render"))
        let id = UUID()
        let terminal = isatty(STDERR_FILENO) == 1
        let progress = ProgressPrinter(terminal: terminal)
        do {
            var renderer = runtime.renderer(scratch: scratch.appendingPathComponent("jobs"))
            renderer.fetcher.allowLocalFiles = true
            let target = URL(fileURLWithPath: output)
            let started = ContinuousClock.now
            let info = try await renderer.render(id: id, request: request) { stage, fraction in
                progress.show(stage: stage, fraction: fraction)
            } deliver: { files in
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.moveItem(at: files.output, to: target)
                // Files made beside the output (captions, poster, storyboard, renditions, HLS
                // variants and segments) go beside it under their own names.
                for sidecar in files.sidecars {
                    let beside = target.deletingLastPathComponent().appendingPathComponent(sidecar.file.lastPathComponent)
                    try? FileManager.default.removeItem(at: beside)
                    try FileManager.default.moveItem(at: sidecar.file, to: beside)
                }
                return files.info
            }
            progress.finish()
            let seconds = (ContinuousClock.now - started).seconds
            print(
                "\(output): \(String(format: "%.2f", info.duration)) s, \(info.sizeBytes) bytes, rendered in \(String(format: "%.2f", seconds)) s"
            )
        } catch {
            progress.finish()
            await runtime.shutdown()
            throw error
        }
        await runtime.shutdown()
    }
}

/// A progress bar on a terminal; one plain line per stage change on a pipe.
final class ProgressPrinter: Sendable {
    let terminal: Bool
    private let last = OutputCapture()

    init(terminal: Bool) {
        self.terminal = terminal
    }

    func show(stage: RenderStage, fraction: Double) {
        let overall = stage.overall(fraction)
        if terminal {
            let width = 30
            let filled = Int(clamping: overall / 100 * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(String(format: "%5.1f", overall))% \(stage.rawValue)   ".utf8))
        } else if !last.text.hasSuffix("|\(stage.rawValue)") {
            last.append(Data("|\(stage.rawValue)".utf8))
            FileHandle.standardError.write(Data("\(stage.rawValue) \(String(format: "%.0f", overall))%\n".utf8))
        }
    }

    func finish() {
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

extension CompositionRequest {
    /// Turns sources given as file paths into `file://` URLs, relative paths from `folder`.
    mutating func resolveLocalPaths(relativeTo folder: URL) {
        func resolve(_ source: String?) -> String? {
            guard let source, !source.contains("://") else { return source }
            return URL(fileURLWithPath: source, relativeTo: folder).standardizedFileURL.absoluteString
        }
        for index in clips.indices {
            clips[index].videoURL = resolve(clips[index].videoURL)
            clips[index].imageURL = resolve(clips[index].imageURL)
        }
        audio.musicURL = resolve(audio.musicURL)
        audio.voiceoverURL = resolve(audio.voiceoverURL)
        for index in overlays.indices {
            overlays[index].imageURL = resolve(overlays[index].imageURL)
            overlays[index].videoURL = resolve(overlays[index].videoURL)
        }
        let captionsURL = resolve(captions?.url)
        captions?.url = captionsURL
    }
}
