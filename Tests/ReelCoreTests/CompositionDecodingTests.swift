import Foundation
import ReelCore
import Testing

@Suite("Decoding and validating compositions")
struct CompositionDecodingTests {
    @Test(
        "the seed's payloads are accepted as they are",
        arguments: ["simple-2-clip", "complex-5-clip", "complex-10-clip", "burst-1-clip", "sustained-1-clip"]
    )
    func seedPayloads(name: String) throws {
        let request = try JSONDecoder().decode(CompositionRequest.self, from: try Fixtures.seedPayload(name))
        #expect(CompositionValidator().problems(in: request).isEmpty)
        #expect(request.output.bitrate?.bitsPerSecond ?? 0 >= 2_000_000)
        #expect(request.duration == request.clips.map(\.endTime).max())
    }

    @Test("the 10-clip payload keeps its overlays, colours and audio")
    func complexDetails() throws {
        let request = try JSONDecoder().decode(CompositionRequest.self, from: try Fixtures.seedPayload("complex-10-clip"))
        #expect(request.clips.count == 10)
        #expect(request.overlays.map(\.position) == [.topCenter, .bottomCenter, .center])
        #expect(request.overlays.map(\.fontColor) == ["white", "yellow", "white"])
        #expect(request.audio.voiceoverURL == "https://test-bucket.s3.amazonaws.com/voice.mp3")
        #expect(request.audio.musicVolume == 0.3)
        #expect(request.output.size! == (1920, 1080))
        #expect(request.sourceURLs.count == 12)
    }

    @Test(
        "bitrate as a number or a string",
        arguments: [("2000000", 2_000_000), ("\"2000k\"", 2_000_000), ("\"5M\"", 5_000_000), ("\"1.5M\"", 1_500_000)])
    func bitrates(text: String, expected: Int) throws {
        let request = try Fixtures.decode(
            #"{"title":"t","clips":[{"video_url":"https://x.test/a.mp4","start_time":0,"end_time":1}],"output":{"bitrate":\#(text)}}"#
        )
        #expect(request.output.bitrate?.bitsPerSecond == expected)
    }

    @Test("defaults fill what a minimal body leaves out")
    func defaults() throws {
        let request = try Fixtures.decode(#"{"title":"t","clips":[{"video_url":"https://x.test/a.mp4","start_time":0,"end_time":2}]}"#)
        #expect(request.priority == .default)
        #expect(request.output.resolution == "720p")
        #expect(request.output.format == .mp4)
        #expect(request.output.fps == 30)
        #expect(request.clips[0].trimDuration == 2)
        #expect(request.audio.originalAudioVolume == 1)
    }

    func problems(_ json: String) throws -> [FieldError] {
        CompositionValidator().problems(in: try Fixtures.decode(json))
    }

    @Test("overlapping slots are refused, naming the clip")
    func overlap() throws {
        let found = try problems(
            #"{"title":"t","clips":[{"video_url":"https://x.test/a.mp4","start_time":0,"end_time":5},{"video_url":"https://x.test/b.mp4","start_time":4,"end_time":8}]}"#
        )
        #expect(found.map(\.field) == ["clips[1].start_time"])
        #expect(found.first?.errorType == "overlap")
    }

    @Test("a transition may ask for exactly its overlap")
    func transitionOverlap() throws {
        let found = try problems(
            #"{"title":"t","clips":[{"video_url":"https://x.test/a.mp4","start_time":0,"end_time":5},{"video_url":"https://x.test/b.mp4","start_time":4,"end_time":8,"transition":{"type":"fade","duration":1}}]}"#
        )
        #expect(found.isEmpty)
    }

    @Test("every bad field is named with its path")
    func fieldPaths() throws {
        let found = try problems(
            #"""
            {"title":"","clips":[{"video_url":"ftp://x/a.mp4","start_time":-1,"end_time":2},
              {"video_url":"https://x.test/b.mp4","start_time":3,"end_time":2,"trim_start":4,"trim_end":1}],
             "overlays":[{"text":"hi","font_color":"notacolour","font_size":4}],
             "audio":{"music_volume":3},
             "output":{"resolution":"huge","fps":120,"bitrate":10}}
            """#
        )
        let fields = Set(found.map(\.field))
        for expected in [
            "title", "clips[0].video_url", "clips[0].start_time", "clips[1].end_time", "clips[1].trim_end",
            "overlays[0].font_color", "overlays[0].font_size", "audio.music_volume", "output.resolution", "output.fps",
            "output.bitrate",
        ] {
            #expect(fields.contains(expected), "missing \(expected) in \(fields.sorted())")
        }
    }

    @Test(
        "clip effects are checked field by field",
        arguments: [
            (#""speed":0.2"#, "clips[0].speed"), (#""speed":5"#, "clips[0].speed"), (#""rotate":45"#, "clips[0].rotate"),
            (#""crop":{"x":0.6,"width":0.5}"#, "clips[0].crop.width"), (#""crop":{"height":0}"#, "clips[0].crop.height"),
            (#""crop":{"y":-0.1,"height":0.5}"#, "clips[0].crop.y"), (#""fade_in":3,"fade_out":3"#, "clips[0].fade_out"),
            (#""fade_in":-1"#, "clips[0].fade_in"), (#""reverse":true,"trim_end":90"#, "clips[0].reverse"),
        ])
    func clipEffects(fields: String, expected: String) throws {
        let found = try problems(
            #"{"title":"t","clips":[{"video_url":"https://x.test/a.mp4","start_time":0,"end_time":5,\#(fields)}]}"#
        )
        #expect(found.map(\.field) == [expected])
    }

    @Test("speed and reverse are for video clips; effects decode with their defaults")
    func effectDefaults() throws {
        let still = try problems(
            #"{"title":"t","clips":[{"image_url":"https://x.test/a.png","start_time":0,"end_time":5,"speed":2,"reverse":true}]}"#
        )
        #expect(Set(still.map(\.field)) == ["clips[0].speed", "clips[0].reverse"])
        let request = try Fixtures.decode(
            #"{"title":"t","clips":[{"video_url":"https://x.test/a.mp4","start_time":0,"end_time":4,"speed":2,"look":"sepia","flip":"both","rotate":270.0,"crop":{"x":0.1}}]}"#
        )
        let clip = request.clips[0]
        #expect(clip.trimDuration == 8, "two seconds of source per second of slot")
        #expect(clip.look == .sepia && clip.flip == .both && clip.rotate == 270 && clip.crop == Crop(x: 0.1))
        #expect(clip.hasEffects && !Clip(videoURL: "https://x.test/a.mp4", startTime: 0, endTime: 1).hasEffects)
        #expect(CompositionValidator().problems(in: request).isEmpty)
    }

    @Test("limits are configurable")
    func limits() throws {
        let request = try Fixtures.decode(
            #"{"title":"t","clips":[{"video_url":"https://x.test/a.mp4","start_time":0,"end_time":20}]}"#
        )
        let found = CompositionValidator(limits: CompositionLimits(maxDuration: 10)).problems(in: request)
        #expect(found.map(\.field) == ["clips[0].end_time"])
    }

    @Test(
        "colours by name or hex", arguments: [("white", "ffffff"), ("Yellow", "ffff00"), ("#FF8800", "ff8800"), ("#11223380", "11223380")])
    func colours(text: String, hex: String) {
        #expect(Color(text)?.hex == hex)
    }

    @Test("unknown colours are refused", arguments: ["blurple", "#12345", "ff0000", ""])
    func badColours(text: String) {
        #expect(Color(text) == nil)
    }

    @Test("posters and storyboards are checked: time within the video, tiles bounded, no picture in audio")
    func validation() throws {
        func fields(_ output: String) throws -> [String] {
            CompositionValidator().problems(
                in: try Fixtures.decode(
                    #"{"title":"t","clips":[{"video_url":"https://x.test/a.mp4","start_time":0,"end_time":5}],"output":\#(output)}"#)
            ).map(\.field)
        }
        #expect(try fields(#"{"poster":{"time":5}}"#) == ["output.poster.time"])
        #expect(try fields(#"{"poster":{"time":4.9,"format":"png"},"storyboard":{}}"#).isEmpty)
        #expect(try fields(#"{"format":"mp3","poster":{},"storyboard":{}}"#) == ["output.poster", "output.storyboard"])
        #expect(try fields(#"{"storyboard":{"interval":0.001}}"#) == ["output.storyboard.interval"])
        #expect(try fields(#"{"storyboard":{"columns":0,"width":5000}}"#) == ["output.storyboard.columns", "output.storyboard.width"])
    }

    @Test("overlay kinds, keys and text animations are checked field by field")
    func overlayStyles() throws {
        func fields(_ overlay: String) throws -> [String] {
            CompositionValidator().problems(
                in: try Fixtures.decode(
                    #"{"title":"t","clips":[{"video_url":"https://x.test/a.mp4","start_time":0,"end_time":5}],"overlays":[\#(overlay)]}"#)
            ).map(\.field)
        }
        #expect(try fields(#"{"video_url":"https://x.test/b.mp4","chroma_key":{},"volume":0.5,"trim_start":1}"#).isEmpty)
        #expect(try fields(#"{"text":"x","video_url":"https://x.test/b.mp4"}"#) == ["overlays[0].video_url"])
        #expect(
            try fields(#"{"image_url":"https://x.test/b.png","chroma_key":{"color":"nope","similarity":0}}"#)
                == ["overlays[0].chroma_key.color", "overlays[0].chroma_key.similarity"])
        #expect(try fields(#"{"text":"x","chroma_key":{}}"#) == ["overlays[0].chroma_key"])
        #expect(
            try fields(#"{"text":"x","animation":{"in":{"type":"slide_up","duration":1},"out":{"type":"zoom"}},"stroke":{},"shadow":{}}"#)
                .isEmpty)
        #expect(
            try fields(#"{"text":"x","end_time":1,"animation":{"in":{"type":"fade","duration":0.8},"out":{"type":"fade","duration":0.8}}}"#)
                == ["overlays[0].animation"])
        #expect(try fields(#"{"text":"x","animation":{"out":{"type":"typewriter"}}}"#) == ["overlays[0].animation.out.type"])
        #expect(
            try fields(#"{"image_url":"https://x.test/b.png","stroke":{},"shadow":{"x":99}}"#)
                == ["overlays[0].stroke", "overlays[0].shadow", "overlays[0].shadow.x"])
    }

    @Test("renditions go with mp4 or hls, name known sizes once, none larger than the output")
    func renditions() throws {
        func fields(_ output: String) throws -> [String] {
            CompositionValidator().problems(
                in: try Fixtures.decode(
                    #"{"title":"t","clips":[{"video_url":"https://x.test/a.mp4","start_time":0,"end_time":5}],"output":\#(output)}"#)
            ).map(\.field)
        }
        #expect(try fields(#"{"resolution":"1080p","format":"hls","renditions":["1080p","720p","360p"]}"#).isEmpty)
        #expect(try fields(#"{"format":"hls"}"#).isEmpty)
        #expect(try fields(#"{"format":"webm","renditions":["720p"]}"#) == ["output.renditions"])
        #expect(try fields(#"{"resolution":"720p","renditions":["1080p"]}"#) == ["output.renditions"])
        #expect(try fields(#"{"renditions":["720p","720P"]}"#) == ["output.renditions"])
        #expect(try fields(#"{"renditions":["huge"]}"#) == ["output.renditions"])
        #expect(try fields(#"{"renditions":[]}"#) == ["output.renditions"])
        let output = try Fixtures.decode(
            #"{"title":"t","clips":[{"video_url":"https://x.test/a.mp4","start_time":0,"end_time":5}],"output":{"resolution":"1080p","aspect_ratio":"9:16","format":"hls","renditions":["360p","1080p"]}}"#
        ).output
        #expect(output.ladder == [Rendition(name: "1080p", width: 1080, height: 1920), Rendition(name: "360p", width: 360, height: 640)])
    }
}
