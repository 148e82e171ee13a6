import Foundation

/// The builder's working state: inputs so far, the graph, files to write, effects and warnings.
struct PlanState {
    let width: Int
    let height: Int
    let fps: Double
    let x264Preset: String
    var inputArguments: [String] = []
    var inputCount = 0
    var graph = FilterGraph()
    var files: [String: String] = [:]
    var effects: [String] = []
    var warnings: [String] = []
    /// Which streams the graph builds: a chunked render makes video and audio in separate processes.
    var includeVideo = true
    var includeAudio = true

    init(width: Int, height: Int, fps: Double, x264Preset: String) {
        self.width = width
        self.height = height
        self.fps = fps
        self.x264Preset = x264Preset
    }

    var sizeText: String { "\(width)x\(height)" }
    var fpsText: String { NumberText.ffmpeg(fps) }

    /// A `setpts` expression: `base` plus `seconds` (times `times`, as `N` for every frame), in the
    /// link's time base. Rounded: setpts truncates, and a shift of 0.233333 s is 6.99999 frames of 1/30 s.
    static func pts(_ base: String, plus seconds: Double, times: String? = nil) -> String {
        guard seconds != 0 else { return base }
        let shift = "\(NumberText.ffmpeg(abs(seconds)))/TB"
        return "round(\(base)\(seconds < 0 ? "-" : "+")\(times.map { "\($0)*" } ?? "")\(shift))"
    }

    mutating func effect(_ name: String) {
        if !effects.contains(name) { effects.append(name) }
    }

    /// Adds a source as the next input, confined to plain media (``SourceInput``).
    mutating func addInput(_ options: [String], path: String) -> Int {
        inputArguments += SourceInput.options + options + ["-i", path]
        inputCount += 1
        return inputCount - 1
    }

    /// Joins pieces end to end with one concat into `output` (none for a single piece).
    mutating func concat(
        _ labels: [(video: String, audio: String)], into output: (video: String, audio: String) = ("cv0", "ca0")
    ) -> (video: String, audio: String) {
        guard labels.count > 1 else { return labels[0] }
        var inputs: [String] = []
        for label in labels {
            if includeVideo { inputs.append(label.video) }
            if includeAudio { inputs.append(label.audio) }
        }
        graph.add(
            inputs,
            [.init("concat", [("n", String(labels.count)), ("v", includeVideo ? "1" : "0"), ("a", includeAudio ? "1" : "0")])],
            (includeVideo ? [output.video] : []) + (includeAudio ? [output.audio] : [])
        )
        return output
    }

    /// Blends the end of one segment into the start of the next with xfade and acrossfade.
    mutating func blend(
        _ tail: (video: String, audio: String),
        into head: (video: String, audio: String),
        transition: Transition,
        labels: (video: String, audio: String)
    ) {
        let duration = NumberText.ffmpeg(transition.duration)
        if includeVideo {
            graph.add(
                [tail.video, head.video],
                [.init("xfade", [("transition", transition.type), ("duration", duration), ("offset", "0")])],
                [labels.video]
            )
        }
        if includeAudio {
            graph.add(
                [tail.audio, head.audio],
                [.init("acrossfade", [("d", duration), ("c1", "tri"), ("c2", "tri")])],
                [labels.audio]
            )
        }
        effect("transition_\(transition.type)")
    }
}
