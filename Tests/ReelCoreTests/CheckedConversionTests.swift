import ReelCore
import Testing

@Suite("Checked conversions from Double")
struct CheckedConversionTests {
    @Test(
        "checked refuses what would trap; clamping holds it in range",
        arguments: [
            (Double.nan, nil, 0), (.infinity, nil, .max), (-.infinity, nil, .min), (1e19, nil, .max), (-1e19, nil, .min),
            (0x1p63, nil, .max), (2.9, 2, 2), (-2.9, -2, -2), (.leastNonzeroMagnitude, 0, 0), (0, 0, 0),
        ] as [(Double, Int?, Int)])
    func int(value: Double, checked: Int?, clamped: Int) {
        #expect(Int(checked: value) == checked)
        #expect(Int(clamping: value) == clamped)
    }

    @Test("every width is bounded by its own range")
    func widths() {
        #expect(Int32(checked: 3e9) == nil)
        #expect(Int32(clamping: 3e9) == .max)
        #expect(UInt8(clamping: -1) == 0)
        #expect(UInt8(checked: 255.5) == 255)
        #expect(Int64(clamping: -Double.greatestFiniteMagnitude) == .min)
    }
}
