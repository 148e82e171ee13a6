import ArgumentParser
import Foundation
import ReelCore

/// Options every subcommand takes; each overrides its environment variable.
struct SharedOptions: ParsableArguments {
    @Option(help: "Folder of the embedded database, objects and scratch files (REEL_DATA_DIR).")
    var dataDir: String?

    @Option(help: "sqlite://PATH or postgres://… (REEL_DATABASE_URL).")
    var databaseURL: String?

    @Option(help: "file://PATH or s3://bucket[/prefix] (REEL_STORAGE_URL).")
    var storageURL: String?

    /// The configuration from the environment with these flags applied.
    func configuration(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> ReelConfiguration {
        var environment = environment
        if let dataDir { environment["REEL_DATA_DIR"] = dataDir }
        if let databaseURL { environment["REEL_DATABASE_URL"] = databaseURL }
        if let storageURL { environment["REEL_STORAGE_URL"] = storageURL }
        return ReelConfiguration(environment: environment)
    }
}
