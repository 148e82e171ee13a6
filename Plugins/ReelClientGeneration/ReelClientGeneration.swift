import Foundation
import PackagePlugin

/// Generates the ReelClient library's types and client from the repository's `openapi.json` with
/// swift-openapi-generator (settings in `clients/swift-generator.yaml`), at build time, so the
/// client cannot drift from the contract. `openapi-imports` runs the generator and writes its
/// `public import`s as plain imports: Swift 6.3 warns where a file's public declarations do not
/// use the module, and the generator silences that only from Swift 6.4 on.
@main
struct ReelClientGeneration: BuildToolPlugin {
    /// The files swift-openapi-generator writes for `types` and `client`.
    static let files = [
        "Types.swift", "Types+Components.swift", "Types+Operations.swift", "Types+Components+Schemas.swift",
        "Types+Components+Parameters.swift", "Types+Components+RequestBodies.swift", "Types+Components+Responses.swift",
        "Types+Components+Headers.swift", "Client.swift", "Server.swift",
    ]

    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL
        let document = root.appending(path: "openapi.json")
        let settings = root.appending(path: "clients/swift-generator.yaml")
        let raw = context.pluginWorkDirectoryURL.appending(path: "Generated")
        let final = context.pluginWorkDirectoryURL.appending(path: "Sources")
        return [
            .buildCommand(
                displayName: "Generating the Swift client from openapi.json",
                executable: try context.tool(named: "openapi-imports").url,
                arguments: [
                    try context.tool(named: "swift-openapi-generator").url.path, document.path, settings.path, raw.path, final.path,
                ] + Self.files,
                inputFiles: [document, settings],
                outputFiles: Self.files.map { final.appending(path: $0) }
            )
        ]
    }
}
