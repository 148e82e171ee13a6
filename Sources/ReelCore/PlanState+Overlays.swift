import Foundation

extension PlanState {
    /// x and y expressions placing an item of size `item` at `position` inside a frame of
    /// size `frame`, with a margin of 5 % of the frame's height.
    func anchor(_ position: OverlayPosition, frame: (w: String, h: String), item: (w: String, h: String)) -> (x: String, y: String) {
        let margin = "(\(frame.h)*0.05)"
        let left = margin
        let centerX = "(\(frame.w)-\(item.w))/2"
        let right = "\(frame.w)-\(item.w)-\(margin)"
        let top = margin
        let centerY = "(\(frame.h)-\(item.h))/2"
        let bottom = "\(frame.h)-\(item.h)-\(margin)"
        switch position {
        case .topLeft: return (left, top)
        case .topCenter: return (centerX, top)
        case .topRight: return (right, top)
        case .centerLeft: return (left, centerY)
        case .center: return (centerX, centerY)
        case .centerRight: return (right, centerY)
        case .bottomLeft: return (left, bottom)
        case .bottomCenter: return (centerX, bottom)
        case .bottomRight: return (right, bottom)
        }
    }

    /// When the overlay shows: `[start, end)` clipped to the timeline.
    func window(_ overlay: Overlay, total: Double) -> (start: Double, end: Double) {
        (overlay.startTime, min(overlay.endTime ?? total, total))
    }

    func enableExpression(_ overlay: Overlay, total: Double) -> String {
        let (start, end) = window(overlay, total: total)
        return "between(t,\(Self.number(start)),\(Self.number(end)))"
    }

    mutating func addText(
        _ overlay: Overlay,
        text: String,
        index: Int,
        on video: String,
        total: Double,
        fontFile: String,
        directory: String
    ) -> String {
        let fileName = "overlay\(index).txt"
        files[fileName] = text
        let (x, y) = anchor(overlay.position, frame: ("w", "h"), item: ("text_w", "text_h"))
        let color = Color(overlay.fontColor)?.ffmpeg ?? "white"
        var options: [(String, String)] = [
            ("fontfile", fontFile), ("textfile", directory + "/" + fileName), ("expansion", "none"),
            ("fontsize", String(overlay.fontSize)), ("fontcolor", color),
            ("borderw", String(max(1, overlay.fontSize / 24))), ("bordercolor", "black@0.6"),
            ("x", x), ("y", y), ("enable", enableExpression(overlay, total: total)),
        ]
        if let background = overlay.backgroundColor.flatMap(Color.init) {
            options += [("box", "1"), ("boxcolor", background.ffmpeg), ("boxborderw", String(max(4, overlay.fontSize / 4)))]
            effect("text_background")
        }
        if overlay.fadeIn > 0 || overlay.fadeOut > 0 {
            let (start, end) = window(overlay, total: total)
            var alpha = "1"
            if overlay.fadeOut > 0 {
                alpha = "if(gt(t,\(Self.number(end - overlay.fadeOut))),(\(Self.number(end))-t)/\(Self.number(overlay.fadeOut)),\(alpha))"
            }
            if overlay.fadeIn > 0 {
                alpha = "if(lt(t,\(Self.number(start + overlay.fadeIn))),(t-\(Self.number(start)))/\(Self.number(overlay.fadeIn)),\(alpha))"
            }
            options.append(("alpha", "max(0,min(1,\(alpha)))"))
            effect("overlay_fade")
        }
        let label = "tv\(index)"
        graph.add([video], [.init("drawtext", options)], [label])
        return label
    }

    /// An image or video overlay drawn over `video`. Times are the timeline's; `offset` is
    /// where this graph's time 0 sits on it (a segment's start), so an overlay that began in an
    /// earlier segment continues: the video is sought past what was shown, and fades run on the
    /// timeline's clock.
    mutating func addPicture(
        _ overlay: Overlay, source: RenderSource, index: Int, on video: String, total: Double, offset: Double = 0
    ) -> String {
        let (start, end) = window(overlay, total: total)
        let shown = max(start, offset)
        let input: Int
        var filters: [FilterGraph.Filter]
        if overlay.videoURL != nil, !source.info.isStill {
            let seek = overlay.trimStart + (shown - start)
            input = addInput((seek > 0 ? ["-ss", Self.number(seek)] : []) + ["-t", Self.number(max(0, end - shown))], path: source.path)
            filters = [.init("setpts", [("expr", "PTS-STARTPTS+\(Self.number(shown))/TB")]), .init("fps", [("fps", fpsText)])]
            effect("video_overlay")
        } else {
            input = addInput(["-loop", "1", "-framerate", fpsText, "-t", Self.number(max(0, end - shown))], path: source.path)
            filters = [.init("setpts", [("expr", "PTS-STARTPTS+\(Self.number(shown))/TB")])]
            effect("image_overlay")
        }
        let imageWidth = max(2, Int((Double(width) * overlay.scale / 2).rounded()) * 2)
        let (x, y) = anchor(overlay.position, frame: ("main_w", "main_h"), item: ("overlay_w", "overlay_h"))
        filters += [.init("scale", [("w", String(imageWidth)), ("h", "-2")]), .init("format", [("pix_fmts", "rgba")])]
        if let key = overlay.chromaKey, let color = Color(key.color) {
            filters.append(
                .init(
                    "chromakey", [("color", color.ffmpeg), ("similarity", Self.number(key.similarity)), ("blend", Self.number(key.blend))]))
            effect("chroma_key")
        }
        if overlay.opacity < 1 { filters.append(.init("colorchannelmixer", [("aa", Self.number(overlay.opacity))])) }
        if overlay.fadeIn > 0 {
            filters.append(.init("fade", [("t", "in"), ("st", Self.number(start)), ("d", Self.number(overlay.fadeIn)), ("alpha", "1")]))
        }
        if overlay.fadeOut > 0 {
            filters.append(
                .init(
                    "fade", [("t", "out"), ("st", Self.number(end - overlay.fadeOut)), ("d", Self.number(overlay.fadeOut)), ("alpha", "1")])
            )
        }
        filters.append(.init("setpts", [("expr", "PTS-\(Self.number(offset))/TB")]))
        graph.add(["\(input):v:0"], filters, ["img\(index)"])
        let label = "iv\(index)"
        let enable = "between(t,\(Self.number(start - offset)),\(Self.number(end - offset)))"
        graph.add(
            [video, "img\(index)"],
            [.init("overlay", [("x", x), ("y", y), ("enable", enable), ("eof_action", "pass")])],
            [label]
        )
        return label
    }
}
