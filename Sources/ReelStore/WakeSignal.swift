import Synchronization

/// Wakes idle workers when a job is enqueued in this process; a generation counter
/// makes a signal sent between an empty claim and the wait count.
public final class WakeSignal: Sendable {
    private enum Slot {
        case pending
        case waiting(CheckedContinuation<Void, Never>)
        case cancelled
    }
    private struct State {
        var generation = 0
        var nextID = 0
        var slots: [Int: Slot] = [:]
    }
    private let state = Mutex(State())

    public init() {}

    /// The current generation; pass it to ``wait(after:timeout:)``.
    public var generation: Int { state.withLock { $0.generation } }

    /// Wakes every waiter.
    public func signal() {
        let waiters = state.withLock { state in
            state.generation += 1
            var waiters: [CheckedContinuation<Void, Never>] = []
            for (id, slot) in state.slots {
                if case .waiting(let continuation) = slot {
                    waiters.append(continuation)
                    state.slots[id] = nil
                }
            }
            return waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns when a signal came after `generation`, after `timeout`, or on cancellation.
    public func wait(after generation: Int, timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: timeout) }
            group.addTask { await self.waitForSignal(after: generation) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForSignal(after generation: Int) async {
        let id = state.withLock { state in
            state.nextID += 1
            state.slots[state.nextID] = .pending
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    guard case .pending = state.slots[id], state.generation == generation else {
                        state.slots[id] = nil
                        return true
                    }
                    state.slots[id] = .waiting(continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter: CheckedContinuation<Void, Never>? = state.withLock { state in
                switch state.slots[id] {
                case .waiting(let continuation):
                    state.slots[id] = nil
                    return continuation
                case .pending:
                    state.slots[id] = .cancelled
                    return nil
                case .cancelled, nil:
                    return nil
                }
            }
            waiter?.resume()
        }
    }
}
