import Foundation
import ReelFuzzTargets
import Testing

/// Every input the fuzzers start from, and every one that ever crashed them (`Tests/Fuzz/TARGET/`),
/// goes through its target again on every test run: a crash fixed stays fixed.
@Suite("Fuzz corpora")
struct FuzzCorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    @Test("each target takes its whole corpus without a trap", arguments: FuzzTarget.allCases)
    func corpus(target: FuzzTarget) throws {
        let folder = Self.root.appendingPathComponent(target.rawValue)
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(!files.isEmpty, "no corpus for \(target.rawValue)")
        for file in files {
            target.run(try Data(contentsOf: file))
        }
    }
}
