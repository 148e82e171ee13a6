import Foundation
import ReelCore
import Testing

/// A merge is measured while it is built: no value, however often it is used, grows a
/// composition past the body limit.
@Suite("Merge bounds")
struct MergeBoundTests {
    static let limit = 1 << 20

    @Test("a value repeated inside strings or as whole values stops the merge at the bound, naming it")
    func amplification() {
        let big = JSONValue.string(String(repeating: "a", count: 1_000_000))
        let inText = JSONValue.object(["title": .string(String(repeating: "{{A}}", count: 2000))])
        let asValues = JSONValue.object(["metadata": .array(Array(repeating: .string("{{A}}"), count: 2000))])
        for composition in [inText, asValues] {
            #expect(throws: Merge.Overflow(name: "A", maxBytes: Self.limit)) {
                try Merge.apply(["A": big], to: composition, maxBytes: Self.limit)
            }
        }
        // The same shapes within the bound merge as before, text in place and values kept whole.
        let small = try? Merge.apply(["A": .number(2)], to: .array([.string("{{A}}"), .string("x {{A}} {{B}}")]), maxBytes: Self.limit)
        #expect(small == .array([.number(2), .string("x 2 {{B}}")]))
    }

    @Test("a template's defaults are merged within the same bound")
    func templateDefaults() throws {
        let body = TemplateBody(
            name: "t", composition: .object(["metadata": .array(Array(repeating: .string("{{A}}"), count: 100))]),
            mergeFields: ["A": MergeField(type: .text, defaultValue: .string(String(repeating: "d", count: 50_000)))])
        #expect(throws: Merge.Overflow(name: "A", maxBytes: 1 << 20)) { try body.sampleComposition(maxBytes: 1 << 20) }
        #expect(try body.sampleComposition(maxBytes: 10 << 20) != .null)
    }
}
