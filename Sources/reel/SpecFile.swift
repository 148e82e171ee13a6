import ArgumentParser
import Foundation
import ReelAPI
import ReelCore

/// A composition file given on the command line, read and checked as the API would: every
/// problem printed as `field: message` on standard error, then exit 65 (EX_DATAERR); a file
/// that cannot be read exits 66 (EX_NOINPUT).
struct SpecFile {
    let path: String

    /// The composition, its local paths resolved beside the file, and the warnings an API answer would carry.
    func load(_ configuration: ReelConfiguration) throws -> (composition: CompositionRequest, warnings: [String]) {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            SharedOptions.printError("reel: \(path): \(FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")")
            throw ExitCode(66)
        }
        do {
            var (composition, unknown) = try CompositionDocument.decode(data, maxBytes: configuration.maxBodyBytes)
            composition.resolveLocalPaths(relativeTo: url.deletingLastPathComponent())
            let problems = CompositionValidator(limits: configuration.limits, allowFiles: true).problems(in: composition)
            if !problems.isEmpty { throw ReelError.validation(problems) }
            return (composition, UnknownFields.warnings(unknown))
        } catch let error as ReelError {
            for problem in error.details { SharedOptions.printError("\(path): \(problem.field): \(problem.message)") }
            if error.details.isEmpty { SharedOptions.printError("\(path): \(error.message)") }
            throw ExitCode(65)
        }
    }
}
