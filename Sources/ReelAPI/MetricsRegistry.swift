import Foundation
import Prometheus
import Synchronization

/// This process's metrics: a swift-prometheus registry that the HTTP middleware records into
/// and `/metrics` emits. The executable bootstraps swift-metrics with the same registry, so the
/// series of the worker, the renderer, the stores and the libraries appear beside these.
public final class MetricsRegistry: Sendable {
    /// Upper bounds of the HTTP latency buckets.
    static let buckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .microseconds(2500), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500),
        .seconds(5), .seconds(10),
    ]

    static var requests: MetricNameDescriptor {
        MetricNameDescriptor(metricName: "reel_http_requests_total", unitName: "", helpText: "HTTP requests answered, by route and status.")
    }
    static var durations: MetricNameDescriptor {
        MetricNameDescriptor(
            metricName: "reel_http_request_duration_seconds", unitName: "", helpText: "Time to answer HTTP requests, by route.")
    }

    /// The registry every series of this process lives in.
    public let prometheus: PrometheusCollectorRegistry

    public init(prometheus: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.prometheus = prometheus
    }

    struct RouteKey: Hashable {
        var method: String
        var route: String
        var status: Int
    }

    /// The series of each method, route and status, looked up once. The registry validates every
    /// name, label and help text character by character on each lookup: through it, a request's
    /// metrics cost 10.8 % of a `GET …/status` (docs/benchmarks.md); through this table, one hash.
    private let handles = Mutex<[RouteKey: (requests: Counter, duration: DurationHistogram)]>([:])

    /// Records one answered request.
    public func record(method: String, route: String, status: Int, duration: Duration) {
        let key = RouteKey(method: method, route: route, status: status)
        let series =
            handles.withLock { $0[key] }
            ?? {
                let made = (
                    requests: prometheus.makeCounter(
                        descriptor: Self.requests, labels: [("method", method), ("route", route), ("status", String(status))]),
                    duration: prometheus.makeDurationHistogram(
                        descriptor: Self.durations, labels: [("method", method), ("route", route)], buckets: Self.buckets)
                )
                handles.withLock { $0[key] = made }
                return made
            }()
        series.requests.increment()
        series.duration.record(duration)
    }

    /// Sets a gauge that is read at scrape time (queue depth, memory, …).
    public func set(_ name: String, _ labels: [(String, String)] = [], to value: Double, help: String) {
        prometheus.makeGauge(descriptor: MetricNameDescriptor(metricName: name, unitName: "", helpText: help), labels: labels)
            .set(to: value)
    }

    /// Every series in Prometheus' text exposition format.
    public func render() -> String {
        prometheus.emitToString()
    }
}
