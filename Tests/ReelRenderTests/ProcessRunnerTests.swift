import Foundation
import ReelRender
import Synchronization
import Testing

@Suite("Child processes")
struct ProcessRunnerTests {
    @Test("a positive niceness lowers the child's CPU priority")
    func niceness() async throws {
        let output = Mutex(Data())
        let outcome = try await ProcessRunner.run(
            "/bin/sh",
            ["-c", "sleep 0.3; cut -d' ' -f19 /proc/$$/stat"],
            niceness: 7
        ) { data in output.withLock { $0.append(data) } }
        #expect(outcome.succeeded)
        let nice = output.withLock { String(decoding: $0, as: UTF8.self) }.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Int(nice) == 7)
    }
}
