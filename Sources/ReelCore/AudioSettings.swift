import Foundation

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
