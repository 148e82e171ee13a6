import Foundation
import ReelCore

/// What an MP4/MOV file says of itself in its `moov` box — the movie's duration and each
/// track's kind, codec, duration and sample count — read in-process, without starting ffprobe
/// (whose start-up alone costs ~0.1 s of CPU on Debian's build). Used for outputs Reel has just
/// written by stream copy, whose streams it already knows from the sources.
public struct MP4Summary: Sendable, Equatable {
    /// One `trak` box.
    public struct Track: Sendable, Equatable {
        /// The handler type: `vide`, `soun`, …
        public var handler: String
        /// The first sample entry's four-character code: `avc1`, `mp4a`, …
        public var codec: String
        public var timescale: UInt32
        public var duration: UInt64
        public var sampleCount: Int
        /// Width and height of a visual sample entry.
        public var width: Int?
        public var height: Int?
        /// Channel count and sample rate of an audio sample entry (for AAC the channel count is
        /// nominal: the real layout is in the decoder configuration).
        public var channels: Int?
        public var sampleRate: Int?
    }

    /// The movie header's duration, in seconds.
    public var duration: Double
    public var tracks: [Track]
    /// The whole file's size, in bytes.
    public var sizeBytes: Int = 0

    /// Reads the summary of the file at `path`; nil when it is not an MP4/MOV file with a
    /// readable `moov` box.
    public static func read(path: String) -> MP4Summary? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var offset: UInt64 = 0
        while let header = try? handle.read(upToCount: 16), header.count >= 8 {
            let bytes = [UInt8](header)
            var size = UInt64(BoxReader.uint32(bytes, 0))
            let type = BoxReader.fourCC(bytes, 4)
            var headerSize: UInt64 = 8
            if size == 1, bytes.count >= 16 {
                size = BoxReader.uint64(bytes, 8)
                headerSize = 16
            } else if size == 0 {
                return nil
            }
            guard size >= headerSize else { return nil }
            if type == "moov" {
                guard size - headerSize <= 64 << 20 else { return nil }
                try? handle.seek(toOffset: offset + headerSize)
                guard let payload = try? handle.read(upToCount: Int(size - headerSize)), UInt64(payload.count) == size - headerSize
                else { return nil }
                guard var summary = parse(moov: [UInt8](payload)), let end = try? handle.seekToEnd() else { return nil }
                summary.sizeBytes = Int(end)
                return summary
            }
            offset += size
            guard (try? handle.seek(toOffset: offset)) != nil else { return nil }
        }
        return nil
    }

    /// Parses the payload of a `moov` box.
    static func parse(moov: [UInt8]) -> MP4Summary? {
        var duration: Double?
        var tracks: [Track] = []
        for box in BoxReader.children(moov, 0..<moov.count) {
            switch box.type {
            case "mvhd":
                guard let header = BoxReader.mediaHeader(moov, box.payload) else { return nil }
                duration = Double(header.duration) / Double(max(header.timescale, 1))
            case "trak":
                if let track = parseTrack(moov, box.payload) { tracks.append(track) }
            default:
                continue
            }
        }
        guard let duration else { return nil }
        return MP4Summary(duration: duration, tracks: tracks)
    }

    static func parseTrack(_ bytes: [UInt8], _ range: Range<Int>) -> Track? {
        guard let mdia = BoxReader.child(bytes, range, "mdia"),
            let mdhd = BoxReader.child(bytes, mdia, "mdhd").flatMap({ BoxReader.mediaHeader(bytes, $0) }),
            let hdlr = BoxReader.child(bytes, mdia, "hdlr"), hdlr.count >= 12,
            let stbl = BoxReader.child(bytes, mdia, "minf").flatMap({ BoxReader.child(bytes, $0, "stbl") }),
            let stsd = BoxReader.child(bytes, stbl, "stsd"), stsd.count >= 16,
            let stsz = BoxReader.child(bytes, stbl, "stsz") ?? BoxReader.child(bytes, stbl, "stz2"), stsz.count >= 12
        else { return nil }
        let handler = BoxReader.fourCC(bytes, hdlr.lowerBound + 8)
        var track = Track(
            handler: handler,
            codec: BoxReader.fourCC(bytes, stsd.lowerBound + 12),
            timescale: mdhd.timescale,
            duration: mdhd.duration,
            sampleCount: Int(BoxReader.uint32(bytes, stsz.lowerBound + 8))
        )
        let entry = stsd.lowerBound + 16  // the first sample entry's payload
        switch handler {
        case "vide" where entry + 28 <= stsd.upperBound:
            track.width = Int(BoxReader.uint16(bytes, entry + 24))
            track.height = Int(BoxReader.uint16(bytes, entry + 26))
        case "soun" where entry + 28 <= stsd.upperBound:
            track.channels = Int(BoxReader.uint16(bytes, entry + 16))
            track.sampleRate = Int(BoxReader.uint32(bytes, entry + 24) >> 16)
        default:
            break
        }
        return track
    }

    /// The info ffprobe would give for this file, when it is a stream copy of `source`: the
    /// streams' parameters are the source's, the duration, size and frame count this file's.
    /// Nil when the tracks do not match the source's streams (then ask ffprobe).
    public func mediaInfo(copyOf source: MediaInfo) -> MediaInfo? {
        let video = tracks.filter { $0.handler == "vide" }
        let audio = tracks.filter { $0.handler == "soun" }
        guard video.count == 1, let picture = video.first, picture.codec == "avc1", source.videoCodec == "h264",
            picture.width == source.width, picture.height == source.height, audio.count <= 1,
            (audio.first != nil) == (source.audioCodec != nil), duration > 0
        else { return nil }
        if let sound = audio.first {
            // The sample entry's channel count is not AAC's (that lives in the decoder config); the rate is.
            guard sound.codec == "mp4a", source.audioCodec == "aac", sound.sampleRate == source.sampleRate else { return nil }
        }
        var info = source
        info.formatName = "mov,mp4,m4a,3gp,3g2,mj2"
        info.duration = duration
        info.sizeBytes = sizeBytes
        info.bitRate = Int(clamping: (Double(sizeBytes) * 8 / duration).rounded(.down))
        info.frameCount = picture.sampleCount
        return info
    }
}

/// Big-endian reads and box walking over an ISO BMFF byte buffer; every read is bounds-checked
/// by the caller's ranges.
enum BoxReader {
    struct Box {
        var type: String
        var payload: Range<Int>
    }

    /// The boxes directly inside `range`; stops at the first malformed header.
    static func children(_ bytes: [UInt8], _ range: Range<Int>) -> [Box] {
        var boxes: [Box] = []
        var offset = range.lowerBound
        while offset + 8 <= range.upperBound {
            var size = Int(uint32(bytes, offset))
            var header = 8
            if size == 1 {
                guard offset + 16 <= range.upperBound else { break }
                let large = uint64(bytes, offset + 8)
                guard large <= UInt64(range.upperBound - offset) else { break }
                size = Int(large)
                header = 16
            } else if size == 0 {
                size = range.upperBound - offset
            }
            guard size >= header, offset + size <= range.upperBound else { break }
            boxes.append(Box(type: fourCC(bytes, offset + 4), payload: (offset + header)..<(offset + size)))
            offset += size
        }
        return boxes
    }

    static func child(_ bytes: [UInt8], _ range: Range<Int>, _ type: String) -> Range<Int>? {
        children(bytes, range).first { $0.type == type }?.payload
    }

    /// Timescale and duration of an `mvhd` or `mdhd` payload (versions 0 and 1).
    static func mediaHeader(_ bytes: [UInt8], _ range: Range<Int>) -> (timescale: UInt32, duration: UInt64)? {
        guard range.count >= 4 else { return nil }
        let start = range.lowerBound
        if bytes[start] == 1 {
            guard range.count >= 32 else { return nil }
            return (uint32(bytes, start + 20), uint64(bytes, start + 24))
        }
        guard range.count >= 20 else { return nil }
        return (uint32(bytes, start + 12), UInt64(uint32(bytes, start + 16)))
    }

    static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1])
    }

    static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(uint16(bytes, at)) << 16 | UInt32(uint16(bytes, at + 2))
    }

    static func uint64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        UInt64(uint32(bytes, at)) << 32 | UInt64(uint32(bytes, at + 4))
    }

    static func fourCC(_ bytes: [UInt8], _ at: Int) -> String {
        String(decoding: bytes[at..<(at + 4)], as: Unicode.ASCII.self)
    }
}
