/// A store that cannot be opened or used as configured.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var code: String
    public var message: String

    public init(code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

extension StoreError {
    /// A stored row whose `column` holds no value of the type the record needs.
    static func badRow(_ column: String) -> StoreError {
        StoreError(code: "bad_row", "a stored row's \(column) is missing or of the wrong type")
    }

    /// `text` read as `T` (a status, a stage), or `bad_row` when no case has that name.
    static func named<T: RawRepresentable>(_ text: String, _ column: String, as type: T.Type = T.self) throws -> T
    where T.RawValue == String {
        guard let value = T(rawValue: text) else { throw badRow(column) }
        return value
    }
}
