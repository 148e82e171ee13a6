import Foundation

/// The byte range an HTTP `Range: bytes=…` header asks of a file (RFC 9110 §14.1.2): the first
/// range of the set, clipped to the file's size. It lives here, apart from the HTTP stack, so its
/// fuzzer (ReelFuzzTargets) builds with ReelCore alone.
public enum ByteRange {
    /// The bytes to send of a file of `size` bytes; nil when the header cannot be satisfied.
    public static func parse(_ header: String, size: Int) -> ClosedRange<Int>? {
        guard header.hasPrefix("bytes="), size > 0 else { return nil }
        let spec = header.dropFirst(6).split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let parts = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        if parts[0].isEmpty {
            guard let suffix = Int(parts[1]), suffix > 0 else { return nil }
            return max(0, size - suffix)...(size - 1)
        }
        guard let start = Int(parts[0]), start < size else { return nil }
        if parts[1].isEmpty { return start...(size - 1) }
        guard let end = Int(parts[1]), end >= start else { return nil }
        return start...min(end, size - 1)
    }
}
