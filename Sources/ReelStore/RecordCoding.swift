import Foundation
import ReelCore

/// Encodes JSON columns and turns stored columns into records; shared by the drivers.
enum RecordCoding {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ text: String, as type: T.Type = T.self) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    /// The columns of a composition row, in the order of ``SQLiteStore/columns`` and ``PostgresStore``'s.
    struct Columns {
        var id: UUID
        var request: String
        var status: String
        var progress: Double
        var stage: String
        var stages: String?
        var errorMessage: String?
        var result: String?
        var attempt: Int
        var createdAt: Date
        var updatedAt: Date
        var startedAt: Date?
        var completedAt: Date?
        var tenant: String
        var requestID: String?

        func record() throws -> CompositionRecord {
            CompositionRecord(
                id: id,
                tenant: tenant,
                request: try decode(request),
                status: try StoreError.named(status, "status"),
                progress: progress,
                currentStage: try StoreError.named(stage, "stage"),
                stages: try stages.map { try decode($0) } ?? [],
                errorMessage: errorMessage,
                result: try result.map { try decode($0) },
                attempt: attempt,
                createdAt: createdAt,
                updatedAt: updatedAt,
                startedAt: startedAt,
                completedAt: completedAt,
                requestID: requestID
            )
        }
    }

    static func date(_ value: SQLiteValue) -> Date? {
        value.double.map(Date.init(timeIntervalSince1970:))
    }

    static func record(_ row: [SQLiteValue]) throws -> CompositionRecord {
        try Columns(
            id: try row.uuid(0, "id"),
            request: try row.text(1, "request"),
            status: try row.text(2, "status"),
            progress: try row.real(3, "progress"),
            stage: try row.text(4, "stage"),
            stages: row[5].string,
            errorMessage: row[6].string,
            result: row[7].string,
            attempt: try row.integer(8, "attempt"),
            createdAt: try row.date(9, "created_at"),
            updatedAt: try row.date(10, "updated_at"),
            startedAt: date(row[11]),
            completedAt: date(row[12]),
            tenant: try row.text(13, "tenant"),
            requestID: row[14].string
        ).record()
    }
}
