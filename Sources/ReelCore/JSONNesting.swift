/// How deeply a JSON text nests arrays and objects, found in one pass over its bytes before
/// any parser sees it: a body of a few kilobytes nested hundreds of levels deep costs a
/// recursive decoder quadratic time, so such bodies are refused first.
public enum JSONNesting {
    /// Whether `bytes` nests deeper than `limit` levels; strings (with their escapes) are skipped.
    public static func exceeds(_ bytes: some Sequence<UInt8>, limit: Int) -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit { return true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return false
    }
}
