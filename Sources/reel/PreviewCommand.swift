import ArgumentParser
import Foundation
import Logging
import ReelApp
import ReelCore
import ReelRender

/// `reel preview spec.json --at 3.5 -o frame.jpg`: frames of a composition as its render will
/// show them, through the same planner and renderer as `POST /api/v1/previews`; several times
/// (`--at 0,1,2`) make a sheet of tiles.
struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview", abstract: "Write frames of a composition file without rendering it.")

    @OptionGroup var shared: SharedOptions

    @Argument(help: "The composition JSON (as POSTed to /api/v1/compositions).")
    var spec: String

    @Option(help: "Seconds into the timeline; several, comma-separated, make a sheet (at most 32).")
    var at: String

    @Option(help: "Width of each frame in pixels (default 640 for one, 320 for a sheet's tiles).")
    var width: Int?

    @Option(name: .shortAndLong, help: "Where to write the picture: .jpg, .png or .webp.")
    var output: String

    func run() async throws {
        var configuration = try await shared.configuration()
        configuration.allowPrivateSources = true
        let (composition, warnings) = try SpecFile(path: spec).load(configuration)
        for warning in warnings { SharedOptions.printError("reel: warning: \(warning)") }
        let times = at.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard let format = ImageFormat(rawValue: URL(fileURLWithPath: output).pathExtension.lowercased()) else {
            throw ValidationError("--output must end in .jpg, .png or .webp")
        }
        guard !times.contains(nil) else { throw ValidationError("--at must be seconds, comma-separated: 3.5 or 0,1,2") }
        // The composition is the file; the request carries only what the options say.
        let preview = PreviewRequest(composition: .object([:]), times: times.compactMap { $0 }, width: width, format: format)
        let rendered = composition.asRendered
        let problems = preview.problems + preview.problems(for: rendered)
        guard problems.isEmpty else {
            for problem in problems {
                let option = ["width": "--width: ", "time": "--at: ", "times": "--at: "][
                    problem.field.split(separator: "[").first.map(String.init) ?? ""]
                SharedOptions.printError("reel: \(option ?? "\(spec): \(problem.field): ")\(problem.message)")
            }
            throw ExitCode(65)
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("reel-preview-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        configuration.storageURL = "file://" + scratch.appendingPathComponent("objects").path
        let runtime = try ReelRuntime.openRendering(configuration, logger: Logger(label: "reel-preview"))
        do {
            var renderer = runtime.renderer(scratch: scratch.appendingPathComponent("jobs"))
            renderer.fetcher.allowLocalFiles = true
            let image = try await renderer.preview(
                rendered, times: preview.requestedTimes, width: preview.frameWidth(for: rendered), format: format)
            try image.pictures[0].write(to: URL(fileURLWithPath: output))
            let sheet = image.sheet
            let size = "\(sheet.columns * sheet.tileWidth)x\(sheet.rows * sheet.tileHeight)"
            let shown = sheet.tiles.map { NumberText.ffmpeg($0.frameTime) }.joined(separator: ", ")
            print("\(output): \(size), \(sheet.tiles.count == 1 ? "the frame at" : "\(sheet.tiles.count) frames at") \(shown) s")
        } catch {
            await runtime.shutdown()
            throw error
        }
        await runtime.shutdown()
    }
}
