import Foundation
import HTTPTypes

/// The methods each path of the contract answers, read from ``OpenAPIDocument`` (which a test
/// keeps equal to the router's routes), so a known path asked with another method is 405 with
/// `Allow`, not 404.
enum AllowedMethods {
    /// Path templates (`/api/v1/compositions/{id}`) split into segments, with their methods.
    static let table: [(segments: [Substring], methods: [String])] = {
        guard let document = try? JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any],
            let paths = document["paths"] as? [String: [String: Any]]
        else { return [] }
        return paths.map { path, item in
            let methods = item.keys.filter { $0 != "parameters" }.map { $0.uppercased() }.sorted()
            return (
                path.split(separator: "/"), (methods.contains("GET") && !methods.contains("HEAD") ? methods + ["HEAD"] : methods).sorted()
            )
        }
    }()

    /// The methods `path` answers, or nil when no route has that path.
    static func methods(for path: String) -> [String]? {
        let segments = path.split(separator: "/")
        let found = table.filter { entry in
            if entry.segments.last == "{key}" {
                // `/files/{key}`: the key may hold slashes.
                return segments.count >= entry.segments.count && zip(entry.segments.dropLast(), segments).allSatisfy(segmentMatches)
            }
            return entry.segments.count == segments.count && zip(entry.segments, segments).allSatisfy(segmentMatches)
        }
        // A literal segment beats a parameter: `/compositions/cancel-all` is not `/compositions/{id}`.
        let placeholders = { (entry: (segments: [Substring], methods: [String])) in entry.segments.filter { $0.hasPrefix("{") }.count }
        guard let best = found.min(by: { placeholders($0) < placeholders($1) }) else { return nil }
        return best.methods
    }

    static func segmentMatches(_ template: Substring, _ segment: Substring) -> Bool {
        template.hasPrefix("{") || template == segment
    }
}
