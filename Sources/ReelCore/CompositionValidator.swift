import Foundation

/// Checks a decoded ``CompositionRequest`` against the rules of the HTTP contract and
/// reports every problem with its field path (`clips[1].end_time`).
public struct CompositionValidator: Sendable {
    public var limits: CompositionLimits
    /// URL schemes a source may use.
    public var sourceSchemes: Set<String>

    /// `allowFiles` admits `file://` sources, for local renders (`reel render`) only.
    public init(limits: CompositionLimits = CompositionLimits(), allowFiles: Bool = false) {
        self.limits = limits
        sourceSchemes = ["http", "https", "s3", "asset"]
        if allowFiles { sourceSchemes.insert("file") }
    }

    /// Every problem found; empty when the request is valid.
    public func problems(in request: CompositionRequest) -> [FieldError] {
        var problems: [FieldError] = []
        func add(_ field: String, _ message: String, _ type: String = "value") {
            problems.append(FieldError(field: field, message: message, errorType: type))
        }

        let title = request.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { add("title", "must not be empty", "missing") }
        if request.title.count > InputLimits.titleLength { add("title", "must be at most \(InputLimits.titleLength) characters", "length") }
        if let description = request.description, description.count > InputLimits.descriptionLength {
            add("description", "must be at most \(InputLimits.descriptionLength) characters", "length")
        }
        if let webhook = request.webhookURL, webhook.count > InputLimits.urlLength {
            add("webhook_url", "must be at most \(InputLimits.urlLength) characters", "length")
        } else if let webhook = request.webhookURL, !Self.isURL(webhook, schemes: ["http", "https"]) {
            add("webhook_url", Self.portProblem(webhook) ?? "must be an http or https URL", "format")
        }
        if let metadata = request.metadata {
            if metadata.depth > InputLimits.metadataDepth {
                add("metadata", "must nest at most \(InputLimits.metadataDepth) levels of arrays and objects", "range")
            } else if metadata.approximateSize > InputLimits.metadataBytes {
                add("metadata", "must be at most \(InputLimits.metadataBytes) bytes of JSON", "length")
            }
        }

        checkClips(request, add: add)
        checkAudio(request.audio, add: add)
        checkOverlays(request, add: add)
        checkOutput(request.output, add: add)
        checkStills(request.output, duration: request.duration, add: add)
        if let captions = request.captions { checkCaptions(captions, add: add) }
        return problems
    }

    /// Throws a 422 ``ReelError`` naming every problem.
    public func validate(_ request: CompositionRequest) throws {
        let problems = problems(in: request)
        if !problems.isEmpty { throw ReelError.validation(problems) }
    }

    private func checkClips(_ request: CompositionRequest, add: (String, String, String) -> Void) {
        let clips = request.clips
        // A slot shorter than a frame renders as nothing at all (and would leave no piece to plan).
        let frame = 1 / (request.output.fps.isFinite && request.output.fps >= 1 ? min(request.output.fps, 60) : 60)
        if clips.isEmpty { add("clips", "must contain at least one clip", "length") }
        if clips.count > limits.maxClips { add("clips", "must contain at most \(limits.maxClips) clips", "length") }
        for (index, clip) in clips.enumerated() {
            let path = "clips[\(index)]"
            switch (clip.videoURL, clip.imageURL) {
            case (nil, nil): add("\(path).video_url", "a clip needs video_url or image_url", "missing")
            case (.some, .some): add("\(path).image_url", "give either video_url or image_url, not both", "value")
            case (.some(let url), nil): checkSource(url, field: "\(path).video_url", add: add)
            case (nil, .some(let url)): checkSource(url, field: "\(path).image_url", add: add)
            }
            if !clip.startTime.isFinite || clip.startTime < 0 || clip.startTime > limits.maxDuration {
                add("\(path).start_time", "must be between 0 and \(NumberText.plain(limits.maxDuration))", "range")
            }
            if !clip.endTime.isFinite || clip.endTime <= clip.startTime {
                add("\(path).end_time", "must be greater than start_time (\(NumberText.plain(clip.startTime)))", "range")
            } else if clip.slotDuration < frame {
                add("\(path).end_time", "must be at least one frame (\(NumberText.plain(frame)) s) after start_time", "range")
            } else if clip.endTime > limits.maxDuration {
                add(
                    "\(path).end_time", "must be at most \(NumberText.plain(limits.maxDuration)) s, the longest video Reel renders", "range"
                )
            }
            if !clip.trimStart.isFinite || clip.trimStart < 0 || clip.trimStart > InputLimits.sourceTime {
                add("\(path).trim_start", "must be between 0 and \(NumberText.plain(InputLimits.sourceTime)) (24 hours)", "range")
            }
            if let trimEnd = clip.trimEnd, !trimEnd.isFinite || trimEnd <= clip.trimStart || trimEnd > InputLimits.sourceTime {
                add(
                    "\(path).trim_end",
                    "must be greater than trim_start (\(NumberText.plain(clip.trimStart))) and at most \(NumberText.plain(InputLimits.sourceTime))",
                    "range")
            }
            if !(0...2).contains(clip.volume) { add("\(path).volume", "must be between 0 and 2", "range") }
            checkEffects(of: clip, path: path, add: add)
            if let transition = clip.transition {
                if !TransitionKind.names.contains(transition.type) {
                    add(
                        "\(path).transition.type",
                        "unknown transition; use one of \(TransitionKind.names.sorted().joined(separator: ", "))", "value")
                }
                if !transition.duration.isFinite || transition.duration < 0 || transition.duration > limits.maxDuration {
                    add("\(path).transition.duration", "must be between 0 and \(NumberText.plain(limits.maxDuration))", "range")
                }
            }
        }
        let order = clips.indices.sorted { clips[$0].startTime < clips[$1].startTime }
        for (previous, next) in zip(order, order.dropFirst()) {
            if let transition = clips[next].transition, transition.type != "cut",
                transition.duration >= min(clips[next].slotDuration, clips[previous].slotDuration)
            {
                add("clips[\(next)].transition.duration", "must be shorter than both clips it joins", "range")
            }
            let overlap = clips[previous].endTime - clips[next].startTime
            guard overlap > Timeline.epsilon else { continue }
            let allowed = clips[next].transition.map { $0.type != "cut" && abs($0.duration - overlap) <= Timeline.epsilon } ?? false
            if !allowed {
                add(
                    "clips[\(next)].start_time",
                    "overlaps clips[\(previous)] (which ends at \(NumberText.plain(clips[previous].endTime))); slots may overlap only by a transition's duration",
                    "overlap"
                )
            }
        }
    }

    private func checkEffects(of clip: Clip, path: String, add: (String, String, String) -> Void) {
        if !clip.speed.isFinite || !(0.25...4).contains(clip.speed) {
            add("\(path).speed", "must be between 0.25 and 4", "range")
        } else if clip.speed != 1, clip.isImage {
            add("\(path).speed", "applies to video clips; a still has no pace to change", "value")
        }
        if clip.reverse {
            if clip.isImage {
                add("\(path).reverse", "applies to video clips; a still plays the same backwards", "value")
            } else if clip.trimDuration.isFinite, clip.trimDuration > InputLimits.reverseSeconds {
                add(
                    "\(path).reverse",
                    "plays at most \(NumberText.plain(InputLimits.reverseSeconds)) s of source backwards; this clip asks for \(NumberText.plain(clip.trimDuration)) s (set trim_end)",
                    "range")
            }
        }
        if let crop = clip.crop {
            for (name, value) in [("x", crop.x), ("y", crop.y)] where !value.isFinite || !(0..<1).contains(value) {
                add("\(path).crop.\(name)", "must be a fraction of the source from 0 up to 1", "range")
            }
            for (name, value) in [("width", crop.width), ("height", crop.height)] where !value.isFinite || !(0.01...1).contains(value) {
                add("\(path).crop.\(name)", "must be a fraction of the source between 0.01 and 1", "range")
            }
            if crop.x + crop.width > 1 + 1e-9 { add("\(path).crop.width", "x + width must be at most 1", "range") }
            if crop.y + crop.height > 1 + 1e-9 { add("\(path).crop.height", "y + height must be at most 1", "range") }
        }
        if ![0, 90, 180, 270].contains(clip.rotate) { add("\(path).rotate", "must be 0, 90, 180 or 270", "value") }
        for (name, value) in [("fade_in", clip.fadeIn), ("fade_out", clip.fadeOut)] where !value.isFinite || value < 0 || value > 60 {
            add("\(path).\(name)", "must be between 0 and 60 seconds", "range")
        }
        if clip.fadeIn + clip.fadeOut > clip.slotDuration + Timeline.epsilon, clip.slotDuration.isFinite {
            add("\(path).fade_out", "fade_in + fade_out must fit in the clip's slot (\(NumberText.plain(clip.slotDuration)) s)", "range")
        }
    }

    private func checkTextStyle(_ overlay: Overlay, path: String, add: (String, String, String) -> Void) {
        let isText = overlay.text != nil
        for (name, present) in [
            ("animation", overlay.animation != nil), ("stroke", overlay.stroke != nil), ("shadow", overlay.shadow != nil),
        ]
        where present && !isText {
            add("\(path).\(name)", "applies to text overlays", "value")
        }
        var animated = 0.0
        for (name, animation) in [("in", overlay.animation?.entrance), ("out", overlay.animation?.exit)] {
            guard let animation else { continue }
            if !animation.duration.isFinite || !(0.05...10).contains(animation.duration) {
                add("\(path).animation.\(name).duration", "must be between 0.05 and 10 seconds", "range")
            } else {
                animated += animation.duration
            }
            if animation.type == .typewriter, name == "out" {
                add("\(path).animation.out.type", "typewriter is an entrance; leave with fade, zoom or a slide", "value")
            }
        }
        if overlay.animation?.entrance?.type == .typewriter, let text = overlay.text, text.count > InputLimits.typewriterLength {
            add("\(path).animation.in.type", "typewriter draws at most \(InputLimits.typewriterLength) characters", "length")
        }
        if let end = overlay.endTime, end.isFinite, overlay.startTime.isFinite, animated > end - overlay.startTime + Timeline.epsilon {
            add(
                "\(path).animation", "in and out must fit in the overlay's window (\(NumberText.plain(end - overlay.startTime)) s)", "range"
            )
        }
        if let stroke = overlay.stroke {
            if Color(stroke.color) == nil { add("\(path).stroke.color", "must be a colour name or a hex colour", "format") }
            if !stroke.width.isFinite || !(0...20).contains(stroke.width) {
                add("\(path).stroke.width", "must be between 0 and 20 pixels", "range")
            }
        }
        if let shadow = overlay.shadow {
            if Color(shadow.color) == nil { add("\(path).shadow.color", "must be a colour name or a hex colour", "format") }
            for (name, value) in [("x", shadow.x), ("y", shadow.y)] where !value.isFinite || !(-50...50).contains(value) {
                add("\(path).shadow.\(name)", "must be between -50 and 50 pixels", "range")
            }
        }
    }

    private func checkAudio(_ audio: AudioSettings, add: (String, String, String) -> Void) {
        if let url = audio.musicURL { checkSource(url, field: "audio.music_url", add: add) }
        if let url = audio.voiceoverURL { checkSource(url, field: "audio.voiceover_url", add: add) }
        for (name, value) in [
            ("music_volume", audio.musicVolume), ("voiceover_volume", audio.voiceoverVolume),
            ("original_audio_volume", audio.originalAudioVolume),
        ] where !(0...1).contains(value) {
            add("audio.\(name)", "must be between 0 and 1", "range")
        }
        if let target = audio.loudnessTarget, !target.isFinite || target < -70 || target > -5 {
            add("audio.loudness_target", "must be between -70 and -5 LUFS", "range")
        }
        if audio.ducking && audio.voiceoverURL == nil {
            add("audio.ducking", "needs a voiceover_url to duck under", "value")
        }
        for (name, value) in [("music_fade_in", audio.musicFadeIn), ("music_fade_out", audio.musicFadeOut)]
        where !value.isFinite || value < 0 || value > limits.maxDuration {
            add("audio.\(name)", "must be between 0 and \(NumberText.plain(limits.maxDuration)) seconds", "range")
        }
    }

    private func checkOverlays(_ request: CompositionRequest, add: (String, String, String) -> Void) {
        if request.overlays.count > limits.maxOverlays {
            add("overlays", "must contain at most \(limits.maxOverlays) overlays", "length")
        }
        for (index, overlay) in request.overlays.enumerated() {
            let path = "overlays[\(index)]"
            let kinds = [
                overlay.text.map { _ in "text" }, overlay.imageURL.map { _ in "image_url" }, overlay.videoURL.map { _ in "video_url" },
            ]
            .compactMap { $0 }
            if kinds.isEmpty { add("\(path).text", "an overlay needs text, image_url or video_url", "missing") }
            if kinds.count > 1 { add("\(path).\(kinds[1])", "give one of text, image_url or video_url", "value") }
            if let text = overlay.text {
                if text.isEmpty { add("\(path).text", "must not be empty", "missing") }
                if text.count > InputLimits.textLength {
                    add("\(path).text", "must be at most \(InputLimits.textLength) characters", "length")
                }
            }
            if let url = overlay.imageURL { checkSource(url, field: "\(path).image_url", add: add) }
            if let url = overlay.videoURL { checkSource(url, field: "\(path).video_url", add: add) }
            if !overlay.trimStart.isFinite || overlay.trimStart < 0 || overlay.trimStart > InputLimits.sourceTime {
                add("\(path).trim_start", "must be between 0 and \(NumberText.plain(InputLimits.sourceTime))", "range")
            }
            if !(0...2).contains(overlay.volume) { add("\(path).volume", "must be between 0 and 2", "range") }
            checkTextStyle(overlay, path: path, add: add)
            if let key = overlay.chromaKey {
                if overlay.text != nil { add("\(path).chroma_key", "applies to image and video overlays", "value") }
                if Color(key.color) == nil {
                    add("\(path).chroma_key.color", "must be a colour name or a hex colour like \"#00FF00\"", "format")
                }
                if !(0.01...1).contains(key.similarity) { add("\(path).chroma_key.similarity", "must be between 0.01 and 1", "range") }
                if !(0...1).contains(key.blend) { add("\(path).chroma_key.blend", "must be between 0 and 1", "range") }
            }
            if !overlay.startTime.isFinite || overlay.startTime < 0 || overlay.startTime > limits.maxDuration {
                add("\(path).start_time", "must be between 0 and \(NumberText.plain(limits.maxDuration))", "range")
            }
            if let end = overlay.endTime, !end.isFinite || end <= overlay.startTime || end > InputLimits.sourceTime {
                add(
                    "\(path).end_time",
                    "must be greater than start_time (\(NumberText.plain(overlay.startTime))) and at most \(NumberText.plain(InputLimits.sourceTime))",
                    "range")
            }
            if !(8...144).contains(overlay.fontSize) { add("\(path).font_size", "must be between 8 and 144", "range") }
            if Color(overlay.fontColor) == nil {
                add("\(path).font_color", "must be a colour name like \"white\" or a hex colour like \"#FF8800\"", "format")
            }
            if let background = overlay.backgroundColor, Color(background) == nil {
                add("\(path).background_color", "must be a colour name or a hex colour like \"#00000080\"", "format")
            }
            for (name, value) in [("fade_in", overlay.fadeIn), ("fade_out", overlay.fadeOut)]
            where !value.isFinite || value < 0 || value > 60 {
                add("\(path).\(name)", "must be between 0 and 60 seconds", "range")
            }
            if !(0.01...1).contains(overlay.scale) { add("\(path).scale", "must be between 0.01 and 1", "range") }
            if !(0...1).contains(overlay.opacity) { add("\(path).opacity", "must be between 0 and 1", "range") }
        }
    }

    func checkSource(_ url: String, field: String, add: (String, String, String) -> Void) {
        if url.count > InputLimits.urlLength {
            add(field, "must be at most \(InputLimits.urlLength) characters", "length")
        } else if url.lowercased().hasPrefix("asset:"), Self.assetID(url) == nil {
            add(field, "must name an uploaded asset as asset://ID, the id POST /api/v1/assets returned", "format")
        } else if !Self.isURL(url, schemes: sourceSchemes) {
            add(
                field,
                Self.portProblem(url)
                    ?? "must be an \(sourceSchemes.contains("file") ? "file path or " : "")http(s)://, s3:// or asset:// URL",
                "format")
        }
    }

    /// The uploaded asset an `asset://ID` URL names; nil for other URLs or a malformed id.
    public static func assetID(_ url: String) -> UUID? {
        guard let components = URLComponents(string: url), components.scheme?.lowercased() == "asset",
            components.query == nil, components.fragment == nil
        else { return nil }
        let name = components.host ?? components.path
        return name.count == 36 ? UUID(uuidString: name) : nil
    }

    /// What is wrong with the port of `url`, when that is what is wrong with it.
    static func portProblem(_ url: String) -> String? {
        guard let components = URLComponents(string: url), !components.hasUsablePort, let range = components.rangeOfPort else { return nil }
        return "names port \(url[range].prefix(30)); a port is between 1 and 65535"
    }

    static func isURL(_ text: String, schemes: Set<String>) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            schemes.contains(scheme), components.hasUsablePort
        else { return false }
        if scheme == "file" { return !components.path.isEmpty }
        if scheme == "asset" { return !(components.host ?? components.path).isEmpty }
        return !(components.host ?? "").isEmpty
    }

}
