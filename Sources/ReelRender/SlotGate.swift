import Synchronization

/// A fixed number of slots with a bounded line of waiters: past the bound a caller is turned
/// away at once (``Full``), never queued without limit. Waiters are served in order; one
/// cancelled while waiting leaves the line.
public final class SlotGate: Sendable {
    /// The line is full.
    public struct Full: Error {}

    private struct State {
        var free: Int
        var nextID = 0
        var waiters: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    }
    private let state: Mutex<State>
    /// Callers that run at once.
    public let slots: Int
    /// Callers that may wait for a slot; one more is turned away.
    public let maxWaiting: Int

    /// At least one slot; no line when `maxWaiting` is 0.
    public init(slots: Int, maxWaiting: Int) {
        self.slots = max(1, slots)
        self.maxWaiting = max(0, maxWaiting)
        state = Mutex(State(free: max(1, slots)))
    }

    /// Slots in use and callers waiting.
    public var usage: (busy: Int, waiting: Int) { state.withLock { (slots - $0.free, $0.waiters.count) } }

    /// Runs `body` in a slot, waiting for one if the line has room.
    public func withSlot<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async throws {
        enum Entry {
            case now
            case full
            case waiting
        }
        let id = state.withLock {
            $0.nextID += 1; return $0.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let entry: Entry = state.withLock { state in
                    if state.free > 0 {
                        state.free -= 1
                        return .now
                    }
                    guard state.waiters.count < maxWaiting else { return .full }
                    state.waiters.append((id, continuation))
                    return .waiting
                }
                switch entry {
                case .now: continuation.resume()
                case .full: continuation.resume(throwing: Full())
                case .waiting: if Task.isCancelled { cancel(id) }
                }
            }
        } onCancel: {
            cancel(id)
        }
    }

    private func cancel(_ id: Int) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiters.remove(at: index).continuation
        }
        waiter?.resume(throwing: CancellationError())
    }

    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            guard !state.waiters.isEmpty else {
                state.free += 1
                return nil
            }
            return state.waiters.removeFirst().continuation
        }
        next?.resume()
    }
}
