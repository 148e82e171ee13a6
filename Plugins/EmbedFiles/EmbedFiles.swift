import Foundation
import PackagePlugin

/// Embeds files from the package root into the target it is applied to, so the `reel` binary
/// serves them with nothing beside it: the Studio (`Studio/`: HTML, CSS and JavaScript modules)
/// as `StudioFiles`, and the HTTP contract (`openapi.json`) as `ContractFiles`. Every file is an
/// input: editing one rebuilds its embedding.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL
        let tool = try context.tool(named: "embed-files").url
        return [
            command("StudioFiles", root.appending(path: "Studio"), tool: tool, context: context),
            command("ContractFiles", root.appending(path: "openapi.json"), tool: tool, context: context),
        ]
    }

    func command(_ name: String, _ source: URL, tool: URL, context: PluginContext) -> Command {
        let output = context.pluginWorkDirectoryURL.appending(path: "\(name).swift")
        var inputs: [URL] = []
        if (try? source.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) != true {
            inputs = [source]
        } else if let walker = FileManager.default.enumerator(at: source, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(url)
            }
        }
        return .buildCommand(
            displayName: "Embedding \(source.lastPathComponent) (\(inputs.count) files)",
            executable: tool,
            arguments: [name, source.path, output.path],
            inputFiles: inputs,
            outputFiles: [output]
        )
    }
}
