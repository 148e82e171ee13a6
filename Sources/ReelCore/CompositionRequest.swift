import Foundation

/// The JSON body of `POST /api/v1/compositions`: a video described as clips on a timeline,
/// audio, overlays and output settings. A superset of the seed's request.
public struct CompositionRequest: Sendable, Hashable, Codable {
    public var title: String
    public var description: String?
    public var priority: Priority
    public var metadata: JSONValue?
    public var webhookURL: String?
    public var clips: [Clip]
    public var audio: AudioSettings
    public var overlays: [Overlay]
    public var output: OutputSettings
    public var captions: Captions?
    /// `false` renders every part afresh and stores nothing in the render cache; absent means on.
    public var cache: Bool?

    public init(
        title: String,
        description: String? = nil,
        priority: Priority = .default,
        metadata: JSONValue? = nil,
        webhookURL: String? = nil,
        clips: [Clip],
        audio: AudioSettings = AudioSettings(),
        overlays: [Overlay] = [],
        output: OutputSettings = OutputSettings(),
        captions: Captions? = nil,
        cache: Bool? = nil
    ) {
        self.title = title
        self.description = description
        self.priority = priority
        self.metadata = metadata
        self.webhookURL = webhookURL
        self.clips = clips
        self.audio = audio
        self.overlays = overlays
        self.output = output
        self.captions = captions
        self.cache = cache
    }

    enum CodingKeys: String, CodingKey {
        case title, description, priority, metadata, clips, audio, overlays, output, captions, cache
        case webhookURL = "webhook_url"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        priority = try c.decodeIfPresent(Priority.self, forKey: .priority) ?? .default
        metadata = try c.decodeIfPresent(JSONValue.self, forKey: .metadata)
        webhookURL = try c.decodeIfPresent(String.self, forKey: .webhookURL)
        clips = try c.decode([Clip].self, forKey: .clips)
        audio = try c.decodeIfPresent(AudioSettings.self, forKey: .audio) ?? AudioSettings()
        overlays = try c.decodeIfPresent([Overlay].self, forKey: .overlays) ?? []
        output = try c.decodeIfPresent(OutputSettings.self, forKey: .output) ?? OutputSettings()
        captions = try c.decodeIfPresent(Captions.self, forKey: .captions)
        cache = try c.decodeIfPresent(Bool.self, forKey: .cache)
    }

    /// Whether the render may reuse and store cached parts.
    public var usesCache: Bool { cache != false }

    /// The output timeline's length: the latest clip end.
    public var duration: Double { clips.map(\.endTime).max() ?? 0 }

    /// Every source URL with the path of the field that names it.
    public var sourceFields: [(field: String, url: String)] {
        var fields: [(String, String)] = []
        for (index, clip) in clips.enumerated() {
            fields.append((clip.videoURL != nil ? "clips[\(index)].video_url" : "clips[\(index)].image_url", clip.sourceURL))
        }
        if let url = audio.musicURL { fields.append(("audio.music_url", url)) }
        if let url = audio.voiceoverURL { fields.append(("audio.voiceover_url", url)) }
        for (index, overlay) in overlays.enumerated() {
            if let url = overlay.imageURL { fields.append(("overlays[\(index)].image_url", url)) }
            if let url = overlay.videoURL { fields.append(("overlays[\(index)].video_url", url)) }
        }
        if let url = captions?.url { fields.append(("captions.url", url)) }
        return fields
    }

    /// Every distinct source URL, in order of first use.
    public var sourceURLs: [String] {
        var seen = Set<String>()
        var urls: [String] = []
        for url in clips.map(\.sourceURL) + [audio.musicURL, audio.voiceoverURL].compactMap({ $0 })
            + overlays.compactMap({ $0.imageURL ?? $0.videoURL })
        where seen.insert(url).inserted {
            urls.append(url)
        }
        return urls
    }
}

/// Queue priority: `high` jobs run before `default` before `low`.
public enum Priority: String, Sendable, Hashable, Codable, CaseIterable {
    case high, `default`, low

    /// Sort rank: lower runs first.
    public var rank: Int {
        switch self {
        case .high: 0
        case .default: 1
        case .low: 2
        }
    }

    public init?(rank: Int) {
        guard let match = Self.allCases.first(where: { $0.rank == rank }) else { return nil }
        self = match
    }
}

/// How a source is fitted into the output frame.
public enum Fit: String, Sendable, Hashable, Codable {
    /// Scale to cover the frame and crop what overflows.
    case cover
    /// Scale to fit inside the frame and pad with black.
    case contain
}

/// A slow zoom across a clip (the Ken Burns effect).
public enum Zoom: String, Sendable, Hashable, Codable {
    case none
    /// From the whole frame to 120 %.
    case `in`
    /// From 120 % back to the whole frame.
    case out
}

/// One clip on the timeline: a video (or still image) placed at `start_time`…`end_time`,
/// showing the source range `trim_start`…`trim_end`.
public struct Clip: Sendable, Hashable, Codable {
    public var videoURL: String?
    public var imageURL: String?
    public var startTime: Double
    public var endTime: Double
    public var trimStart: Double
    public var trimEnd: Double?
    public var volume: Double
    public var fit: Fit
    public var transition: Transition?
    /// A slow zoom over the clip (Ken Burns), mostly for stills.
    public var zoom: Zoom
    /// Playback rate (0.25–4): 2 plays the source twice as fast; the audio's tempo follows, its pitch kept.
    public var speed: Double
    /// Plays the source range backwards (video and audio).
    public var reverse: Bool
    /// The part of the source kept before fitting.
    public var crop: Crop?
    public var flip: Flip?
    /// Degrees clockwise: 0, 90, 180 or 270.
    public var rotate: Int
    public var look: Look?
    /// Seconds over which the clip's picture and sound rise from black and silence, and fall back.
    public var fadeIn: Double
    public var fadeOut: Double

    public init(
        videoURL: String? = nil,
        imageURL: String? = nil,
        startTime: Double,
        endTime: Double,
        trimStart: Double = 0,
        trimEnd: Double? = nil,
        volume: Double = 1,
        fit: Fit = .contain,
        transition: Transition? = nil,
        zoom: Zoom = .none,
        speed: Double = 1,
        reverse: Bool = false,
        crop: Crop? = nil,
        flip: Flip? = nil,
        rotate: Int = 0,
        look: Look? = nil,
        fadeIn: Double = 0,
        fadeOut: Double = 0
    ) {
        self.videoURL = videoURL
        self.imageURL = imageURL
        self.startTime = startTime
        self.endTime = endTime
        self.trimStart = trimStart
        self.trimEnd = trimEnd
        self.volume = volume
        self.fit = fit
        self.transition = transition
        self.zoom = zoom
        self.speed = speed
        self.reverse = reverse
        self.crop = crop
        self.flip = flip
        self.rotate = rotate
        self.look = look
        self.fadeIn = fadeIn
        self.fadeOut = fadeOut
    }

    enum CodingKeys: String, CodingKey {
        case videoURL = "video_url"
        case imageURL = "image_url"
        case startTime = "start_time"
        case endTime = "end_time"
        case trimStart = "trim_start"
        case trimEnd = "trim_end"
        case volume, fit, transition, zoom, speed, reverse, crop, flip, rotate, look
        case fadeIn = "fade_in"
        case fadeOut = "fade_out"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        videoURL = try c.decodeIfPresent(String.self, forKey: .videoURL)
        imageURL = try c.decodeIfPresent(String.self, forKey: .imageURL)
        startTime = try c.decode(Double.self, forKey: .startTime)
        endTime = try c.decode(Double.self, forKey: .endTime)
        trimStart = try c.decodeIfPresent(Double.self, forKey: .trimStart) ?? 0
        trimEnd = try c.decodeIfPresent(Double.self, forKey: .trimEnd)
        volume = try c.decodeIfPresent(Double.self, forKey: .volume) ?? 1
        fit = try c.decodeIfPresent(Fit.self, forKey: .fit) ?? .contain
        transition = try c.decodeIfPresent(Transition.self, forKey: .transition)
        zoom = try c.decodeIfPresent(Zoom.self, forKey: .zoom) ?? .none
        speed = try c.decodeIfPresent(Double.self, forKey: .speed) ?? 1
        reverse = try c.decodeIfPresent(Bool.self, forKey: .reverse) ?? false
        crop = try c.decodeIfPresent(Crop.self, forKey: .crop)
        flip = try c.decodeIfPresent(Flip.self, forKey: .flip)
        rotate = try c.decodeWholeNumberIfPresent(forKey: .rotate) ?? 0
        look = try c.decodeIfPresent(Look.self, forKey: .look)
        fadeIn = try c.decodeIfPresent(Double.self, forKey: .fadeIn) ?? 0
        fadeOut = try c.decodeIfPresent(Double.self, forKey: .fadeOut) ?? 0
    }

    /// Whether the clip asks for anything drawn or retimed beyond trim, fit and zoom.
    public var hasEffects: Bool {
        speed != 1 || reverse || crop != nil || flip != nil || rotate != 0 || look != nil || fadeIn > 0 || fadeOut > 0
    }

    /// The clip's source, video or image.
    public var sourceURL: String { videoURL ?? imageURL ?? "" }
    public var isImage: Bool { videoURL == nil && imageURL != nil }
    /// Length of the clip's slot on the timeline.
    public var slotDuration: Double { endTime - startTime }
    /// Length of the source range requested, in source seconds; the slot (times `speed`) when
    /// `trim_end` is absent.
    public var trimDuration: Double { (trimEnd ?? (trimStart + slotDuration * speed)) - trimStart }
}

/// A transition into the clip that carries it, from the clip before.
public struct Transition: Sendable, Hashable, Codable {
    public var type: String
    public var duration: Double

    public init(type: String, duration: Double = 1) {
        self.type = type
        self.duration = duration
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        type = try c.decode(String.self, forKey: .type)
        duration = try c.decodeIfPresent(Double.self, forKey: .duration) ?? 1
    }
}

/// Music, voice-over and the clips' own audio, with their volumes (0–1).
public struct AudioSettings: Sendable, Hashable, Codable {
    public var musicURL: String?
    public var voiceoverURL: String?
    public var musicVolume: Double
    public var voiceoverVolume: Double
    public var originalAudioVolume: Double
    /// Seconds of fade-in and fade-out on the music.
    public var musicFadeIn: Double
    public var musicFadeOut: Double
    /// Loop the music to fill the timeline (default true).
    public var musicLoop: Bool
    /// Lower the music while the voice-over speaks.
    public var ducking: Bool
    /// Integrated loudness of the output in LUFS (EBU R128), e.g. `-14`; nil leaves levels as mixed.
    public var loudnessTarget: Double?

    public init(
        musicURL: String? = nil,
        voiceoverURL: String? = nil,
        musicVolume: Double = 0.5,
        voiceoverVolume: Double = 1,
        originalAudioVolume: Double = 1,
        musicFadeIn: Double = 0,
        musicFadeOut: Double = 0,
        musicLoop: Bool = true,
        ducking: Bool = false,
        loudnessTarget: Double? = nil
    ) {
        self.musicURL = musicURL
        self.voiceoverURL = voiceoverURL
        self.musicVolume = musicVolume
        self.voiceoverVolume = voiceoverVolume
        self.originalAudioVolume = originalAudioVolume
        self.musicFadeIn = musicFadeIn
        self.musicFadeOut = musicFadeOut
        self.musicLoop = musicLoop
        self.ducking = ducking
        self.loudnessTarget = loudnessTarget
    }

    enum CodingKeys: String, CodingKey {
        case musicURL = "music_url"
        case voiceoverURL = "voiceover_url"
        case musicVolume = "music_volume"
        case voiceoverVolume = "voiceover_volume"
        case originalAudioVolume = "original_audio_volume"
        case musicFadeIn = "music_fade_in"
        case musicFadeOut = "music_fade_out"
        case musicLoop = "music_loop"
        case ducking
        case loudnessTarget = "loudness_target"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        musicURL = try c.decodeIfPresent(String.self, forKey: .musicURL)
        voiceoverURL = try c.decodeIfPresent(String.self, forKey: .voiceoverURL)
        musicVolume = try c.decodeIfPresent(Double.self, forKey: .musicVolume) ?? 0.5
        voiceoverVolume = try c.decodeIfPresent(Double.self, forKey: .voiceoverVolume) ?? 1
        originalAudioVolume = try c.decodeIfPresent(Double.self, forKey: .originalAudioVolume) ?? 1
        musicFadeIn = try c.decodeIfPresent(Double.self, forKey: .musicFadeIn) ?? 0
        musicFadeOut = try c.decodeIfPresent(Double.self, forKey: .musicFadeOut) ?? 0
        musicLoop = try c.decodeIfPresent(Bool.self, forKey: .musicLoop) ?? true
        ducking = try c.decodeIfPresent(Bool.self, forKey: .ducking) ?? false
        loudnessTarget = try c.decodeIfPresent(Double.self, forKey: .loudnessTarget)
    }
}

/// The nine anchor points an overlay can sit at.
public enum OverlayPosition: String, Sendable, Hashable, Codable, CaseIterable {
    case topLeft = "top_left"
    case topCenter = "top_center"
    case topRight = "top_right"
    case centerLeft = "center_left"
    case center
    case centerRight = "center_right"
    case bottomLeft = "bottom_left"
    case bottomCenter = "bottom_center"
    case bottomRight = "bottom_right"
}

/// A text, an image or a video drawn over the timeline between `start_time` and `end_time`.
public struct Overlay: Sendable, Hashable, Codable {
    public var text: String?
    public var imageURL: String?
    /// Picture-in-picture: a video placed like an image, played from `trim_start`, its sound mixed in at `volume`.
    public var videoURL: String?
    public var trimStart: Double
    public var volume: Double
    /// Images and videos: one colour made transparent.
    public var chromaKey: ChromaKey?
    /// Text: how it enters and leaves, its outline and its shadow.
    public var animation: OverlayAnimation?
    public var stroke: TextStroke?
    public var shadow: TextShadow?
    public var position: OverlayPosition
    public var startTime: Double
    public var endTime: Double?
    public var fontSize: Int
    public var fontColor: String
    /// Image overlays: width as a fraction of the output width.
    public var scale: Double
    public var opacity: Double
    /// Text overlays: a box behind the text in this colour.
    public var backgroundColor: String?
    /// Seconds of fade-in and fade-out.
    public var fadeIn: Double
    public var fadeOut: Double

    public init(
        text: String? = nil,
        imageURL: String? = nil,
        videoURL: String? = nil,
        trimStart: Double = 0,
        volume: Double = 1,
        chromaKey: ChromaKey? = nil,
        animation: OverlayAnimation? = nil,
        stroke: TextStroke? = nil,
        shadow: TextShadow? = nil,
        position: OverlayPosition = .center,
        startTime: Double = 0,
        endTime: Double? = nil,
        fontSize: Int = 48,
        fontColor: String = "white",
        scale: Double = 0.2,
        opacity: Double = 1,
        backgroundColor: String? = nil,
        fadeIn: Double = 0,
        fadeOut: Double = 0
    ) {
        self.text = text
        self.imageURL = imageURL
        self.videoURL = videoURL
        self.trimStart = trimStart
        self.volume = volume
        self.chromaKey = chromaKey
        self.animation = animation
        self.stroke = stroke
        self.shadow = shadow
        self.position = position
        self.startTime = startTime
        self.endTime = endTime
        self.fontSize = fontSize
        self.fontColor = fontColor
        self.scale = scale
        self.opacity = opacity
        self.backgroundColor = backgroundColor
        self.fadeIn = fadeIn
        self.fadeOut = fadeOut
    }

    enum CodingKeys: String, CodingKey {
        case text, position, scale, opacity, volume, animation, stroke, shadow
        case imageURL = "image_url"
        case videoURL = "video_url"
        case trimStart = "trim_start"
        case chromaKey = "chroma_key"
        case startTime = "start_time"
        case endTime = "end_time"
        case fontSize = "font_size"
        case fontColor = "font_color"
        case backgroundColor = "background_color"
        case fadeIn = "fade_in"
        case fadeOut = "fade_out"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        text = try c.decodeIfPresent(String.self, forKey: .text)
        imageURL = try c.decodeIfPresent(String.self, forKey: .imageURL)
        videoURL = try c.decodeIfPresent(String.self, forKey: .videoURL)
        trimStart = try c.decodeIfPresent(Double.self, forKey: .trimStart) ?? 0
        volume = try c.decodeIfPresent(Double.self, forKey: .volume) ?? 1
        chromaKey = try c.decodeIfPresent(ChromaKey.self, forKey: .chromaKey)
        animation = try c.decodeIfPresent(OverlayAnimation.self, forKey: .animation)
        stroke = try c.decodeIfPresent(TextStroke.self, forKey: .stroke)
        shadow = try c.decodeIfPresent(TextShadow.self, forKey: .shadow)
        position = try c.decodeIfPresent(OverlayPosition.self, forKey: .position) ?? .center
        startTime = try c.decodeIfPresent(Double.self, forKey: .startTime) ?? 0
        endTime = try c.decodeIfPresent(Double.self, forKey: .endTime)
        fontSize = try c.decodeWholeNumberIfPresent(forKey: .fontSize) ?? 48
        fontColor = try c.decodeIfPresent(String.self, forKey: .fontColor) ?? "white"
        scale = try c.decodeIfPresent(Double.self, forKey: .scale) ?? 0.2
        opacity = try c.decodeIfPresent(Double.self, forKey: .opacity) ?? 1
        backgroundColor = try c.decodeIfPresent(String.self, forKey: .backgroundColor)
        fadeIn = try c.decodeIfPresent(Double.self, forKey: .fadeIn) ?? 0
        fadeOut = try c.decodeIfPresent(Double.self, forKey: .fadeOut) ?? 0
    }
}

/// Container format of the rendered file: a video, or sound alone (`mp3`, `m4a`, `wav`).
public enum OutputFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case mp4, mov, webm, gif, mp3, m4a, wav
    /// HTTP Live Streaming: fMP4 segments, a playlist per rendition and a master playlist.
    case hls

    public var fileExtension: String { self == .hls ? "m3u8" : rawValue }
    public var contentType: String {
        switch self {
        case .mp4: "video/mp4"
        case .mov: "video/quicktime"
        case .webm: "video/webm"
        case .gif: "image/gif"
        case .mp3: "audio/mpeg"
        case .m4a: "audio/mp4"
        case .wav: "audio/wav"
        case .hls: "application/vnd.apple.mpegurl"
        }
    }
    public var hasAudio: Bool { self != .gif }
    /// False for the audio-only formats: their video is not rendered at all.
    public var hasVideo: Bool { ![.mp3, .m4a, .wav].contains(self) }
}

/// Target bit rate, sent as bits per second (`2000000`) or as `"2000k"` / `"5M"`.
public struct Bitrate: Sendable, Hashable, Codable {
    public var bitsPerSecond: Int

    public init(bitsPerSecond: Int) {
        self.bitsPerSecond = bitsPerSecond
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let value = try? c.decode(Double.self) {
            bitsPerSecond = Self.clamped(value)
            return
        }
        guard let text = try? c.decode(String.self) else {
            throw DecodingError.typeMismatch(
                Bitrate.self,
                .init(codingPath: c.codingPath, debugDescription: "expected bits per second as a number or a string like \"5M\"")
            )
        }
        guard let value = Bitrate.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: c,
                debugDescription: "expected bits per second as a number or a string like \"2000k\" or \"5M\""
            )
        }
        bitsPerSecond = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(bitsPerSecond)
    }

    static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let last = trimmed.last else { return nil }
        let multiplier: Double
        var digits = Substring(trimmed)
        switch last {
        case "k", "K": multiplier = 1_000; digits = digits.dropLast()
        case "m", "M": multiplier = 1_000_000; digits = digits.dropLast()
        default: multiplier = 1
        }
        guard let number = Double(digits), number.isFinite, number > 0 else { return nil }
        return clamped(number * multiplier)
    }

    /// Bits per second as an integer, never trapping: values beyond any sane rate (or below 0)
    /// are clamped so the validator reports them as out of range.
    static func clamped(_ value: Double) -> Int {
        guard value.isFinite else { return value < 0 ? -1 : Int(clamping: 1e15) }
        return Int(clamping: max(min(value, 1e15), -1))
    }
}

/// Encoder quality presets, an alternative to a bit rate.
public enum Quality: String, Sendable, Hashable, Codable, CaseIterable {
    case low, medium, high
    /// A fast proxy of the whole composition for checking timing and sound (``CompositionRequest/asRendered``).
    case draft

    /// x264 / VP9 constant rate factor.
    public var crf: (x264: Int, vp9: Int) {
        switch self {
        case .low: (28, 40)
        case .medium: (23, 33)
        case .high: (18, 24)
        case .draft: (30, 45)
        }
    }
}

/// Output size, container, frame rate and bit rate.
public struct OutputSettings: Sendable, Hashable, Codable {
    /// `480p`, `720p`, `1080p`, `4k` or `WxH`.
    public var resolution: String
    public var format: OutputFormat
    public var fps: Double
    public var bitrate: Bitrate?
    /// Also produce a poster JPEG.
    public var thumbnail: Bool
    /// `16:9`, `9:16`, `1:1`, `4:5` …: with a `…p` resolution, that resolution is the short side.
    public var aspectRatio: String?
    /// Encoder quality when no `bitrate` is given.
    public var quality: Quality
    public var poster: PosterSettings?
    public var storyboard: StoryboardSettings?
    /// Sizes to encode from one decode of the timeline (`["1080p", "720p", "360p"]`): the
    /// variants of an HLS ladder, or one MP4 file each.
    public var renditions: [String]?

    public init(
        resolution: String = "720p",
        format: OutputFormat = .mp4,
        fps: Double = 30,
        bitrate: Bitrate? = nil,
        thumbnail: Bool = false,
        aspectRatio: String? = nil,
        quality: Quality = .medium,
        poster: PosterSettings? = nil,
        storyboard: StoryboardSettings? = nil,
        renditions: [String]? = nil
    ) {
        self.resolution = resolution
        self.format = format
        self.fps = fps
        self.bitrate = bitrate
        self.thumbnail = thumbnail
        self.aspectRatio = aspectRatio
        self.quality = quality
        self.poster = poster
        self.storyboard = storyboard
        self.renditions = renditions
    }

    enum CodingKeys: String, CodingKey {
        case resolution, format, fps, bitrate, thumbnail, quality, poster, storyboard, renditions
        case aspectRatio = "aspect_ratio"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        resolution = try c.decodeIfPresent(String.self, forKey: .resolution) ?? "720p"
        format = try c.decodeIfPresent(OutputFormat.self, forKey: .format) ?? .mp4
        fps = try c.decodeIfPresent(Double.self, forKey: .fps) ?? 30
        bitrate = try c.decodeIfPresent(Bitrate.self, forKey: .bitrate)
        thumbnail = try c.decodeIfPresent(Bool.self, forKey: .thumbnail) ?? false
        aspectRatio = try c.decodeIfPresent(String.self, forKey: .aspectRatio)
        quality = try c.decodeIfPresent(Quality.self, forKey: .quality) ?? .medium
        poster = try c.decodeIfPresent(PosterSettings.self, forKey: .poster)
        storyboard = try c.decodeIfPresent(StoryboardSettings.self, forKey: .storyboard)
        renditions = try c.decodeIfPresent([String].self, forKey: .renditions)
    }

    static let namedHeights: [String: Int] = [
        "360p": 360, "480p": 480, "720p": 720, "1080p": 1080, "1440p": 1440, "4k": 2160, "2160p": 2160,
    ]

    /// `(w, h)` of an aspect ratio like `9:16`.
    var aspect: (w: Int, h: Int)? {
        guard let aspectRatio else { return nil }
        let parts = aspectRatio.split(separator: ":")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0, w <= 100, h <= 100 else { return nil }
        return (w, h)
    }

    /// Width and height in pixels, or nil when `resolution` (or `aspect_ratio`) is not understood.
    public var size: (width: Int, height: Int)? {
        let name = resolution.lowercased()
        if let short = Self.namedHeights[name] {
            guard aspectRatio != nil else {
                return name == "480p" ? (854, 480) : ((short * 16 / 9 + 1) / 2 * 2, short)
            }
            guard let aspect else { return nil }
            let long = (Double(short) * Double(max(aspect.w, aspect.h)) / Double(min(aspect.w, aspect.h)) / 2).rounded() * 2
            return aspect.w >= aspect.h ? (Int(clamping: long), short) : (short, Int(clamping: long))
        }
        let parts = name.split(separator: "x")
        // A side of 0 (`12287x00`) is no size at all: every ratio of the sides would divide by it.
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0 else { return nil }
        return (w, h)
    }
}
