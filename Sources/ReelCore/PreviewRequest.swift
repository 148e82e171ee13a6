import Foundation

/// The JSON body of `POST /api/v1/previews`: what to preview (a composition, a stored one, or a
/// template with merge values), at which times, how wide and in which picture format.
public struct PreviewRequest: Sendable, Hashable, Decodable {
    /// A composition as `POST /compositions` takes it, decoded by the caller the same way.
    public var composition: JSONValue?
    public var compositionID: UUID?
    public var templateID: UUID?
    public var merge: [String: JSONValue]?
    public var time: Double?
    public var times: [Double]?
    /// Pixels; a single frame defaults to 640 and a sheet's tiles to 320, never wider than the
    /// output (nor a sheet's tiles than ``InputLimits/previewTileWidth``).
    public var width: Int?
    public var format: ImageFormat

    enum CodingKeys: String, CodingKey {
        case composition, merge, time, times, width, format
        case compositionID = "composition_id"
        case templateID = "template_id"
    }

    public init(
        composition: JSONValue? = nil, compositionID: UUID? = nil, templateID: UUID? = nil, merge: [String: JSONValue]? = nil,
        time: Double? = nil, times: [Double]? = nil, width: Int? = nil, format: ImageFormat = .jpg
    ) {
        self.composition = composition
        self.compositionID = compositionID
        self.templateID = templateID
        self.merge = merge
        self.time = time
        self.times = times
        self.width = width
        self.format = format
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.reportUnknownKeys(CodingKeys.self)
        composition = try c.decodeIfPresent(JSONValue.self, forKey: .composition)
        if let composition, case .object = composition {
        } else if composition != nil {
            throw FieldProblem("must be an object: a composition").decodingError(at: c.codingPath + [CodingKeys.composition])
        }
        compositionID = try Self.id(c, .compositionID)
        templateID = try Self.id(c, .templateID)
        merge = try c.decodeIfPresent([String: JSONValue].self, forKey: .merge)
        time = try c.decodeIfPresent(Double.self, forKey: .time)
        times = try c.decodeIfPresent([Double].self, forKey: .times)
        width = try c.decodeWholeNumberIfPresent(forKey: .width)
        format = try c.decodeIfPresent(ImageFormat.self, forKey: .format) ?? .jpg
    }

    static func id(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> UUID? {
        guard let text = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let id = UUID(uuidString: text) else {
            throw FieldProblem("must be an id (a UUID)").decodingError(at: c.codingPath + [key])
        }
        return id
    }

    /// Longest side of a sheet, in pixels (WebP's own bound is 16,383).
    public static let sheetSide = 4096

    /// The times asked for, one or many.
    public var requestedTimes: [Double] { times ?? time.map { [$0] } ?? [] }

    /// What is wrong with the request itself, before its composition is known: exactly one
    /// source, `time` or `times` (1 to ``InputLimits/previewTimes``), `merge` only with a template.
    public var problems: [FieldError] {
        var problems: [FieldError] = []
        let named = [composition != nil, compositionID != nil, templateID != nil].filter { $0 }.count
        if named != 1 {
            problems.append(
                FieldError(
                    field: "composition", message: "give exactly one of composition, composition_id or template_id",
                    errorType: named == 0 ? "missing" : "conflict"))
        }
        if merge != nil, templateID == nil {
            problems.append(FieldError(field: "merge", message: "merge values go with template_id", errorType: "conflict"))
        }
        switch (time, times) {
        case (nil, nil):
            problems.append(FieldError(field: "time", message: "give time (seconds) or times (a list)", errorType: "missing"))
        case (.some, .some):
            problems.append(FieldError(field: "times", message: "give time or times, not both", errorType: "conflict"))
        case (nil, .some(let times)) where times.isEmpty || times.count > InputLimits.previewTimes:
            problems.append(
                FieldError(field: "times", message: "must hold 1 to \(InputLimits.previewTimes) times", errorType: "range"))
        default:
            break
        }
        return problems
    }

    /// What is wrong with the times and width for `composition`: every time finite, at or
    /// after 0 and before the timeline's end; the width from ``InputLimits/previewMinWidth``
    /// to the output's own width; a picture to draw.
    public func problems(for composition: CompositionRequest) -> [FieldError] {
        var problems: [FieldError] = []
        guard composition.output.format.hasVideo, let size = composition.output.size else {
            return [
                FieldError(
                    field: "composition.output.format", message: "\(composition.output.format.rawValue) has no picture to preview",
                    errorType: "unsupported")
            ]
        }
        let duration = composition.duration
        for (index, time) in requestedTimes.enumerated() where !(time.isFinite && time >= 0 && time < duration) {
            problems.append(
                FieldError(
                    field: times == nil ? "time" : "times[\(index)]",
                    message: "must be a time on the timeline, from 0 to before its end (\(NumberText.plain(duration)) s)",
                    errorType: "range"))
        }
        let widest = requestedTimes.count > 1 ? min(size.width, InputLimits.previewTileWidth) : size.width
        if let width, !(InputLimits.previewMinWidth...widest).contains(width) {
            let bound = widest < size.width ? "a sheet's tile width, \(widest)" : "the output's width, \(size.width)"
            problems.append(
                FieldError(field: "width", message: "must be from \(InputLimits.previewMinWidth) to \(bound)", errorType: "range"))
        } else if requestedTimes.count > 1 {
            let sheet = FrameSheet(
                times: requestedTimes, frameTimes: requestedTimes, width: frameWidth(for: composition), size: size)
            let (across, down) = (sheet.columns * sheet.tileWidth, sheet.rows * sheet.tileHeight)
            if max(across, down) > Self.sheetSide {
                problems.append(
                    FieldError(
                        field: "width",
                        message:
                            "the sheet would be \(across)×\(down) pixels, more than \(Self.sheetSide) on a side: ask for narrower tiles or fewer times",
                        errorType: "range"))
            }
        }
        return problems
    }

    /// The width of each frame: as asked, or 640 for one and 320 for a sheet's tiles, at most the output's.
    public func frameWidth(for composition: CompositionRequest) -> Int {
        if let width { return width }
        let outputWidth = composition.output.size?.width ?? 640
        return min(requestedTimes.count > 1 ? 320 : 640, outputWidth) / 2 * 2
    }
}
