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

    /// An `enable` expression true on the frames of `[start, end)`: a frame at `end` is the next
    /// thing's. Both edges sit half a frame early, so a frame's time computed a hair short
    /// (111 / 30 = 3.6999…) still counts as at the edge.
    func shown(from start: Double, until end: Double) -> String {
        let half = 0.5 / fps
        return "gte(t,\(NumberText.ffmpeg(start - half)))*lt(t,\(NumberText.ffmpeg(end - half)))"
    }

    /// When the overlay shows: `[start, end)` clipped to the timeline.
    func window(_ overlay: Overlay, total: Double) -> (start: Double, end: Double) {
        (overlay.startTime, min(overlay.endTime ?? total, total))
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
        let (start, end) = window(overlay, total: total)
        let entrance = overlay.animation?.entrance
        let exit = overlay.animation?.exit
        var (x, y) = anchor(overlay.position, frame: ("w", "h"), item: ("text_w", "text_h"))
        // Eased progress of the entrance (0 → 1, slowing at the end) and of the exit (0 → 1, speeding up).
        let arriving =
            entrance.map { "(1-pow(1-min(1,max(0,(t-\(NumberText.ffmpeg(start)))/\(NumberText.ffmpeg($0.duration)))),3))" } ?? "1"
        let leaving =
            exit.map { "pow(min(1,max(0,(t-\(NumberText.ffmpeg(end - $0.duration)))/\(NumberText.ffmpeg($0.duration)))),3)" } ?? "0"
        let (baseX, baseY) = ("(\(x))", "(\(y))")
        switch entrance?.type {
        case .slideLeft: x = "\(baseX)+(w-\(baseX))*(1-\(arriving))"
        case .slideRight: x = "\(baseX)-(\(baseX)+text_w)*(1-\(arriving))"
        case .slideUp: y = "\(baseY)+(h-\(baseY))*(1-\(arriving))"
        case .slideDown: y = "\(baseY)-(\(baseY)+text_h)*(1-\(arriving))"
        default: break
        }
        switch exit?.type {
        case .slideLeft: x = "(\(x))-(\(baseX)+text_w)*\(leaving)"
        case .slideRight: x = "(\(x))+(w-\(baseX))*\(leaving)"
        case .slideUp: y = "(\(y))-(\(baseY)+text_h)*\(leaving)"
        case .slideDown: y = "(\(y))+(h-\(baseY))*\(leaving)"
        default: break
        }
        var size = String(overlay.fontSize)
        if entrance?.type == .zoom || exit?.type == .zoom {
            let grow = entrance?.type == .zoom ? arriving : "1"
            let shrink = exit?.type == .zoom ? "(1-\(leaving))" : "1"
            size = "max(1,\(overlay.fontSize)*\(grow)*\(shrink))"
        }
        for animation in [entrance, exit].compactMap({ $0 }) { effect("text_\(animation.type.rawValue)") }
        let color = Color(overlay.fontColor)?.ffmpeg ?? "white"
        let border =
            overlay.stroke.map { (NumberText.ffmpeg($0.width), Color($0.color)?.ffmpeg ?? "black") }
            ?? (String(max(1, overlay.fontSize / 24)), "black@0.6")
        var options: [(String, String)] = [
            ("fontfile", fontFile), ("textfile", directory + "/" + fileName), ("expansion", "none"),
            ("fontsize", size), ("fontcolor", color), ("borderw", border.0), ("bordercolor", border.1), ("x", x), ("y", y),
        ]
        if overlay.stroke != nil { effect("text_stroke") }
        if let shadow = overlay.shadow {
            options += [
                ("shadowx", NumberText.ffmpeg(shadow.x)), ("shadowy", NumberText.ffmpeg(shadow.y)),
                ("shadowcolor", Color(shadow.color)?.ffmpeg ?? "black"),
            ]
            effect("text_shadow")
        }
        if let background = overlay.backgroundColor.flatMap(Color.init) {
            options += [("box", "1"), ("boxcolor", background.ffmpeg), ("boxborderw", String(max(4, overlay.fontSize / 4)))]
            effect("text_background")
        }
        let fadeIn = entrance?.type == .fade ? entrance!.duration : overlay.fadeIn
        let fadeOut = exit?.type == .fade ? exit!.duration : overlay.fadeOut
        if fadeIn > 0 || fadeOut > 0 {
            var alpha = "1"
            if fadeOut > 0 {
                alpha = "if(gt(t,\(NumberText.ffmpeg(end - fadeOut))),(\(NumberText.ffmpeg(end))-t)/\(NumberText.ffmpeg(fadeOut)),\(alpha))"
            }
            if fadeIn > 0 {
                alpha =
                    "if(lt(t,\(NumberText.ffmpeg(start + fadeIn))),(t-\(NumberText.ffmpeg(start)))/\(NumberText.ffmpeg(fadeIn)),\(alpha))"
            }
            options.append(("alpha", "max(0,min(1,\(alpha)))"))
            effect("overlay_fade")
        }
        var filters: [FilterGraph.Filter] = []
        var shownFrom = start
        if let typing = entrance, typing.type == .typewriter {
            // A prefix per step, each drawn in its own slice of the entrance; the whole text after it.
            let characters = Array(text)
            let steps = min(characters.count, max(1, Int(clamping: (typing.duration * fps).rounded())))
            for step in 0..<steps {
                let count = (step + 1) * characters.count / steps
                let name = "overlay\(index)_\(step).txt"
                files[name] = String(characters.prefix(count))
                let from = start + typing.duration * Double(step) / Double(steps)
                let to = start + typing.duration * Double(step + 1) / Double(steps)
                var prefix = options
                prefix[1] = ("textfile", directory + "/" + name)
                prefix.append(("enable", shown(from: from, until: to)))
                filters.append(.init("drawtext", prefix))
            }
            shownFrom = start + typing.duration
        }
        options.append(("enable", shown(from: shownFrom, until: end)))
        filters.append(.init("drawtext", options))
        let label = "tv\(index)"
        graph.add([video], filters, [label])
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
        let from = max(start, offset)
        let input: Int
        var filters: [FilterGraph.Filter]
        if overlay.videoURL != nil, !source.info.isStill {
            let seek = overlay.trimStart + (from - start)
            input = addInput(
                (seek > 0 ? ["-ss", NumberText.ffmpeg(seek)] : []) + ["-t", NumberText.ffmpeg(max(0, end - from))], path: source.path)
            filters = [
                .init("setpts", [("expr", PlanState.pts("PTS", plus: from))]),
                .init("fps", [("fps", fpsText), ("start_time", NumberText.ffmpeg(from))]),
            ]
            effect("video_overlay")
        } else {
            input = addInput(["-loop", "1", "-framerate", fpsText, "-t", NumberText.ffmpeg(max(0, end - from))], path: source.path)
            filters = [.init("setpts", [("expr", PlanState.pts("PTS-STARTPTS", plus: from))])]
            effect("image_overlay")
        }
        let imageWidth = max(2, Int(clamping: (Double(width) * overlay.scale / 2).rounded()) * 2)
        let (x, y) = anchor(overlay.position, frame: ("main_w", "main_h"), item: ("overlay_w", "overlay_h"))
        filters += [.init("scale", [("w", String(imageWidth)), ("h", "-2")]), .init("format", [("pix_fmts", "rgba")])]
        if let key = overlay.chromaKey, let color = Color(key.color) {
            filters.append(
                .init(
                    "chromakey",
                    [("color", color.ffmpeg), ("similarity", NumberText.ffmpeg(key.similarity)), ("blend", NumberText.ffmpeg(key.blend))]))
            effect("chroma_key")
        }
        if overlay.opacity < 1 { filters.append(.init("colorchannelmixer", [("aa", NumberText.ffmpeg(overlay.opacity))])) }
        if overlay.fadeIn > 0 {
            filters.append(
                .init("fade", [("t", "in"), ("st", NumberText.ffmpeg(start)), ("d", NumberText.ffmpeg(overlay.fadeIn)), ("alpha", "1")]))
        }
        if overlay.fadeOut > 0 {
            filters.append(
                .init(
                    "fade",
                    [
                        ("t", "out"), ("st", NumberText.ffmpeg(end - overlay.fadeOut)), ("d", NumberText.ffmpeg(overlay.fadeOut)),
                        ("alpha", "1"),
                    ])
            )
        }
        filters.append(.init("setpts", [("expr", PlanState.pts("PTS", plus: -offset))]))
        graph.add(["\(input):v:0"], filters, ["img\(index)"])
        let label = "iv\(index)"
        let enable = shown(from: start - offset, until: end - offset)
        graph.add(
            [video, "img\(index)"],
            [.init("overlay", [("x", x), ("y", y), ("enable", enable), ("eof_action", "pass")])],
            [label]
        )
        return label
    }
}
