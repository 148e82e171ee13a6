import CoreMetrics
import ReelCore

/// `reel_previews_total{result}` and `reel_preview_duration_seconds`, for every way a preview is made.
public enum PreviewMetrics {
    /// `body`'s answer, counted by how it ended: `rendered` (timed), `cached`, `busy`, `timeout`,
    /// `unavailable` (no worker) or `failed`.
    public static func measured(_ body: () async throws -> PreviewAnswer) async throws -> PreviewAnswer {
        let started = ContinuousClock.now
        let result: String
        defer { Counter(label: "reel_previews_total", dimensions: [("result", result)]).increment() }
        do {
            let answer = try await body()
            result = answer.cached ? "cached" : "rendered"
            if !answer.cached {
                Timer(label: "reel_preview_duration_seconds").recordNanoseconds((ContinuousClock.now - started).nanoseconds)
            }
            return answer
        } catch let refusal as PreviewRefusal {
            switch refusal {
            case .busy, .tenantBusy: result = "busy"
            case .timedOut: result = "timeout"
            case .noWorker: result = "unavailable"
            }
            throw refusal
        } catch {
            result = "failed"
            throw error
        }
    }
}
