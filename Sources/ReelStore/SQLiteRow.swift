import Foundation
import ReelCore

/// A row SQLite answered, read column by column. A required column that is NULL or of another
/// type, or a name no case has, throws ``StoreError`` `bad_row` naming the column: a default
/// never stands in for what the row should have held.
extension Array where Element == SQLiteValue {
    func text(_ index: Int, _ column: String) throws -> String {
        guard let value = self[index].string else { throw StoreError.badRow(column) }
        return value
    }

    func real(_ index: Int, _ column: String) throws -> Double {
        guard let value = self[index].double else { throw StoreError.badRow(column) }
        return value
    }

    func integer(_ index: Int, _ column: String) throws -> Int {
        guard let value = self[index].int else { throw StoreError.badRow(column) }
        return value
    }

    /// A time stored as seconds since 1970.
    func date(_ index: Int, _ column: String) throws -> Date {
        Date(timeIntervalSince1970: try real(index, column))
    }

    func uuid(_ index: Int, _ column: String) throws -> UUID {
        guard let value = UUID(uuidString: try text(index, column)) else { throw StoreError.badRow(column) }
        return value
    }

    /// A stored name read as `T` (a status, a stage).
    func named<T: RawRepresentable>(_ index: Int, _ column: String, as type: T.Type = T.self) throws -> T where T.RawValue == String {
        try StoreError.named(try text(index, column), column)
    }
}
