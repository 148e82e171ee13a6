import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ReelAPI
import ReelApp
import ReelCore
import ReelObjects
import ReelStore
import ReelWorker
import ServiceLifecycle
import UnixSignals

/// `reel serve`: the HTTP API, with render workers in the same process unless `--workers 0`.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the HTTP API (and render).")

    @OptionGroup var shared: SharedOptions

    @Option(help: "Listen address (REEL_HOST).")
    var host: String?

    @Option(help: "Listen port (REEL_PORT).")
    var port: Int?

    @Option(help: "Concurrent renders in this process; 0 serves the API only (REEL_WORKERS).")
    var workers: Int?

    func run() async throws {
        let configuration = try await shared.configuration(
            overrides: ["REEL_HOST": host, "REEL_PORT": port.map(String.init), "REEL_WORKERS": workers.map(String.init)])
        let logger = Logger(label: "reel")
        try await SharedOptions.exitOnProblems {
            let runtime = try ReelRuntime.open(
                configuration, logger: logger, listen: configuration.workers > 0,
                metrics: MetricsRegistry(prometheus: ProcessMetrics.registry))
            try await runtime.closing {
                let services = try await runtime.services(workerSlots: configuration.workers)
                var background: [any Service] = []
                if configuration.workers > 0 {
                    background = try runtime.renderingServices(workers: configuration.workers)
                }
                let app = try runtime.serveApplication(services, background: background)
                logger.info(
                    "reel serving",
                    metadata: [
                        "url": "\(configuration.resolvedPublicURL)", "workers": "\(configuration.workers)",
                        "database": "\(configuration.redactedDatabaseURL)", "storage": "\(configuration.storageURL)",
                        "api_keys": "\(configuration.keysRequired ? "required" : "off (loopback only)")",
                    ]
                )
                try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
            }
        }
    }
}

/// `reel work`: render workers only.
struct WorkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "work", abstract: "Run render workers only.")

    @OptionGroup var shared: SharedOptions

    @Option(help: "Concurrent renders (REEL_WORKERS).")
    var workers: Int?

    func run() async throws {
        let configuration = try await shared.configuration(overrides: ["REEL_WORKERS": workers.map(String.init)])
        let logger = Logger(label: "reel-worker")
        try await SharedOptions.exitOnProblems {
            try await runWorkers(configuration, logger: logger)
        }
    }

    func runWorkers(_ configuration: ReelConfiguration, logger: Logger) async throws {
        let runtime = try ReelRuntime.open(
            configuration, logger: logger, listen: true, metrics: MetricsRegistry(prometheus: ProcessMetrics.registry))
        try await runtime.closing {
            let slots = max(1, configuration.workers)
            let background = try runtime.renderingServices(workers: slots)
            logger.info(
                "reel worker started",
                metadata: [
                    "workers": "\(slots)", "database": "\(configuration.redactedDatabaseURL)",
                    "operations": "\(configuration.metricsPort > 0 ? "\(configuration.host):\(configuration.metricsPort)" : "off")",
                ])
            guard configuration.metricsPort > 0 else {
                return try await runtime.workServiceGroup(background: background).run()
            }
            let app = try runtime.workApplication(
                try await runtime.services(workerSlots: slots), port: configuration.metricsPort, background: background)
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        }
    }
}

/// `reel migrate`: creates or upgrades the database schema.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or upgrade the database schema.")

    @OptionGroup var shared: SharedOptions

    func run() async throws {
        let configuration = try await shared.configuration()
        try await SharedOptions.exitOnProblems {
            let runtime = try ReelRuntime.open(configuration, logger: Logger(label: "reel-migrate"), listen: false)
            try await runtime.closing {
                try await runtime.withMigratedDatabase { _ in
                    try await runtime.objects.ping()
                    try await runtime.seedKeys()
                }
            }
        }
        print("migrated \(configuration.redactedDatabaseURL)")
    }
}
