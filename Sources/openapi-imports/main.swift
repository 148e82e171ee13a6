import Foundation

// openapi-imports GENERATOR DOCUMENT CONFIG WORK OUT FILE…: runs swift-openapi-generator on
// DOCUMENT with CONFIG into WORK, then copies each generated FILE to OUT with its
// `public import` lines written as plain imports, which Swift 6 without
// InternalImportsByDefault makes public all the same: Swift 6.3 warns about a public import a
// file's public declarations do not use, and the generator silences that only from Swift 6.4 on.
// WORK's files are not the build's outputs, so only OUT's are compiled.
let arguments = CommandLine.arguments
guard arguments.count >= 7 else {
    FileHandle.standardError.write(Data("usage: openapi-imports GENERATOR DOCUMENT CONFIG WORK OUT FILE...\n".utf8))
    exit(64)
}
let (work, output) = (URL(fileURLWithPath: arguments[4]), URL(fileURLWithPath: arguments[5]))
let generator = Process()
generator.executableURL = URL(fileURLWithPath: arguments[1])
generator.arguments = [
    "generate", arguments[2], "--config", arguments[3], "--output-directory", work.path, "--plugin-source", "build",
]
try generator.run()
generator.waitUntilExit()
guard generator.terminationStatus == 0 else { exit(generator.terminationStatus) }
try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
for name in arguments.dropFirst(6) {
    let text = try String(contentsOf: work.appending(path: name), encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
        if line.hasPrefix("public import ") { return line.dropFirst("public ".count) }
        if line.hasPrefix("@_spi(Generated) public import ") {
            return "@_spi(Generated) " + line.dropFirst("@_spi(Generated) public ".count)
        }
        return line
    }
    try Data(lines.joined(separator: "\n").utf8).write(to: output.appending(path: name), options: .atomic)
}
