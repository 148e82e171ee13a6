import ArgumentParser

/// `reel`: the video composition server, its render workers and tools.
@main
struct ReelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reel",
        abstract: "Reel renders videos described in JSON with FFmpeg.",
        subcommands: [
            ServeCommand.self, WorkCommand.self, MigrateCommand.self, RenderCommand.self, PreviewCommand.self, ValidateCommand.self,
            KeysCommand.self,
        ],
        defaultSubcommand: ServeCommand.self
    )
}
