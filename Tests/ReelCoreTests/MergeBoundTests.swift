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

    @Test("placeholders are read in one pass: braces, spaces and combining marks as before; uses are counted and capped")
    func scanning() throws {
        let values: [String: JSONValue] = ["A": .string("a")]
        #expect(try Merge.apply(values, to: .string("{{{A}}} {{ A }} {{A"), maxBytes: 1000) == .string("{{{A}}} a {{A"))
        #expect(try Merge.apply(values, to: .string("x{{A}}\u{301}y"), maxBytes: 1000) == .string("xa\u{301}y"))
        #expect(try Merge.apply(values, to: .string("{{\tA\u{A0}}}"), maxBytes: 1000) == .string("a"))
        let many = JSONValue.object(["d": .string(String(repeating: "{{A}}", count: InputLimits.placeholderUses + 1))])
        let found = Merge.placeholders(in: many)
        #expect(found.count == InputLimits.placeholderUses + 1 && found.first == ["A": "d"])
        #expect(Merge.tooManyUses(found.count, at: "composition")?.field == "composition")
        #expect(Merge.tooManyUses(InputLimits.placeholderUses, at: "composition") == nil)
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
