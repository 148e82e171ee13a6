import Foundation
import Hummingbird
import ReelCore
import ReelObjects
import ReelStore

/// `/health` (the seed's: the database answers and ffmpeg is there), `/health/detailed` (every
/// component, timed), and the probes orchestrators expect: `/livez` (the process answers) and
/// `/readyz` (the database and the object store are reachable, so requests can be served).
struct HealthController {
    let services: ReelServices
    static let version = "0.1.0"
    /// A worker silent for longer is not counted as alive (it beats every 2 s).
    static let workerSilence: Double = 10

    struct Component: Encodable {
        var name: String
        var status: String
        var responseTimeMS: Double
        var details: [String: JSONValue]
        var error: String?

        enum CodingKeys: String, CodingKey {
            case name, status, details, error
            case responseTimeMS = "response_time_ms"
        }
    }

    struct Detailed: Encodable {
        var status: String
        var version: String
        var timestamp: Date
        var components: [Component]
    }

    struct Basic: Encodable {
        var status: String
        var version: String
        var timestamp: Date
    }

    /// `/readyz`'s answer: each dependency as `ok` or `unreachable` (no error text: the probe is
    /// open to anyone).
    struct Readiness: Encodable {
        var status: String
        var checks: [String: String]
    }

    func addRoutes(to router: Router<ReelRequestContext>) {
        for prefix in ["", "api/v1/"] {
            router.get("\(prefix)health", use: basic)
            router.get("\(prefix)health/detailed", use: detailed)
        }
        addProbes(to: router)
    }

    /// `/livez` and `/readyz`, which every Reel process serves.
    func addProbes(to router: Router<ReelRequestContext>) {
        router.get("livez") { _, _ in JSONCoding.response(text: #"{"status":"alive"}"#, status: .ok) }
        router.get("readyz", use: ready)
    }

    @Sendable func ready(_ request: Request, context: ReelRequestContext) async throws -> Response {
        async let database: Bool = (try? await services.store.ping()) != nil
        async let storage: Bool = (try? await services.objects.ping()) != nil
        let checks = ["database": await database, "storage": await storage]
        let ready = checks.values.allSatisfy { $0 }
        return try JSONCoding.response(
            Readiness(status: ready ? "ready" : "not_ready", checks: checks.mapValues { $0 ? "ok" : "unreachable" }),
            status: ready ? .ok : .serviceUnavailable,
            headers: ready ? [:] : [.retryAfter: "5"]
        )
    }

    var ffmpegUsable: Bool { FileManager.default.isExecutableFile(atPath: services.configuration.ffmpegPath) }

    @Sendable func basic(_ request: Request, context: ReelRequestContext) async throws -> Response {
        var healthy = ffmpegUsable
        do { try await services.store.ping() } catch { healthy = false }
        return try JSONCoding.response(
            Basic(status: healthy ? "healthy" : "unhealthy", version: Self.version, timestamp: Date()),
            status: healthy ? .ok : .serviceUnavailable,
            headers: healthy ? [:] : [.retryAfter: "5"]
        )
    }

    func timed(_ name: String, _ body: () async throws -> [String: JSONValue]) async -> Component {
        let start = ContinuousClock.now
        do {
            let details = try await body()
            return Component(name: name, status: "healthy", responseTimeMS: Self.milliseconds(since: start), details: details)
        } catch {
            return Component(
                name: name,
                status: "unhealthy",
                responseTimeMS: Self.milliseconds(since: start),
                details: [:],
                error: String(describing: error)
            )
        }
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        let ms = elapsed.seconds * 1000
        return (ms * 1000).rounded() / 1000
    }

    @Sendable func detailed(_ request: Request, context: ReelRequestContext) async throws -> Response {
        let configuration = services.configuration
        let database = await timed("database") {
            try await services.store.ping()
            return ["driver": .string(configuration.databaseURL.hasPrefix("postgres") ? "postgresql" : "sqlite")]
        }
        var stats: QueueStats?
        let queue = await timed("queue") {
            let current = try await services.store.stats()
            stats = current
            var details: [String: JSONValue] = ["depth": .number(Double(current.depth))]
            for (priority, count) in current.queued { details["depth_\(priority.rawValue)"] = .number(Double(count)) }
            details["processing"] = .number(Double(current.byStatus[.processing] ?? 0))
            details["max_queued"] = .number(Double(configuration.maxQueued))
            return details
        }
        let storage = await timed("storage") {
            try await services.objects.ping()
            return ["location": .string(services.objects.location)]
        }
        let ffmpeg = await timed("ffmpeg") {
            guard ffmpegUsable else {
                throw ReelError(code: "ffmpeg_missing", kind: .unavailable, message: "\(configuration.ffmpegPath) is not executable")
            }
            return ["path": .string(configuration.ffmpegPath), "version": .string(services.ffmpegVersion ?? "unknown")]
        }
        var alive: [WorkerHeartbeat] = []
        var workers = await timed("workers") {
            alive = try await services.store.workers(seenSince: Date().addingTimeInterval(-Self.workerSilence))
            return [
                "alive": .number(Double(alive.count)),
                "slots": .number(Double(alive.reduce(0) { $0 + $1.slots })),
                "busy": .number(Double(alive.reduce(0) { $0 + $1.busy })),
                "slots_in_this_process": .number(Double(services.workerSlots)),
                "running": .number(Double(stats?.byStatus[.processing] ?? 0)),
                "processes": .array(
                    alive.map { worker in
                        .object([
                            "id": .string(worker.id),
                            "slots": .number(Double(worker.slots)),
                            "busy": .number(Double(worker.busy)),
                            "last_seen": .string(worker.lastSeenAt.formatted(.iso8601)),
                        ])
                    }
                ),
            ]
        }
        if workers.status == "healthy" && alive.isEmpty {
            workers.status = "degraded"
            workers.error = "no render worker has reported in the last \(Int(clamping: Self.workerSilence)) s"
        }
        let components = [database, queue, storage, ffmpeg, workers]
        let critical = [database, ffmpeg].contains { $0.status == "unhealthy" }
        let overall = critical ? "unhealthy" : components.allSatisfy { $0.status == "healthy" } ? "healthy" : "degraded"
        return try JSONCoding.response(
            Detailed(status: overall, version: Self.version, timestamp: Date(), components: components),
            status: critical ? .serviceUnavailable : .ok,
            headers: critical ? [.retryAfter: "5"] : [:]
        )
    }
}
