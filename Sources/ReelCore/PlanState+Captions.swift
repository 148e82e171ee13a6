import Foundation

extension PlanState {
    /// Burns the cues into `video` with libass, from an ASS script written beside the plan.
    /// `offset` is where this graph's frame 0 sits on the timeline (a segment's start) and
    /// `length` how long it runs; every cue's first and last frame are fixed by frame index,
    /// and its ASS times fall half a frame before them, so centisecond rounding never moves a cue.
    mutating func addCaptions(
        _ style: CaptionStyle,
        cues: [CaptionCue],
        on video: String,
        offset: Double,
        length: Double,
        fontFile: String,
        directory: String,
        fileName: String = "captions.ass"
    ) -> String {
        let frames = Int(clamping: (length * fps).rounded())
        var events = ""
        for cue in cues {
            let first = max(0, Int(clamping: ((cue.start - offset) * fps - 1e-6).rounded(.up)))
            let last = min(frames, Int(clamping: ((cue.end - offset) * fps - 1e-6).rounded(.up)))
            let text = Self.assText(cue.text)
            guard last > first, !text.isEmpty else { continue }
            let start = first == 0 ? 0 : (Double(first) - 0.5) / fps
            let end = (Double(last) - 0.5) / fps
            events += "Dialogue: 0,\(Self.assTime(start)),\(Self.assTime(end)),Default,,0,0,0,,\(text)\n"
        }
        guard !events.isEmpty else { return video }
        let size = style.fontSize ?? max(8, height / 18)
        let side = Int(clamping: (Double(width) * (1 - style.maxWidth) / 2).rounded())
        let box = style.backgroundColor.flatMap(Color.init)
        let outline = box?.ass ?? Color(style.outlineColor)?.ass ?? "&H00000000"
        let border = box == nil ? NumberText.ffmpeg(style.outline) : String(max(2, size / 4))
        let primary = Color(style.fontColor)?.ass ?? "&H00FFFFFF"
        let script = """
            [Script Info]
            ScriptType: v4.00+
            PlayResX: \(width)
            PlayResY: \(height)
            WrapStyle: 0
            ScaledBorderAndShadow: yes

            [V4+ Styles]
            Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
            Style: Default,DejaVu Sans,\(size),\(primary),\(primary),\(outline),\(outline),1,0,0,0,100,100,0,0,\(box == nil ? 1 : 3),\(border),0,\(Self.alignment(style.position)),\(side),\(side),\(Int(clamping: (Double(height) * 0.05).rounded())),1

            [Events]
            Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
            \(events)
            """
        files[fileName] = script
        let fonts = URL(fileURLWithPath: fontFile).deletingLastPathComponent().path
        graph.add([video], [.init("ass", [("filename", directory + "/" + fileName), ("fontsdir", fonts)])], ["captioned"])
        effect("captions_burned")
        return "captioned"
    }

    /// ASS's `h:mm:ss.cc`.
    static func assTime(_ seconds: Double) -> String {
        let centis = Int(clamping: (max(0, seconds) * 100).rounded())
        return String(format: "%d:%02d:%02d.%02d", centis / 360_000, centis / 6000 % 60, centis / 100 % 60, centis % 100)
    }

    /// Cue text drawn literally: braces escaped, a backslash kept from starting a tag, the lines of
    /// ``CaptionFile/lines(of:)`` joined by `\N`, so nothing in it can start a line of the script.
    static func assText(_ text: String) -> String {
        var result = ""
        for line in CaptionFile.lines(of: text) {
            if !result.isEmpty { result += "\\N" }
            for character in line {
                switch character {
                case "{": result += "\\{"
                case "}": result += "\\}"
                case "\\": result += "\\\u{2060}"
                default: result.append(character)
                }
            }
        }
        return result
    }

    /// The numeric-keypad alignment ASS uses for a position.
    static func alignment(_ position: OverlayPosition) -> Int {
        switch position {
        case .bottomLeft: 1
        case .bottomCenter: 2
        case .bottomRight: 3
        case .centerLeft: 4
        case .center: 5
        case .centerRight: 6
        case .topLeft: 7
        case .topCenter: 8
        case .topRight: 9
        }
    }
}
