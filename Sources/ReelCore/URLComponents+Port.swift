import Foundation

extension URLComponents {
    /// Whether the URL's port, if it names one, is a TCP port (1–65535). URLComponents reads
    /// `:99999` as 99999, and AsyncHTTPClient traps on a port that does not fit 16 bits: every URL
    /// Reel connects to is checked with this first.
    public var hasUsablePort: Bool {
        guard let port else { return rangeOfPort == nil }  // digits too many to read are no port either
        return (1...65535).contains(port)
    }
}
