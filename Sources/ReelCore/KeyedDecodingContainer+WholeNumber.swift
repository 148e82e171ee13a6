extension KeyedDecodingContainer {
    /// A whole number sent as any JSON number (`48`, `48.0`, `1e19`): out-of-range values come
    /// back clamped to ±1e9 for the validator to name; a fraction is refused at the field.
    func decodeWholeNumberIfPresent(forKey key: Key) throws -> Int? {
        guard let value = try decodeIfPresent(Double.self, forKey: key) else { return nil }
        guard value == value.rounded() else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "must be a whole number")
        }
        return Int(clamping: max(min(value, 1e9), -1e9))
    }
}
