/// Why a decoder refused a value, in the words a client is shown (`must be one of jpg, png,
/// webp`): thrown inside a `DecodingError`, it becomes that field's message.
public struct FieldProblem: Error, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    /// A `DecodingError` at `codingPath` carrying this problem.
    public func decodingError(at codingPath: [any CodingKey]) -> DecodingError {
        .dataCorrupted(.init(codingPath: codingPath, debugDescription: message, underlyingError: self))
    }
}
