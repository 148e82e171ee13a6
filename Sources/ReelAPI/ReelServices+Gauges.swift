import Foundation
import ReelCore
import ReelStore

extension ReelServices {
    /// Sets the gauges that are read rather than counted, just before a scrape.
    func refreshGauges() async {
        let stats = try? await store.stats()
        for priority in Priority.allCases {
            metrics.set(
                "reel_queue_depth", [("priority", priority.rawValue)], to: Double(stats?.queued[priority] ?? 0),
                help: "Compositions waiting to render, by priority.")
        }
        for status in CompositionStatus.allCases {
            metrics.set(
                "reel_compositions", [("status", status.rawValue)], to: Double(stats?.byStatus[status] ?? 0),
                help: "Stored compositions, by status.")
        }
        metrics.set("reel_worker_slots", to: Double(workerSlots), help: "Render slots in this process.")
        let pool = store.pool
        metrics.set("reel_database_pool_size", to: Double(pool.size), help: "Connections this process uses for queries.")
        metrics.set("reel_database_pool_in_use", to: Double(pool.inUse), help: "Database connections running a query.")
        metrics.set("reel_database_pool_waiting", to: Double(pool.waiting), help: "Queries waiting for a database connection.")
        if let disk = ProcessStats.disk(configuration.dataDirectory.path) {
            metrics.set("reel_data_dir_free_bytes", to: disk.free, help: "Bytes free for Reel on the file system of REEL_DATA_DIR.")
            metrics.set("reel_data_dir_size_bytes", to: disk.size, help: "Size in bytes of the file system of REEL_DATA_DIR.")
        }
        metrics.set(
            "process_resident_memory_bytes", to: ProcessStats.residentBytes() ?? 0, help: "Resident memory of this process.")
        metrics.set("process_open_fds", to: ProcessStats.openFileDescriptors() ?? 0, help: "Open file descriptors of this process.")
        metrics.set("process_cpu_seconds_total", to: ProcessStats.cpuSeconds(), help: "CPU time this process has used.")
        metrics.set(
            "process_start_time_seconds", to: ProcessStats.started.timeIntervalSince1970,
            help: "When this process started, in seconds since the epoch.")
    }
}
