import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ReelCore
import Testing

@Suite("Event routes")
struct EventRouteTests {
    let json: HTTPFields = [.contentType: "application/json"]

    @Test("create, cancel and delete are listed in order, per composition and for all, paged by id")
    func listing() async throws {
        let reel = try await TestReel()
        defer { reel.cleanUp() }
        try await reel.application().test(.router) { client in
            var ids: [String] = []
            for _ in 0..<2 {
                ids.append(
                    try await client.execute(
                        uri: "/api/v1/compositions", method: .post, headers: json,
                        body: ByteBuffer(string: try TestReel.seedPayload("simple-2-clip"))
                    ) { $0.body.json["id"] as? String ?? "" })
            }
            _ = try await client.execute(uri: "/api/v1/compositions/\(ids[0])/cancel", method: .post) { $0.status }
            _ = try await client.execute(uri: "/api/v1/compositions/\(ids[1])", method: .delete) { $0.status }

            let all = try await client.execute(uri: "/api/v1/events", method: .get) { response in
                #expect(response.status == .ok)
                return response.body.json
            }
            let events = try #require(all["events"] as? [[String: Any]])
            #expect(
                events.compactMap { $0["type"] as? String } == [
                    "composition.queued", "composition.queued", "composition.cancelled", "composition.deleted",
                ])
            #expect(events.compactMap { ($0["data"] as? [String: Any])?["composition_id"] as? String } == [ids[0], ids[1], ids[0], ids[1]])
            let eventIDs = events.compactMap { $0["id"] as? Int }
            #expect(eventIDs == eventIDs.sorted() && Set(eventIDs).count == 4)
            #expect(all["next_after"] as? Int == eventIDs.last)
            #expect((events[2]["data"] as? [String: Any])?["status"] as? String == "cancelled")

            try await client.execute(uri: "/api/v1/events?after=\(eventIDs[1])&limit=1", method: .get) { response in
                let page = response.body.json
                #expect((page["events"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [eventIDs[2]])
                #expect(page["next_after"] as? Int == eventIDs[2])
            }
            // A deleted composition keeps its events; one that never existed is 404.
            try await client.execute(uri: "/api/v1/compositions/\(ids[1])/events", method: .get) { response in
                #expect(response.status == .ok)
                let types = (response.body.json["events"] as? [[String: Any]])?.compactMap { $0["type"] as? String }
                #expect(types == ["composition.queued", "composition.deleted"])
            }
            try await client.execute(uri: "/api/v1/compositions/\(UUID().uuidString)/events", method: .get) { response in
                #expect(response.status == .notFound)
            }
            for value in ["-1", "x", "99999999999999999999", ""] {
                try await client.execute(
                    uri: "/api/v1/events", method: .get, headers: [HTTPField.Name("Last-Event-ID")!: value, .accept: "text/event-stream"]
                ) { response in
                    #expect(response.status == .unprocessableContent, "Last-Event-ID: \(value)")
                    let details = response.body.json["details"] as? [[String: Any]]
                    #expect(details?.first?["field"] as? String == "Last-Event-ID")
                }
            }
            for (query, field) in [
                ("after=-1", "after"), ("limit=0", "limit"), ("limit=501", "limit"), ("after=x", "after"),
                ("after=99999999999999999999", "after"),
            ] {
                try await client.execute(uri: "/api/v1/events?\(query)", method: .get) { response in
                    #expect(response.status == .unprocessableContent)
                    let details = response.body.json["details"] as? [[String: Any]]
                    #expect(details?.first?["field"] as? String == field)
                }
            }
        }
    }
}
