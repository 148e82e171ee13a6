import Foundation
import ReelCore
import Testing

@testable import ReelAPI

@Suite("Hand-written JSON of /status")
struct StatusJSONTests {
    @Test("timestamps are ISO 8601 in UTC with milliseconds, within a millisecond of Foundation's")
    func timestamps() throws {
        var dates = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_800_000_000.999), Date(timeIntervalSince1970: 951_782_400.5),
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            dates.append(Date(timeIntervalSince1970: Double(UInt64.random(in: 0..<4_000_000_000_000, using: &generator)) / 1000))
        }
        for date in dates {
            let foundation = date.formatted(
                .iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted)
            )
            let ours = date.timestamp
            #expect(ours.count == 24 && ours.hasSuffix("Z"))
            // Foundation truncates after a floating-point multiplication, so it can be a millisecond short.
            #expect(ours.prefix(17) == foundation.prefix(17) || ours.hasSuffix("00.000Z"), "\(date.timeIntervalSince1970)")
            let parsed = try Date(ours, strategy: .iso8601)
            #expect(abs(parsed.timeIntervalSince1970 - date.timeIntervalSince1970) < 0.0015)
        }
    }

    @Test("strings are escaped and numbers written as JSONEncoder writes them")
    func pieces() throws {
        let tricky = "quote \" backslash \\ newline \n tab \t bell \u{7} slash / émoji 🎬"
        let parsed = try JSONSerialization.jsonObject(with: Data("[\(JSONText.string(tricky))]".utf8)) as? [String]
        #expect(parsed == [tricky])
        #expect(JSONText.number(42) == "42")
        #expect(JSONText.number(42.5) == "42.5")
        #expect(JSONText.number(0.1) == "0.1")
        #expect(JSONText.string(nil) == "null")
    }

    @Test("the status body has every field, the stored stages spliced in")
    func body() throws {
        let id = UUID()
        let stages = RenderStage.initialStages(current: .rendering, fraction: 0.5)
        let progress = CompositionProgress(
            id: id,
            status: .processing,
            progress: 55.5,
            currentStage: .rendering,
            stagesJSON: String(decoding: try JSONCoding.encoder.encode(stages), as: UTF8.self),
            errorMessage: "HTTP 503 from \"source\"",
            attempt: 2,
            createdAt: Date(timeIntervalSince1970: 1_800_000_000),
            updatedAt: Date(timeIntervalSince1970: 1_800_000_001.25),
            completedAt: nil
        )
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(StatusJSON.render(progress).utf8)) as? [String: Any]
        )
        #expect(
            Set(object.keys) == [
                "attempt", "completed_at", "created_at", "current_stage", "error_message", "id", "overall_progress", "stages",
                "status", "updated_at",
            ])
        #expect(object["id"] as? String == id.uuidString.lowercased())
        #expect(object["status"] as? String == "processing")
        #expect(object["current_stage"] as? String == "rendering")
        #expect(object["overall_progress"] as? Double == 55.5)
        #expect(object["attempt"] as? Int == 2)
        #expect(object["error_message"] as? String == "HTTP 503 from \"source\"")
        #expect(object["completed_at"] is NSNull)
        #expect(object["updated_at"] as? String == "2027-01-15T08:00:01.250Z")
        let decodedStages = try JSONDecoder().decode(
            [StageState].self,
            from: JSONSerialization.data(withJSONObject: object["stages"] as Any)
        )
        #expect(decodedStages == stages)
    }
}
