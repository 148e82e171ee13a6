/// A colour or focus preset applied to a clip after it is fitted to the frame.
public enum Look: String, Sendable, Hashable, Codable, CaseIterable {
    case greyscale, sepia, vivid, contrast, brighten, darken, blur, vignette

    /// The filters drawing the look on a frame `height` pixels high, ending in yuv420p.
    func filters(height: Int) -> [FilterGraph.Filter] {
        let filters: [FilterGraph.Filter] =
            switch self {
            case .greyscale: [.init("hue", [("s", "0")])]
            case .sepia:
                [
                    .init(
                        "colorchannelmixer",
                        [
                            ("rr", "0.393"), ("rg", "0.769"), ("rb", "0.189"), ("gr", "0.349"), ("gg", "0.686"), ("gb", "0.168"),
                            ("br", "0.272"), ("bg", "0.534"), ("bb", "0.131"),
                        ]
                    )
                ]
            case .vivid: [.init("eq", [("saturation", "1.6"), ("contrast", "1.1")])]
            case .contrast: [.init("eq", [("contrast", "1.4")])]
            case .brighten: [.init("eq", [("brightness", "0.12")])]
            case .darken: [.init("eq", [("brightness", "-0.12")])]
            case .blur: [.init("gblur", [("sigma", NumberText.ffmpeg(max(1, Double(height) / 90)))])]
            case .vignette: [.init("vignette", [])]
            }
        return filters + [.init("format", [("pix_fmts", "yuv420p")])]
    }
}
