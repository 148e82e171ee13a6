import ReelCore
import Synchronization
import Testing

@testable import ReelRender

/// A call counter the fetch closures share.
final class Counter: Sendable {
    private let count = Atomic<Int>(0)
    func add() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}

@Suite("Concurrent fetches of one source")
struct FetchCoalescerTests {
    @Test("callers arriving while a fetch runs share it; a later caller fetches again")
    func shared() async throws {
        let coalescer = FetchCoalescer<String>()
        let calls = Counter()
        let (gate, opener) = AsyncStream<Void>.makeStream()
        let paths = try await withThrowingTaskGroup(of: String.self) { group in
            group.addTask {
                try await coalescer.run("a") {
                    calls.add()
                    for await _ in gate { break }
                    return "/cache/a"
                }
            }
            while coalescer.followers(of: "a") == nil { await Task.yield() }
            for _ in 0..<9 {
                group.addTask {
                    try await coalescer.run("a") {
                        calls.add()
                        return "/cache/other"
                    }
                }
            }
            while coalescer.followers(of: "a") != 9 { await Task.yield() }
            opener.yield()
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(paths == Array(repeating: "/cache/a", count: 10))
        #expect(calls.value == 1)
        #expect(coalescer.followers(of: "a") == nil)
        _ = try await coalescer.run("a") {
            calls.add(); return "/cache/a"
        }
        #expect(calls.value == 2)
    }

    @Test("when the shared fetch fails, each waiting caller fetches for itself")
    func failureIsNotShared() async throws {
        let coalescer = FetchCoalescer<String>()
        let calls = Counter()
        let (gate, opener) = AsyncStream<Void>.makeStream()
        let results = await withTaskGroup(of: String?.self) { group in
            group.addTask {
                try? await coalescer.run("b") {
                    calls.add()
                    for await _ in gate { break }
                    throw RenderFailure("cancelled job")
                }
            }
            while coalescer.followers(of: "b") == nil { await Task.yield() }
            for _ in 0..<3 {
                group.addTask {
                    try? await coalescer.run("b") {
                        calls.add(); return "/cache/b"
                    }
                }
            }
            while coalescer.followers(of: "b") != 3 { await Task.yield() }
            opener.yield()
            return await group.reduce(into: [String?]()) { $0.append($1) }
        }
        #expect(results.filter { $0 == nil }.count == 1)
        #expect(results.filter { $0 == "/cache/b" }.count == 3)
        #expect(calls.value == 4)
    }

    @Test("a follower cancelled while it waits stops at once; the leader's cancellation fails no follower")
    func cancellation() async throws {
        let coalescer = FetchCoalescer<String>()
        let (gate, opener) = AsyncStream<Void>.makeStream()
        let leader = Task {
            try await coalescer.run("c") {
                for await _ in gate { break }
                try Task.checkCancellation()
                return "/cache/leader"
            }
        }
        while coalescer.followers(of: "c") == nil { await Task.yield() }
        let quitter = Task { try await coalescer.run("c") { "/cache/quitter" } }
        let stayer = Task { try await coalescer.run("c") { "/cache/stayer" } }
        while coalescer.followers(of: "c") != 2 { await Task.yield() }
        quitter.cancel()
        await #expect(throws: CancellationError.self) { try await quitter.value }
        #expect(coalescer.followers(of: "c") == 1, "the cancelled follower left the line")
        leader.cancel()
        opener.yield()
        await #expect(throws: CancellationError.self) { try await leader.value }
        #expect(try await stayer.value == "/cache/stayer", "a follower of a cancelled run fetches for itself")
    }
}
