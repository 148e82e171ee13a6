import ArgumentParser
import Foundation
import ReelCore

/// `reel validate spec.json`: the problems `POST /api/v1/compositions` would answer, by field;
/// exit 0 when there are none, 65 when there are.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check a composition file as the API would, without rendering it.")

    @OptionGroup var shared: SharedOptions

    @Argument(help: "The composition JSON (as POSTed to /api/v1/compositions).")
    var spec: String

    func run() async throws {
        let configuration = try await shared.configuration()
        let (composition, warnings) = try SpecFile(path: spec).load(configuration)
        for warning in warnings { SharedOptions.printError("\(spec): warning: \(warning)") }
        print("\(spec): valid, \(String(format: "%.2f", composition.duration)) s")
    }
}
