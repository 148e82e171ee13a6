/// The transition names a clip may ask for: `cut` and ffmpeg's xfade family.
public enum TransitionKind {
    /// Every accepted `transition.type`.
    public static let names: Set<String> = [
        "cut", "fade", "dissolve", "fadeblack", "fadewhite", "fadegrays", "fadefast", "fadeslow",
        "wipeleft", "wiperight", "wipeup", "wipedown", "wipetl", "wipetr", "wipebl", "wipebr",
        "slideleft", "slideright", "slideup", "slidedown",
        "smoothleft", "smoothright", "smoothup", "smoothdown",
        "circleopen", "circleclose", "circlecrop", "rectcrop", "radial", "distance",
        "vertopen", "vertclose", "horzopen", "horzclose",
        "diagtl", "diagtr", "diagbl", "diagbr", "hlslice", "hrslice", "vuslice", "vdslice",
        "hblur", "pixelize", "squeezeh", "squeezev", "zoomin",
    ]
}
