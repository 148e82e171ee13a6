import Foundation
import ReelCore
import Testing

/// Bodies an attacker would send: every one must come back as field errors (or a decoding
/// error), never a trap that takes the process and its renders down.
@Suite("Hostile request bodies")
struct HostileInputTests {
    static let clipURL = "https://a.example/x.mp4"

    func problems(_ json: String) throws -> [FieldError] {
        CompositionValidator().problems(in: try Fixtures.decode(json))
    }

    @Test(
        "numbers far out of range are named, not converted",
        arguments: [
            (#"{"title":"t","clips":[{"video_url":"\#(clipURL)","start_time":1e19,"end_time":1}]}"#, "clips[0].start_time"),
            (#"{"title":"t","clips":[{"video_url":"\#(clipURL)","start_time":0,"end_time":1,"trim_start":1e19}]}"#, "clips[0].trim_start"),
            (#"{"title":"t","clips":[{"video_url":"\#(clipURL)","start_time":0,"end_time":1,"trim_end":1e300}]}"#, "clips[0].trim_end"),
            (
                #"{"title":"t","clips":[{"video_url":"\#(clipURL)","start_time":0,"end_time":1}],"overlays":[{"text":"x","start_time":1e19}]}"#,
                "overlays[0].start_time"
            ),
            (
                #"{"title":"t","clips":[{"video_url":"\#(clipURL)","start_time":0,"end_time":1}],"overlays":[{"text":"x","end_time":-1e19}]}"#,
                "overlays[0].end_time"
            ),
            (
                #"{"title":"t","clips":[{"video_url":"\#(clipURL)","start_time":0,"end_time":1}],"output":{"bitrate":"1e19"}}"#,
                "output.bitrate"
            ),
            (
                #"{"title":"t","clips":[{"video_url":"\#(clipURL)","start_time":0,"end_time":1}],"output":{"bitrate":"99999999999999M"}}"#,
                "output.bitrate"
            ),
            (
                #"{"title":"t","clips":[{"video_url":"\#(clipURL)","start_time":0,"end_time":1}],"output":{"bitrate":1e19}}"#,
                "output.bitrate"
            ),
            (#"{"title":"t","clips":[{"video_url":"\#(clipURL)","start_time":0,"end_time":1}],"output":{"bitrate":-5}}"#, "output.bitrate"),
            (
                #"{"title":"t","clips":[{"video_url":"\#(clipURL)","start_time":0,"end_time":1}],"overlays":[{"text":"x","font_size":1e19}]}"#,
                "overlays[0].font_size"
            ),
            (
                #"{"title":"t","clips":[{"video_url":"\#(clipURL)","start_time":0,"end_time":1e308,"transition":{"type":"fade","duration":1e19}}]}"#,
                "clips[0].transition.duration"
            ),
        ])
    func outOfRange(json: String, field: String) throws {
        let found = try problems(json)
        #expect(found.map(\.field).contains(field), "\(found)")
    }

    @Test("a fraction where a whole number belongs is named at its field")
    func fractionalFontSize() throws {
        do {
            _ = try Fixtures.decode(
                #"{"title":"t","clips":[{"video_url":"\#(Self.clipURL)","start_time":0,"end_time":1}],"overlays":[{"text":"x","font_size":12.5}]}"#
            )
            Issue.record("decoded a fractional font size")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.codingPath.map(\.stringValue) == ["overlays", "Index 0", "font_size"])
        }
    }

    @Test(
        "a fraction in any whole-number field of the new features is named at its field",
        arguments: [
            (#""clips":[{"video_url":"\#(clipURL)","start_time":0,"end_time":1,"rotate":90.5}]"#, ["clips", "Index 0", "rotate"]),
            (
                #""clips":[{"video_url":"\#(clipURL)","start_time":0,"end_time":1}],"captions":{"cues":[{"start":0,"end":1,"text":"x"}],"style":{"font_size":20.5}}"#,
                ["captions", "style", "font_size"]
            ),
            (
                #""clips":[{"video_url":"\#(clipURL)","start_time":0,"end_time":1}],"output":{"storyboard":{"columns":2.5}}"#,
                ["output", "storyboard", "columns"]
            ),
        ])
    func fractionalWholeNumbers(body: String, path: [String]) throws {
        do {
            _ = try Fixtures.decode(#"{"title":"t",\#(body)}"#)
            Issue.record("decoded a fraction")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.codingPath.map(\.stringValue) == path)
        }
    }

    @Test("asset URLs must carry an asset id", arguments: ["asset://not-a-uuid", "asset://", "asset://../../etc/passwd"])
    func malformedAssets(url: String) throws {
        let found = try problems(#"{"title":"t","clips":[{"video_url":"\#(url)","start_time":0,"end_time":1}]}"#)
        #expect(found.map(\.field) == ["clips[0].video_url"])
        #expect(CompositionValidator.assetID("asset://3F2504E0-4F89-11D3-9A0C-0305E82C3301") != nil)
    }

    @Test("metadata is bounded in depth and size")
    func metadataBounds() throws {
        let deep = String(repeating: "[", count: 11) + String(repeating: "]", count: 11)
        let tooDeep = try problems(
            #"{"title":"t","metadata":\#(deep),"clips":[{"video_url":"\#(Self.clipURL)","start_time":0,"end_time":1}]}"#)
        #expect(tooDeep.map(\.field) == ["metadata"])
        let big = "\"" + String(repeating: "x", count: 20_000) + "\""
        let tooBig = try problems(
            #"{"title":"t","metadata":{"a":\#(big)},"clips":[{"video_url":"\#(Self.clipURL)","start_time":0,"end_time":1}]}"#)
        #expect(tooBig.map(\.field) == ["metadata"])
        let fine = try problems(
            #"{"title":"t","metadata":{"user":{"id":7,"tags":["a","b"]}},"clips":[{"video_url":"\#(Self.clipURL)","start_time":0,"end_time":1}]}"#
        )
        #expect(fine.isEmpty)
    }

    @Test("nesting is measured without parsing, strings and escapes skipped")
    func nesting() {
        let deep = Array((String(repeating: "[", count: 500) + String(repeating: "]", count: 500)).utf8)
        #expect(JSONNesting.exceeds(deep, limit: 16))
        #expect(!JSONNesting.exceeds(Array(#"{"a":[{"b":"[[[[[[[[[[[[[[[[[[[[\"[[[["}]}"#.utf8), limit: 3))
        #expect(JSONNesting.exceeds(Array(#"{"a":[{"b":[1]}]}"#.utf8), limit: 3))
    }

    @Test("unknown fields are collected with their paths")
    func unknownFields() throws {
        let decoder = JSONDecoder()
        let unknown = UnknownFields()
        decoder.userInfo[UnknownFields.userInfoKey] = unknown
        _ = try decoder.decode(
            CompositionRequest.self,
            from: Data(
                #"{"title":"t","colour":1,"clips":[{"video_url":"\#(Self.clipURL)","start_time":0,"end_time":1,"volum":2,"transition":{"type":"fade","speed":1}}],"output":{"fsp":30}}"#
                    .utf8))
        #expect(Set(unknown.all) == ["colour", "clips[0].volum", "clips[0].transition.speed", "output.fsp"])
    }

    /// A seeded stream of hostile variations of the seed's payloads: every number replaced by an
    /// extreme, types swapped, fields dropped. Each variation is decoded, validated and, when
    /// valid, planned; none may trap (a trap would end the test process).
    @Test("no variation of the seed payloads traps the decoder, validator or planner")
    func propertyNoTrap() throws {
        var random = SplitMix64(seed: 0x5EED)
        let extremes: [JSONValue] = [
            .number(1e19), .number(-1e19), .number(1e308), .number(-1e308), .number(0), .number(-0.0), .number(9.2e18),
            .number(.leastNonzeroMagnitude), .number(0.5), .number(-1), .number(2_147_483_648), .string("1e19"), .string("99999999999999M"),
            .string("-5k"), .string(""), .null, .bool(true), .array([]), .object([:]), .string(String(repeating: "9", count: 400)),
        ]
        var decoded = 0
        var planned = 0
        for name in ["simple-2-clip", "complex-5-clip", "complex-10-clip", "burst-1-clip", "sustained-1-clip"] {
            let seed = try JSONDecoder().decode(JSONValue.self, from: try Fixtures.seedPayload(name))
            for _ in 0..<400 {
                let mutated = Self.mutate(seed, extremes: extremes, random: &random)
                let data = try JSONEncoder().encode(mutated)
                guard let request = try? JSONDecoder().decode(CompositionRequest.self, from: data) else { continue }
                decoded += 1
                guard CompositionValidator().problems(in: request).isEmpty else { continue }
                let sources = Fixtures.sources(for: request)
                let timeline = Timeline(clips: request.clips)
                let builder = FilterGraphBuilder(fontFile: "/f.ttf")
                _ = try? builder.plan(for: request, timeline: timeline, sources: sources, outputPath: "/o.mp4")
                _ = try? builder.chunkedPlan(for: request, timeline: timeline, sources: sources, outputPath: "/o.mp4")
                planned += 1
            }
        }
        #expect(decoded > 200)
        #expect(planned > 20)
    }

    static func mutate(_ value: JSONValue, extremes: [JSONValue], random: inout SplitMix64) -> JSONValue {
        switch value {
        case .number, .string, .bool, .null:
            return random.next() % 16 == 0 ? extremes[Int(random.next() % UInt64(extremes.count))] : value
        case .array(let items):
            return .array(items.map { mutate($0, extremes: extremes, random: &random) })
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (key, member) in members where random.next() % 40 != 0 {
                result[key] = mutate(member, extremes: extremes, random: &random)
            }
            return .object(result)
        }
    }
}

/// A small seeded generator, so a failing variation can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension HostileInputTests {
    /// Found by ``propertyNoTrap``: a slot of 5e-324 s left the timeline without pieces and the
    /// planner indexed an empty array.
    @Test("a slot shorter than a frame is refused", arguments: ["5e-324", "0.01", "0.0333"])
    func subFrameSlot(end: String) throws {
        let found = try problems(#"{"title":"t","clips":[{"video_url":"\#(Self.clipURL)","start_time":0,"end_time":\#(end)}]}"#)
        #expect(found.map(\.field) == ["clips[0].end_time"])
        #expect(try problems(#"{"title":"t","clips":[{"video_url":"\#(Self.clipURL)","start_time":0,"end_time":0.034}]}"#).isEmpty)
    }
}
