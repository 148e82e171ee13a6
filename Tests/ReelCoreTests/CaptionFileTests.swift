import Foundation
import ReelCore
import Testing

@Suite("Caption files")
struct CaptionFileTests {
    @Test("SRT with CRLF, tags and a BOM; WebVTT with a header, notes, identifiers and cue settings")
    func reads() throws {
        let srt = try CaptionFile.parse(
            "\u{FEFF}1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>Hi</i> &amp; bye\r\n\r\n2\r\n01:00:00,000 --> 01:00:01,000\r\nlater\r\n")
        #expect(srt == [CaptionCue(start: 1, end: 2.5, text: "Hi & bye"), CaptionCue(start: 3600, end: 3601, text: "later")])
        let vtt = try CaptionFile.parse(
            "WEBVTT - a title\nKind: captions\n\nNOTE a comment\nspanning lines\n\nintro\n00:01.500 --> 00:03.000 align:start line:0\n<v Ann>Two</v>\nlines\n"
        )
        #expect(vtt == [CaptionCue(start: 1.5, end: 3, text: "Two\nlines")])
    }

    @Test(
        "a file that cannot be read names the cue and its line",
        arguments: [
            ("1\n00:00:01,000 --> 00:00:00,500\nbackwards\n", "cue 1 (line 2): ends at 00:00:00,500"),
            (
                "1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:xx,000 --> 00:00:03,000\nbad\n",
                "cue 2 (line 6): cannot read the start time"
            ),
            ("WEBVTT\n\njust text\n", "cue 1 (line 3): no \"start --> end\" timing line"),
            ("WEBVTT\n", "the file holds no cues"),
            ("1\n00:00:01,000 --> 00:61:00,000\nx\n", "cue 1 (line 2): cannot read the end time"),
        ])
    func refuses(text: String, message: String) {
        #expect {
            _ = try CaptionFile.parse(text)
        } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }

    @Test("the WebVTT written reads back to the same cues, markup characters kept as text")
    func roundTrip() throws {
        let cues = [CaptionCue(start: 0.25, end: 1, text: "a <b> & c --> d"), CaptionCue(start: 62.5, end: 3725.125, text: "two\nlines")]
        let written = CaptionFile.webVTT(cues)
        #expect(written.hasPrefix("WEBVTT\n"))
        #expect(try CaptionFile.parse(written) == cues)
    }

    func problems(_ captions: String) throws -> [String] {
        CompositionValidator().problems(
            in: try Fixtures.decode(
                #"{"title":"t","clips":[{"video_url":"https://x.test/a.mp4","start_time":0,"end_time":5}],"captions":\#(captions)}"#)
        ).map(\.field)
    }

    @Test("captions are checked field by field")
    func validation() throws {
        #expect(try problems(#"{"cues":[{"start":0,"end":1,"text":"ok"}]}"#).isEmpty)
        #expect(try problems(#"{"url":"https://x.test/c.srt","sidecar":true,"burn":false}"#).isEmpty)
        #expect(try problems(#"{}"#) == ["captions.url"])
        #expect(try problems(#"{"url":"ftp://x/c.srt"}"#) == ["captions.url"])
        #expect(try problems(#"{"url":"https://x.test/c.srt","cues":[]}"#) == ["captions.cues"])
        #expect(
            try problems(#"{"cues":[{"start":0,"end":1,"text":"a"},{"start":2,"end":1,"text":" "}]}"#) == [
                "captions.cues[1].end", "captions.cues[1].text",
            ])
        #expect(try problems(#"{"cues":[{"start":0,"end":1,"text":"a"}],"burn":false}"#) == ["captions.burn"])
        #expect(
            try problems(
                #"{"cues":[{"start":0,"end":1,"text":"a"}],"style":{"font_size":4,"font_color":"nope","max_width":0.1,"outline":30}}"#)
                == ["captions.style.font_size", "captions.style.font_color", "captions.style.outline", "captions.style.max_width"])
    }

    @Test(
        "a time past 24 hours is refused at its cue and line, however it is written",
        arguments: [
            "1\n00:00:00,000 --> 9999999999999999999999999:00:00,000\nboom\n",
            "1\n00:00:00,000 --> \(String(repeating: "9", count: 400)):00:00,000\nboom\n",
            "WEBVTT\n\n00:00.000 --> 24:00:00.001\nlate\n",
        ])
    func beyondADay(text: String) {
        #expect {
            _ = try CaptionFile.parse(text)
        } throws: { error in
            "\(error)".hasPrefix("cue 1 (line ") && ("\(error)".contains("later than 24 hours") || "\(error)".contains("cannot read"))
        }
        #expect((try? CaptionFile.parse("1\n23:59:59,000 --> 24:00:00,000\nlast\n"))?.count == 1)
    }

    @Test("cue text reaches a caption file only as lines: every break splits, blanks and controls go")
    func lines() {
        #expect(
            CaptionFile.lines(of: "a\r\nb\rc\u{0B}d\u{0C}e\u{85}f\u{2028}g\u{2029}h\n\n\ni") == [
                "a", "b", "c", "d", "e", "f", "g", "h", "i",
            ])
        #expect(CaptionFile.lines(of: "tab\there\u{0}\u{7}\u{1B}[31m\u{9B}x") == ["tab here[31mx"])
        #expect(CaptionFile.lines(of: "\r\n\n").isEmpty)
    }

    @Test("no cue text can end its cue or start another in the WebVTT written")
    func webVTTInjection() throws {
        let hostile = [
            CaptionCue(start: 0, end: 1, text: "ok\r\n\r\n00:00:00.000 --> 09:00:00.000\nINJECTED"),
            CaptionCue(start: 1, end: 2, text: "NOTE\n\nSTYLE\n::cue { color: red }"),
            CaptionCue(start: 2, end: 3, text: "\u{2028}\u{2029}x"),
        ]
        let written = CaptionFile.webVTT(hostile)
        let blocks = written.components(separatedBy: "\n\n")
        #expect(blocks.count == 1 + hostile.count, "\(written)")
        #expect(written.components(separatedBy: "-->").count - 1 == hostile.count)
        #expect(try CaptionFile.parse(written).map(\.start) == [0, 1, 2])
    }

    @Test("a cue's line breaks and braces cannot add a line, a section or an override to the ASS script")
    func assInjection() throws {
        let cues = [
            CaptionCue(start: 0, end: 1, text: "ok\r\nDialogue: 0,0:00:00.00,9:00:00.00,Default,,0,0,0,,INJECTED"),
            CaptionCue(start: 1, end: 2, text: "x\r[V4+ Styles]\u{2028}Style: Default,DejaVu Sans,999\n{\\fs999}\\N[Fonts]"),
        ]
        let request = CompositionRequest(
            title: "t", clips: [Clip(videoURL: "https://x.test/a.mp4", startTime: 0, endTime: 3)], captions: Captions(cues: cues))
        let plan = try FilterGraphBuilder(fontFile: "/f.ttf").plan(
            for: request, timeline: Timeline(clips: request.clips), sources: Fixtures.sources(for: request), outputPath: "/o.mp4")
        let script = try #require(plan.files["captions.ass"])
        let lines = script.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("Dialogue:") }.count == 2, "\(script)")
        #expect(lines.filter { $0.hasPrefix("[") } == ["[Script Info]", "[V4+ Styles]", "[Events]"])
        #expect(lines.filter { $0.hasPrefix("Style:") }.count == 1)
        #expect(!script.contains("{\\fs"), "an override tag survived")
    }
}
