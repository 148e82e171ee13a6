import Foundation
import Synchronization

/// The one thread that starts child processes. A child's parent-death signal fires when the
/// thread that forked it ends, and the threads that run Swift tasks come and go; this one lives
/// as long as the process, so children die with the process and only then.
final class SpawnerThread: Sendable {
    static let shared = SpawnerThread()
    private let requests = Mutex<[@Sendable () -> Void]>([])
    private let pending = DispatchSemaphore(value: 0)

    private init() {
        let thread = Thread { [self] in
            while true {
                pending.wait()
                let next = requests.withLock { $0.removeFirst() }
                next()
            }
        }
        thread.name = "reel-spawner"
        thread.start()
    }

    /// Runs `body` on the spawner thread and returns its result, blocking the caller meanwhile
    /// (a fork: about a millisecond).
    func run<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<T?>(nil)
        requests.withLock {
            $0.append {
                let value = body()
                result.withLock { $0 = value }
                done.signal()
            }
        }
        pending.signal()
        done.wait()
        return result.withLock { $0! }
    }
}
