import ArgumentParser
import Foundation
import Logging
import ReelAPI
import ReelApp
import ReelCore
import ReelStore

/// `reel keys create|list|revoke`: API keys, in the configured database.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Create, list and revoke API keys.",
        subcommands: [Create.self, List.self, Revoke.self])

    /// Runs `body` with the configured database, migrated.
    static func withStore(_ shared: SharedOptions, _ body: @escaping @Sendable (any ReelDatabase) async throws -> Void) async throws {
        let configuration = try await shared.configuration()
        var logger = Logger(label: "reel-keys")
        logger.logLevel = .warning
        try await SharedOptions.exitOnProblems {
            let runtime = try ReelRuntime.open(configuration, logger: logger, listen: false)
            try await runtime.closing { try await runtime.withMigratedDatabase(body) }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a key and print it (it is shown only once).")
        @OptionGroup var shared: SharedOptions
        @Option(help: "A name to tell the key apart.") var name: String
        @Option(help: "read, write, admin or metrics.") var scope: String
        @Option(help: "The tenant its compositions and assets belong to.") var tenant: String = "default"

        func run() async throws {
            guard let scope = KeyScope(rawValue: scope) else {
                throw ValidationError("--scope must be one of \(KeyScope.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard !name.isEmpty, name.count <= 100 else { throw ValidationError("--name must be 1 to 100 characters") }
            let tenant = self.tenant
            let name = self.name
            try await KeysCommand.withStore(shared) { store in
                let (record, secret) = try await APIKeySecret.create(name: name, scope: scope, tenant: tenant, in: store)
                print(secret)
                SharedOptions.printError(
                    "created key \(record.id.uuidString.lowercased()) (\(record.name), \(record.scope.rawValue), tenant \(record.tenant)); "
                        + "store it now: Reel keeps only its hash")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List keys (never their secrets).")
        @OptionGroup var shared: SharedOptions

        func run() async throws {
            try await KeysCommand.withStore(shared) { store in
                for key in try await store.keys() {
                    let state = key.revokedAt == nil ? "active" : "revoked"
                    print(
                        [key.id.uuidString.lowercased(), key.hint, key.name, key.scope.rawValue, key.tenant, state].joined(
                            separator: "\t"))
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key: it stops working at once, in every process.")
        @OptionGroup var shared: SharedOptions
        @Argument(help: "The key's id (from `reel keys list`).") var id: String

        func run() async throws {
            guard let id = UUID(uuidString: id) else { throw ValidationError("\(self.id) is not a key id") }
            try await KeysCommand.withStore(shared) { store in
                guard try await store.revokeKey(id, at: Date()) else {
                    throw ValidationError("no active key \(id.uuidString.lowercased())")
                }
                print("revoked \(id.uuidString.lowercased())")
            }
        }
    }
}
