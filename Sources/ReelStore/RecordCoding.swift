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
                status: CompositionStatus(rawValue: status) ?? .pending,
                progress: progress,
                currentStage: RenderStage(rawValue: stage) ?? .queued,
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
        guard let id = row[0].string.flatMap(UUID.init(uuidString:)), let request = row[1].string else {
            throw SQLiteError(code: 0, message: "malformed composition row")
        }
        return try Columns(
            id: id,
            request: request,
            status: row[2].string ?? "pending",
            progress: row[3].double ?? 0,
            stage: row[4].string ?? "queued",
            stages: row[5].string,
            errorMessage: row[6].string,
            result: row[7].string,
            attempt: row[8].int ?? 0,
            createdAt: date(row[9]) ?? Date(timeIntervalSince1970: 0),
            updatedAt: date(row[10]) ?? Date(timeIntervalSince1970: 0),
            startedAt: date(row[11]),
            completedAt: date(row[12]),
            tenant: row[13].string ?? "",
            requestID: row[14].string
        ).record()
    }
}
