import Foundation

extension URLComponents {
    /// Whether the URL's port, if it names one, is a TCP port (1–65535). URLComponents reads
    /// `:99999` as 99999, and AsyncHTTPClient traps on a port that does not fit 16 bits: every URL
    /// Reel connects to is checked with this first.
    public var hasUsablePort: Bool { port.map { (1...65535).contains($0) } ?? true }
}
