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
