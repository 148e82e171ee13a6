import ReelRender
import Synchronization

/// Holds the one ``PreviewEngine`` of a process, made when first asked for.
final class PreviewSlots: Sendable {
    private let made = Mutex<PreviewEngine?>(nil)

    func engine(_ make: () -> PreviewEngine) -> PreviewEngine {
        made.withLock { engine in
            if let engine { return engine }
            let new = make()
            engine = new
            return new
        }
    }
}
