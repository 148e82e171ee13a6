/// ffmpeg and ffprobe options that confine a user's source to plain media in a local file.
///
/// Without them a source can be a playlist or manifest (HLS `.m3u8`, DASH `.mpd`, an
/// `ffconcat` list) whose entries name other files, `file:///…` included, and ffmpeg would read
/// those into the output. Sources are always local copies (cached downloads, stored assets), so
/// only the `file` protocol is needed, and only demuxers that never open another resource.
public enum SourceInput {
    /// Demuxers a source may use: containers, audio files and still images.
    public static let demuxers = [
        "mov", "matroska", "avi", "flv", "mpegts", "mpeg", "asf", "ivf", "mp3", "wav", "w64", "aiff", "ogg", "flac",
        "aac", "gif", "image2", "png_pipe", "jpeg_pipe", "webp_pipe", "bmp_pipe", "tiff_pipe",
    ]

    /// Input options for one source: they go before its `-i`.
    public static let options = ["-protocol_whitelist", "file", "-format_whitelist", demuxers.joined(separator: ",")]

    /// Input options for an `ffconcat` list Reel wrote itself naming sources: the list and the
    /// files it names (which inherit the whitelist).
    public static let concatOptions = [
        "-protocol_whitelist", "file", "-format_whitelist", (["concat"] + demuxers).joined(separator: ","),
    ]
}
