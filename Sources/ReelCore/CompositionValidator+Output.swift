import Foundation

/// The checks of what a composition makes: its captions, renditions, stills and output settings.
extension CompositionValidator {
    func checkCaptions(_ captions: Captions, add: (String, String, String) -> Void) {
        switch (captions.url, captions.cues) {
        case (nil, nil): add("captions.url", "captions need an SRT or WebVTT url, or cues", "missing")
        case (.some, .some): add("captions.cues", "give either url or cues, not both", "value")
        case (.some(let url), nil): checkSource(url, field: "captions.url", add: add)
        case (nil, .some(let cues)):
            if cues.isEmpty { add("captions.cues", "must contain at least one cue", "length") }
            if cues.count > InputLimits.cues { add("captions.cues", "must contain at most \(InputLimits.cues) cues", "length") }
            for (index, cue) in cues.prefix(InputLimits.cues).enumerated() {
                let path = "captions.cues[\(index)]"
                if !cue.start.isFinite || cue.start < 0 || cue.start > InputLimits.sourceTime {
                    add("\(path).start", "must be between 0 and \(NumberText.plain(InputLimits.sourceTime))", "range")
                }
                if !cue.end.isFinite || cue.end <= cue.start || cue.end > InputLimits.sourceTime {
                    add("\(path).end", "must be after start (\(NumberText.plain(cue.start)))", "range")
                }
                if cue.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { add("\(path).text", "must not be empty", "missing") }
                if cue.text.count > InputLimits.textLength {
                    add("\(path).text", "must be at most \(InputLimits.textLength) characters", "length")
                }
            }
        }
        if !captions.burn && !captions.sidecar { add("captions.burn", "burn or sidecar must be true, or the captions do nothing", "value") }
        let style = captions.style
        if let size = style.fontSize, !(8...144).contains(size) { add("captions.style.font_size", "must be between 8 and 144", "range") }
        for (name, value) in [("font_color", style.fontColor), ("outline_color", style.outlineColor)]
            + [style.backgroundColor].compactMap({
                $0.map { ("background_color", $0) }
            }) where Color(value) == nil
        {
            add("captions.style.\(name)", "must be a colour name or a hex colour like \"#FFFFFF\" or \"#00000080\"", "format")
        }
        if !style.outline.isFinite || !(0...20).contains(style.outline) {
            add("captions.style.outline", "must be between 0 and 20 pixels", "range")
        }
        if !style.maxWidth.isFinite || !(0.2...1).contains(style.maxWidth) {
            add("captions.style.max_width", "must be a fraction of the width between 0.2 and 1", "range")
        }
    }

    func checkRenditions(_ renditions: [String], output: OutputSettings, add: (String, String, String) -> Void) {
        guard [.mp4, .hls].contains(output.format) else {
            add("output.renditions", "go with format mp4 or hls", "value")
            return
        }
        if renditions.isEmpty || renditions.count > InputLimits.renditions {
            add("output.renditions", "must name 1 to \(InputLimits.renditions) sizes", "length")
            return
        }
        guard let size = output.size else { return }
        let ladder = output.ladder
        if ladder.count != renditions.count {
            add("output.renditions", "each must be 360p, 480p, 720p, 1080p, 1440p, 4k or WIDTHxHEIGHT", "format")
        } else if Set(ladder.map { "\($0.width)x\($0.height)" }).count != ladder.count {
            add("output.renditions", "must not name one size twice", "value")
        }
        for rendition in ladder {
            if rendition.width % 2 != 0 || rendition.height % 2 != 0 || rendition.width < 16 || rendition.height < 16 {
                add("output.renditions", "\(rendition.name): width and height must be even and at least 16", "value")
            } else if rendition.width > size.width || rendition.height > size.height {
                add(
                    "output.renditions",
                    "\(rendition.name) (\(rendition.width)x\(rendition.height)) is larger than the output (\(size.width)x\(size.height))",
                    "range")
            }
        }
    }

    func checkStills(_ output: OutputSettings, duration: Double, add: (String, String, String) -> Void) {
        if let poster = output.poster {
            if !output.format.hasVideo {
                add("output.poster", "an audio-only \(output.format.rawValue) output has no picture for a poster", "value")
            } else if let time = poster.time, !time.isFinite || time < 0 || (duration.isFinite && time >= duration) {
                add("output.poster.time", "must be from 0 up to the video's length (\(NumberText.plain(duration)) s)", "range")
            }
        }
        if let storyboard = output.storyboard {
            if !output.format.hasVideo {
                add("output.storyboard", "an audio-only \(output.format.rawValue) output has no picture for a storyboard", "value")
            }
            if let interval = storyboard.interval, !interval.isFinite || interval < 0.1 || interval > 600 {
                add("output.storyboard.interval", "must be between 0.1 and 600 seconds", "range")
            } else if let interval = storyboard.interval, duration.isFinite, duration / interval > Double(InputLimits.storyboardTiles) {
                add(
                    "output.storyboard.interval",
                    "gives more than \(InputLimits.storyboardTiles) tiles for \(NumberText.plain(duration)) s; use at least \(NumberText.plain(duration / Double(InputLimits.storyboardTiles))) s",
                    "range")
            }
            if !(1...50).contains(storyboard.columns) { add("output.storyboard.columns", "must be between 1 and 50", "range") }
            if !(32...640).contains(storyboard.width) { add("output.storyboard.width", "must be between 32 and 640 pixels", "range") }
        }
    }

    func checkOutput(_ output: OutputSettings, add: (String, String, String) -> Void) {
        if let size = output.size {
            if size.width < 16 || size.height < 16 || size.width > limits.maxDimension || size.height > limits.maxDimension {
                add("output.resolution", "width and height must be between 16 and \(limits.maxDimension)", "range")
            } else if size.width % 2 != 0 || size.height % 2 != 0 {
                add("output.resolution", "width and height must be even", "value")
            }
        } else if output.aspectRatio != nil && OutputSettings.namedHeights[output.resolution.lowercased()] != nil {
            add("output.aspect_ratio", "must be W:H like 16:9, 9:16, 1:1 or 4:5", "format")
        } else {
            add("output.resolution", "must be 480p, 720p, 1080p, 4k or WIDTHxHEIGHT", "format")
        }
        if output.aspectRatio != nil && OutputSettings.namedHeights[output.resolution.lowercased()] == nil {
            add("output.aspect_ratio", "goes with a resolution like 720p or 1080p, not WIDTHxHEIGHT", "value")
        }
        if !output.fps.isFinite || output.fps < 1 || output.fps > 60 { add("output.fps", "must be between 1 and 60", "range") }
        if let renditions = output.renditions {
            checkRenditions(renditions, output: output, add: add)
        }
        if output.thumbnail, !output.format.hasVideo {
            add("output.thumbnail", "an audio-only \(output.format.rawValue) output has no picture to take a thumbnail of", "value")
        }
        if let bitrate = output.bitrate?.bitsPerSecond, bitrate < 100_000 || bitrate > 100_000_000 {
            add("output.bitrate", "must be between 100000 and 100000000 bits per second", "range")
        }
    }
}
