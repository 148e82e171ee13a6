import CoreMetrics
import Prometheus
import ReelCore

/// The process's one Prometheus registry. swift-metrics is bootstrapped onto it, so the series the
/// worker, the renderer, the stores and the libraries record land beside the HTTP ones that
/// `/metrics` emits.
enum ProcessMetrics {
    static let registry = PrometheusCollectorRegistry()

    /// Timers become histograms with these buckets (the library's default stops at 10 s).
    static let buckets: [String: [Duration]] = [
        "reel_render_duration_seconds": [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800].map { .seconds($0) },
        "reel_queue_wait_seconds": [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600].map { .seconds($0) },
        "reel_preview_duration_seconds": [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30].map { .seconds($0) },
        "reel_s3_request_duration_seconds": [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30].map { .seconds($0) },
    ]

    /// With `REEL_METRICS=off`, nothing is recorded (swift-metrics' no-op default).
    static func bootstrap(_ configuration: ReelConfiguration) {
        guard configuration.metricsEnabled else { return }
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = buckets
        MetricsSystem.bootstrap(factory)
    }
}
