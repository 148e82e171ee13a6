import Hummingbird
import Synchronization

/// The methods each routed path answers, read from the router once its routes are added
/// (``load(from:)``), so a known path asked with another method is 405 with `Allow`, not 404.
/// A route that is off (the Studio with `REEL_STUDIO=off`) is not in the router, so it stays 404.
final class AllowedMethods: Sendable {
    /// A routed path's components with the methods it answers.
    private struct Entry {
        var components: [RouterPath.Element]
        var methods: [String]
    }

    private let entries = Mutex<[Entry]>([])

    /// Reads the router's routes; HEAD is answered wherever GET is (`.autoGenerateHeadEndpoints`).
    func load(from router: Router<some RequestContext>) {
        var byPath: [String: Entry] = [:]
        for route in router.routes {
            byPath[route.path.description, default: Entry(components: route.path.components, methods: [])]
                .methods.append(route.method.rawValue)
        }
        let loaded = byPath.values.map { entry in
            var methods = entry.methods
            if methods.contains("GET"), !methods.contains("HEAD") { methods.append("HEAD") }
            return Entry(components: entry.components, methods: methods.sorted())
        }
        entries.withLock { $0 = loaded }
    }

    /// The methods `path` answers, or nil when no route has that path. Of several routes that
    /// match, the one with the most literal segments wins: `/compositions/cancel-all` is not
    /// `/compositions/{id}`.
    func methods(for path: String) -> [String]? {
        let segments = path.split(separator: "/")
        let found = entries.withLock { $0.filter { Self.matches($0.components, segments) } }
        let literals = { (entry: Entry) in entry.components.filter { $0 == .path(Substring($0.description)) }.count }
        return found.max { literals($0) < literals($1) }?.methods
    }

    private static func matches(_ components: [RouterPath.Element], _ segments: [Substring]) -> Bool {
        for (index, component) in components.enumerated() {
            if component == .recursiveWildcard { return segments.count > index }
            guard index < segments.count, component ~= segments[index] else { return false }
        }
        return components.count == segments.count
    }
}
