/// Every fixed bound on what a client may send, in one table: decoding, validation, merging,
/// caption parsing and the OpenAPI document all read these values, so no two can drift apart.
/// Bounds an operator sets (a composition's length, clips, overlays, the body size) are
/// ``CompositionLimits`` and ``ReelConfiguration``.
public enum InputLimits {
    /// Characters of a composition's `title` and a template's `name`.
    public static let titleLength = 255
    /// Characters of a `description`.
    public static let descriptionLength = 5000
    /// Characters of an overlay's text and of a caption cue's text.
    public static let textLength = 1000
    /// Characters a typewriter animation draws.
    public static let typewriterLength = 200
    /// Characters of a source or webhook URL.
    public static let urlLength = 2048
    /// Levels of arrays and objects a JSON body may nest (the composition needs four, its
    /// `metadata` up to ``metadataDepth`` more); deeper bodies are refused before parsing.
    public static let bodyDepth = 16
    /// Levels of arrays and objects in `metadata`, which every read of a composition echoes.
    public static let metadataDepth = 10
    /// Bytes of `metadata` as JSON.
    public static let metadataBytes = 16_384
    /// Seconds: the latest time in a source (a trim) or past the timeline's end (an overlay's
    /// end, a cue's) Reel accepts. Every time is range-checked before it becomes an integer.
    public static let sourceTime: Double = 86_400
    /// Seconds of source a clip may play backwards.
    public static let reverseSeconds: Double = 60
    /// Cues of a caption file or of inline `captions.cues`.
    public static let cues = 5000
    /// Bytes of a caption file.
    public static let captionFileBytes = 2_000_000
    /// Characters of a merge field's name.
    public static let mergeNameLength = 64
    /// Merge fields one template may declare.
    public static let mergeFields = 100
    /// `{{NAME}}` placeholders one composition may hold, all uses counted.
    public static let placeholderUses = 10_000
    /// Times one preview may ask for (a sheet of at most this many tiles).
    public static let previewTimes = 32
    /// Narrowest preview frame, in pixels.
    public static let previewMinWidth = 16
    /// Widest tile of a preview sheet, in pixels (32 tiles stay under 4,000 × 2,200).
    public static let previewTileWidth = 640
    /// Renditions of one output (an HLS ladder or MP4 sizes).
    public static let renditions = 4
    /// Tiles of one storyboard.
    public static let storyboardTiles = 1000
}
