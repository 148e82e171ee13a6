import Foundation
import Synchronization

/// A SQLite database file in WAL mode: one writer connection and a few reader connections,
/// each behind its own mutex, so reads never wait for a write to finish.
public final class SQLiteDatabase: Sendable {
    private let writer: LockedConnection
    private let writerQueue = DispatchQueue(label: "reel.sqlite.writer")
    private let readers: [LockedConnection]
    private let nextReader = Atomic<Int>(0)
    /// Writes in flight: one holds the writer, the rest wait for it.
    let writes = PoolLoad(size: 1)
    public let path: String

    public init(path: String, readers readerCount: Int = 2) throws {
        self.path = path
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let writer = try SQLiteConnection(path: path)
        try writer.executeScript(
            """
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=NORMAL;
            PRAGMA foreign_keys=ON;
            PRAGMA temp_store=MEMORY;
            """
        )
        self.writer = LockedConnection(writer)
        var readers: [LockedConnection] = []
        for _ in 0..<max(1, readerCount) {
            let reader = try SQLiteConnection(path: path)
            try reader.executeScript("PRAGMA query_only=ON;")
            readers.append(LockedConnection(reader))
        }
        self.readers = readers
    }

    /// Runs `body` on the writer connection, on the writer's own serial queue: a write waiting
    /// for another, or for the disk, suspends its task instead of blocking one of the few threads
    /// that run every task (with those blocked, POSTs used one core of two: docs/benchmarks.md).
    public func write<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnectionHandle) throws -> T) async throws -> T {
        try await writes.during {
            try await withCheckedThrowingContinuation { continuation in
                writerQueue.async { [writer] in
                    continuation.resume(
                        with: Result {
                            try writer.mutex.withLock { connection in try body(SQLiteConnectionHandle(connection: connection)) }
                        }
                    )
                }
            }
        }
    }

    /// Runs `body` on one of the reader connections.
    public func read<T: Sendable>(_ body: (SQLiteConnectionHandle) throws -> T) throws -> T {
        let index = nextReader.wrappingAdd(1, ordering: .relaxed).oldValue % readers.count
        return try readers[index].mutex.withLock { connection in try body(SQLiteConnectionHandle(connection: connection)) }
    }
}

/// Access to a connection for the duration of one ``SQLiteDatabase`` call.
public struct SQLiteConnectionHandle {
    let connection: SQLiteConnection

    @discardableResult
    public func query(_ sql: String, _ values: [SQLiteValue] = []) throws -> [[SQLiteValue]] {
        try connection.query(sql, values)
    }

    public func executeScript(_ sql: String) throws {
        try connection.executeScript(sql)
    }

    public var changes: Int { connection.changes }

    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try connection.transaction(body)
    }
}

/// A connection and the mutex that serialises its use.
final class LockedConnection: Sendable {
    let mutex: Mutex<SQLiteConnection>

    init(_ connection: sending SQLiteConnection) {
        mutex = Mutex(connection)
    }
}
