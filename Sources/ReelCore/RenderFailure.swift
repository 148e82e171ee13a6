/// Why a render failed, worded for the user, and whether trying again may help.
public struct RenderFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// True for network and storage hiccups that a retry may cure.
    public var isTransient: Bool

    public init(_ message: String, transient: Bool = false) {
        self.message = message
        self.isTransient = transient
    }

    public var description: String { message }
}
