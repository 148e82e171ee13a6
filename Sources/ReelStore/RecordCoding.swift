import Foundation
import ReelCore

/// Encodes JSON columns and decodes rows of ``SQLiteStore/columns`` into records.
enum RecordCoding {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ text: String, as type: T.Type = T.self) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    static func date(_ value: SQLiteValue) -> Date? {
        value.double.map(Date.init(timeIntervalSince1970:))
    }

    static func record(_ row: [SQLiteValue]) throws -> CompositionRecord {
        guard let id = row[0].string.flatMap(UUID.init(uuidString:)), let request = row[1].string else {
            throw SQLiteError(code: 0, message: "malformed composition row")
        }
        return CompositionRecord(
            id: id,
            request: try decode(request),
            status: row[2].string.flatMap(CompositionStatus.init(rawValue:)) ?? .pending,
            progress: row[3].double ?? 0,
            currentStage: row[4].string.flatMap(RenderStage.init(rawValue:)) ?? .queued,
            stages: try row[5].string.map { try decode($0) } ?? [],
            errorMessage: row[6].string,
            result: try row[7].string.map { try decode($0) },
            attempt: row[8].int ?? 0,
            createdAt: date(row[9]) ?? Date(timeIntervalSince1970: 0),
            updatedAt: date(row[10]) ?? Date(timeIntervalSince1970: 0),
            startedAt: date(row[11]),
            completedAt: date(row[12])
        )
    }
}
