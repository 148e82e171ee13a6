import Foundation
import Testing

extension Tag {
    /// A test whose assertions time the process (a wake-up, a kill, a cancel within a second).
    @Tag public static var timed: Self
}

extension Trait where Self == ConditionTrait {
    /// Where a timed test runs: only apart from the parallel suites, whose load on two cores would
    /// be what it measures. `scripts/test` runs the tests tagged ``Tag/timed`` on their own with
    /// `REEL_TIMED_TESTS=1` after the rest; a plain `swift test` skips them rather than flake.
    public static var apart: Self {
        .enabled(if: ProcessInfo.processInfo.environment["REEL_TIMED_TESTS"] == "1", "timed: runs apart (REEL_TIMED_TESTS=1, scripts/test)")
    }
}
