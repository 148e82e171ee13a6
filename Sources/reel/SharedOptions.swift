import ArgumentParser
import Foundation
import Logging
import ReelCore

/// Options every subcommand takes; each overrides its environment variable.
struct SharedOptions: ParsableArguments {
    @Option(help: "Folder of the embedded database, objects and scratch files (REEL_DATA_DIR).")
    var dataDir: String?

    @Option(help: "sqlite://PATH or postgres://… (REEL_DATABASE_URL).")
    var databaseURL: String?

    @Option(help: "file://PATH or s3://bucket[/prefix] (REEL_STORAGE_URL).")
    var storageURL: String?

    /// The configuration from the environment with these flags (and a command's own, in
    /// `overrides`) applied. Invalid settings print one line each and exit with 78 (EX_CONFIG)
    /// before anything starts; unknown `REEL_*` variables are warned about.
    func configuration(
        _ environment: [String: String] = ProcessInfo.processInfo.environment,
        overrides: [String: String?] = [:]
    ) async throws -> ReelConfiguration {
        var environment = environment
        if let dataDir { environment["REEL_DATA_DIR"] = dataDir }
        if let databaseURL { environment["REEL_DATABASE_URL"] = databaseURL }
        if let storageURL { environment["REEL_STORAGE_URL"] = storageURL }
        for case (let name, let value?) in overrides { environment[name] = value }
        let configuration = ReelConfiguration(environment: environment)
        let warnings = configuration.unknownVariables.map { "\($0) is not a setting Reel reads (a typo?); it is ignored" }
        if !configuration.problems.isEmpty {
            for warning in warnings { Self.printError("reel: warning: \(warning)") }
        }
        let valid = try await Self.exitOnProblems { try configuration.validated() }
        // Once Reel runs, warnings are log lines: JSON ones with REEL_LOG_FORMAT=json.
        Self.bootstrapLogging(valid)
        ProcessMetrics.bootstrap(valid)
        let logger = Logger(label: "reel")
        for warning in warnings { logger.warning("\(warning)") }
        return valid
    }

    /// Every logger from here on writes at `REEL_LOG_LEVEL`, as `REEL_LOG_FORMAT` says.
    static func bootstrapLogging(_ configuration: ReelConfiguration) {
        let level = Logger.Level(rawValue: configuration.logLevel) ?? .info
        let json = configuration.logFormat == "json"
        LoggingSystem.bootstrap { label in
            ReelLogHandler(label: label, format: json ? .json : .text, logLevel: level)
        }
    }

    /// Runs `body`; settings it finds unusable are printed, one line each, and end the process with 78.
    static func exitOnProblems<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as SettingsError {
            for problem in error.problems { printError("reel: \(problem)") }
            throw ExitCode(78)
        }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
