import Foundation
import ReelCore
import Testing

/// The cancel every driver runs: which step follows what the driver found.
@Suite("Cancel flow")
struct CancelFlowTests {
    static let id = UUID()
    static let answer = IdempotencyRecord(
        tenant: "", key: "k", fingerprint: "f", status: 200, body: "{}", location: nil, createdAt: Date(),
        expiresAt: Date().addingTimeInterval(60))

    @Test("without a key: cancel, then the record; or the status when nothing changed")
    func withoutKey() throws {
        var flow = CancelFlow(id: Self.id, tenant: "t", at: Date(), idempotency: nil)
        guard case .apply(let update) = flow.start() else { Issue.record("expected the cancel first"); return }
        #expect(update.status == .cancelled && update.target == .unfinished(id: Self.id, tenant: "t"))
        guard case .readRecord(let id) = flow.applied([Self.id]) else { Issue.record("expected the record"); return }
        #expect(id == Self.id)
        guard case .readStatus(_, let tenant) = flow.applied([]) else { Issue.record("expected the status"); return }
        #expect(tenant == "t")
        guard case .finish(.notFound) = flow.read(status: nil) else { Issue.record("expected not found"); return }
        guard case .finish(.alreadyFinished(.completed)) = flow.read(status: .completed) else { Issue.record("expected 409"); return }
    }

    @Test("with a key: a stored answer replays; a cancel stores its answer; a lost claim rolls back")
    func withKey() throws {
        var flow = CancelFlow(id: Self.id, tenant: nil, at: Date(), idempotency: Self.answer)
        guard case .findAnswer = flow.start() else { Issue.record("expected the key looked up first"); return }
        guard case .finish(.replayed) = flow.found(answer: Self.answer) else { Issue.record("expected a replay"); return }
        guard case .apply = flow.found(answer: nil) else { Issue.record("expected the cancel"); return }
        guard case .storeAnswer = flow.applied([Self.id]) else { Issue.record("expected the answer stored"); return }
        guard case .rollBackAndReplay = flow.stored(earlier: Self.answer) else { Issue.record("expected a roll back"); return }
        guard case .readRecord = flow.stored(earlier: nil) else { Issue.record("expected the record"); return }
    }

    @Test("with a key, a cancel that changed nothing looks for the key again before the status")
    func concurrentSameKey() throws {
        var flow = CancelFlow(id: Self.id, tenant: nil, at: Date(), idempotency: Self.answer)
        guard case .findAnswer = flow.applied([]) else { Issue.record("expected the key looked up again"); return }
        guard case .readStatus = flow.found(answer: nil) else { Issue.record("expected the status, not a second cancel"); return }
        guard case .finish(.replayed) = flow.found(answer: Self.answer) else { Issue.record("expected the other answer"); return }
    }
}
