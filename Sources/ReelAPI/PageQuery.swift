import Hummingbird
import ReelCore

/// A query parameter that is an integer in a range (`offset`, `limit`, `expires_in`): absent
/// gives the default; anything else out of range is a 422 naming it.
enum PageQuery {
    static func integer(_ value: Substring?, name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let value else { return fallback }
        guard let number = Int(value), range.contains(number) else {
            throw ReelError.validation(field: name, "must be an integer from \(range.lowerBound) to \(range.upperBound)", type: "range")
        }
        return number
    }
}
