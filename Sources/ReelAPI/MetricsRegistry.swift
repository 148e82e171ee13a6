import Foundation
import Prometheus

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

    /// Records one answered request.
    public func record(method: String, route: String, status: Int, duration: Duration) {
        prometheus.makeCounter(descriptor: Self.requests, labels: [("method", method), ("route", route), ("status", String(status))])
            .increment()
        prometheus.makeDurationHistogram(descriptor: Self.durations, labels: [("method", method), ("route", route)], buckets: Self.buckets)
            .record(duration)
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
