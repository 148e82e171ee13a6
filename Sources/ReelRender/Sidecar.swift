import Foundation

/// A file a render makes beside its output: what it is (`captions`, `poster`, `storyboard`,
/// `storyboard_vtt`), where it is in the scratch folder, and how to serve it.
public struct Sidecar: Sendable, Hashable {
    public var role: String
    public var file: URL
    public var contentType: String

    public init(role: String, file: URL, contentType: String) {
        self.role = role
        self.file = file
        self.contentType = contentType
    }
}
