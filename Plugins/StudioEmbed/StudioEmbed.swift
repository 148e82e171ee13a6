import Foundation
import PackagePlugin

/// Embeds the Studio (`Studio/` at the package root: HTML, CSS and JavaScript modules) into the
/// target it is applied to as `StudioFiles.swift`, so the `reel` binary serves it with nothing
/// beside it. Every file is an input: editing one rebuilds the embedding.
@main
struct StudioEmbed: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Studio")
        let output = context.pluginWorkDirectoryURL.appending(path: "StudioFiles.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding the Studio (\(inputs.count) files)",
                executable: try context.tool(named: "studio-embed").url,
                arguments: [folder.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
