/// The SQLite schema, one script per version, applied in order by ``SQLiteStore/migrate()``.
enum SQLiteMigrations {
    static let all: [(Int, String)] = [
        (
            1,
            """
            CREATE TABLE compositions (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                status TEXT NOT NULL,
                priority INTEGER NOT NULL,
                request TEXT NOT NULL,
                progress REAL NOT NULL DEFAULT 0,
                stage TEXT NOT NULL DEFAULT 'queued',
                stages TEXT,
                error_message TEXT,
                result TEXT,
                attempt INTEGER NOT NULL DEFAULT 0,
                run_at REAL NOT NULL,
                lease_token TEXT,
                lease_expires_at REAL,
                worker_id TEXT,
                created_at REAL NOT NULL,
                updated_at REAL NOT NULL,
                started_at REAL,
                completed_at REAL
            );
            CREATE INDEX compositions_ready ON compositions (priority, run_at, seq) WHERE status = 'queued';
            CREATE INDEX compositions_leases ON compositions (lease_expires_at) WHERE status = 'processing';
            CREATE INDEX compositions_status ON compositions (status, seq);
            """
        ),
        (
            2,
            """
            CREATE TABLE workers (
                id TEXT PRIMARY KEY,
                slots INTEGER NOT NULL,
                busy INTEGER NOT NULL,
                started_at REAL NOT NULL,
                last_seen_at REAL NOT NULL
            );
            """
        ),
    ]
}
