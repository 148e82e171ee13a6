import Foundation

extension PlanState {
    /// Mixes the clips' audio with music (looped, faded, ducked under the voice-over) and
    /// voice-over, then brings the mix to the loudness target when one is set.
    mutating func mixAudio(
        _ audio: AudioSettings, clipAudio: String, overlays: [Overlay] = [], sources: [String: RenderSource], total: Double
    )
        throws(RenderFailure) -> String
    {
        let totalText = NumberText.ffmpeg(total)
        let pictureSound = overlaySound(overlays, sources: sources, total: total)
        var music: String?
        var voice: String?
        if let url = audio.musicURL, audio.musicVolume > 0 {
            guard let source = sources[url], source.info.hasAudio else {
                throw RenderFailure("audio.music_url: \(url) has no audio stream")
            }
            let input = addInput(audio.musicLoop ? ["-stream_loop", "-1"] : [], path: source.path)
            var filters = normalizeAudio() + [.init("volume", [("volume", NumberText.ffmpeg(audio.musicVolume))])]
            if !audio.musicLoop { filters.append(.init("apad", [])) }
            filters.append(.init("atrim", [("duration", totalText)]))
            if audio.musicFadeIn > 0 {
                filters.append(.init("afade", [("t", "in"), ("st", "0"), ("d", NumberText.ffmpeg(min(audio.musicFadeIn, total)))]))
            }
            if audio.musicFadeOut > 0 {
                let fade = min(audio.musicFadeOut, total)
                filters.append(.init("afade", [("t", "out"), ("st", NumberText.ffmpeg(total - fade)), ("d", NumberText.ffmpeg(fade))]))
            }
            graph.add(["\(input):a:0"], filters, ["music"])
            music = "music"
            effect(audio.musicLoop ? "music_loop" : "music")
        }
        if let url = audio.voiceoverURL, audio.voiceoverVolume > 0 {
            guard let source = sources[url], source.info.hasAudio else {
                throw RenderFailure("audio.voiceover_url: \(url) has no audio stream")
            }
            let input = addInput([], path: source.path)
            graph.add(
                ["\(input):a:0"],
                normalizeAudio() + [
                    .init("volume", [("volume", NumberText.ffmpeg(audio.voiceoverVolume))]),
                    .init("apad", []),
                    .init("atrim", [("duration", totalText)]),
                ],
                ["voice"]
            )
            voice = "voice"
            effect("voiceover")
        }
        if audio.ducking, let musicLabel = music, let voiceLabel = voice {
            graph.add([voiceLabel], [.init("asplit", [("outputs", "2")])], ["voice_mix", "voice_key"])
            graph.add(
                [musicLabel, "voice_key"],
                [
                    .init(
                        "sidechaincompress",
                        [("threshold", "0.02"), ("ratio", "10"), ("attack", "20"), ("release", "400"), ("makeup", "1")]
                    )
                ],
                ["music_ducked"]
            )
            music = "music_ducked"
            voice = "voice_mix"
            effect("ducking")
        }
        let inputs = [clipAudio] + [music, voice].compactMap { $0 } + pictureSound
        var mixed = clipAudio
        if inputs.count > 1 {
            graph.add(
                inputs,
                [
                    .init(
                        "amix",
                        [("inputs", String(inputs.count)), ("duration", "first"), ("dropout_transition", "0"), ("normalize", "0")]
                    )
                ],
                ["mixed"]
            )
            mixed = "mixed"
        }
        if let target = audio.loudnessTarget {
            graph.add(
                [mixed],
                [
                    .init("loudnorm", [("I", NumberText.ffmpeg(target)), ("TP", "-1.5"), ("LRA", "11")]),
                    .init("aresample", [("osr", String(FilterGraphBuilder.sampleRate))]),
                ],
                ["loudness"]
            )
            mixed = "loudness"
            effect("loudness_normalization")
        }
        return mixed
    }

    /// The sound of each video overlay, from its `trim_start`, at its volume and fades, placed
    /// at its window on the timeline.
    mutating func overlaySound(_ overlays: [Overlay], sources: [String: RenderSource], total: Double) -> [String] {
        var labels: [String] = []
        for (index, overlay) in overlays.enumerated() {
            guard let url = overlay.videoURL, overlay.volume > 0, let source = sources[url], source.info.hasAudio else { continue }
            let (start, end) = window(overlay, total: total)
            guard end > start else { continue }
            let input = addInput(
                (overlay.trimStart > 0 ? ["-ss", NumberText.ffmpeg(overlay.trimStart)] : []) + ["-t", NumberText.ffmpeg(end - start)],
                path: source.path
            )
            var filters = normalizeAudio()
            if overlay.volume != 1 { filters.append(.init("volume", [("volume", NumberText.ffmpeg(overlay.volume))])) }
            if overlay.fadeIn > 0 { filters.append(.init("afade", [("t", "in"), ("st", "0"), ("d", NumberText.ffmpeg(overlay.fadeIn))])) }
            if overlay.fadeOut > 0 {
                filters.append(
                    .init(
                        "afade",
                        [("t", "out"), ("st", NumberText.ffmpeg(end - start - overlay.fadeOut)), ("d", NumberText.ffmpeg(overlay.fadeOut))])
                )
            }
            let delay = String(Int(clamping: (start * 1000).rounded()))
            filters += [
                .init("adelay", [("delays", delay), ("all", "1")]), .init("apad", []),
                .init("atrim", [("duration", NumberText.ffmpeg(total))]),
            ]
            graph.add(["\(input):a:0"], filters, ["pip\(index)"])
            labels.append("pip\(index)")
            effect("video_overlay_audio")
        }
        return labels
    }
}
