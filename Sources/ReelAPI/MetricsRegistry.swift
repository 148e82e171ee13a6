import Foundation
import Synchronization

/// Request counters and latency histograms per route, rendered in Prometheus text format.
public final class MetricsRegistry: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    struct RouteKey: Hashable {
        var method: String
        var route: String
    }

    struct Histogram {
        var counts = [Int](repeating: 0, count: MetricsRegistry.buckets.count)
        var sum = 0.0
        var count = 0
    }

    struct State {
        var requests: [RouteKey: [Int: Int]] = [:]
        var latencies: [RouteKey: Histogram] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// Records one answered request.
    public func record(method: String, route: String, status: Int, seconds: Double) {
        let key = RouteKey(method: method, route: route)
        let bucket = Self.buckets.firstIndex { seconds <= $0 }
        state.withLock { state in
            state.requests[key, default: [:]][status, default: 0] += 1
            var histogram = state.latencies[key] ?? Histogram()
            if let bucket { histogram.counts[bucket] += 1 }
            histogram.sum += seconds
            histogram.count += 1
            state.latencies[key] = histogram
        }
    }

    /// Total requests recorded for a route, all statuses.
    public func requestCount(method: String, route: String) -> Int {
        state.withLock { $0.requests[RouteKey(method: method, route: route)]?.values.reduce(0, +) ?? 0 }
    }

    /// The metrics in Prometheus text exposition format, followed by `extra` gauges.
    public func render(gauges: [(name: String, help: String, samples: [(labels: [String: String], value: Double)])]) -> String {
        let snapshot = state.withLock { $0 }
        var out = "# HELP reel_http_requests_total HTTP requests answered, by route and status.\n"
        out += "# TYPE reel_http_requests_total counter\n"
        for (key, statuses) in snapshot.requests.sorted(by: { ($0.key.route, $0.key.method) < ($1.key.route, $1.key.method) }) {
            for (status, count) in statuses.sorted(by: { $0.key < $1.key }) {
                out += "reel_http_requests_total{\(labels(key, extra: ["status": String(status)]))} \(count)\n"
            }
        }
        out += "# HELP reel_http_request_duration_seconds Time to answer HTTP requests, by route.\n"
        out += "# TYPE reel_http_request_duration_seconds histogram\n"
        for (key, histogram) in snapshot.latencies.sorted(by: { ($0.key.route, $0.key.method) < ($1.key.route, $1.key.method) }) {
            var cumulative = 0
            for (index, bound) in Self.buckets.enumerated() {
                cumulative += histogram.counts[index]
                out += "reel_http_request_duration_seconds_bucket{\(labels(key, extra: ["le": format(bound)]))} \(cumulative)\n"
            }
            out += "reel_http_request_duration_seconds_bucket{\(labels(key, extra: ["le": "+Inf"]))} \(histogram.count)\n"
            out += "reel_http_request_duration_seconds_sum{\(labels(key))} \(format(histogram.sum))\n"
            out += "reel_http_request_duration_seconds_count{\(labels(key))} \(histogram.count)\n"
        }
        for gauge in gauges {
            out += "# HELP \(gauge.name) \(gauge.help)\n# TYPE \(gauge.name) gauge\n"
            for sample in gauge.samples {
                let text = sample.labels.sorted(by: { $0.key < $1.key }).map { "\($0.key)=\"\(escape($0.value))\"" }
                    .joined(separator: ",")
                out += text.isEmpty ? "\(gauge.name) \(format(sample.value))\n" : "\(gauge.name){\(text)} \(format(sample.value))\n"
            }
        }
        return out
    }

    private func labels(_ key: RouteKey, extra: [String: String] = [:]) -> String {
        var parts = ["method=\"\(escape(key.method))\"", "route=\"\(escape(key.route))\""]
        for (name, value) in extra.sorted(by: { $0.key < $1.key }) { parts.append("\(name)=\"\(escape(value))\"") }
        return parts.joined(separator: ",")
    }

    private func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
