/// The PostgreSQL schema, one script per version, applied in order under an advisory lock by
/// ``PostgresStore/migrate()``, so processes starting together apply each script once.
enum PostgresMigrations {
    /// `pg_advisory_xact_lock` key that serialises migrations.
    static let lockKey = 7_305_2026

    static let all: [(Int, String)] = [
        (
            1,
            """
            CREATE TABLE compositions (
                seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id UUID NOT NULL UNIQUE,
                title TEXT NOT NULL,
                status TEXT NOT NULL,
                priority INTEGER NOT NULL,
                request JSONB NOT NULL,
                progress DOUBLE PRECISION NOT NULL DEFAULT 0,
                stage TEXT NOT NULL DEFAULT 'queued',
                stages TEXT,
                error_message TEXT,
                result JSONB,
                attempt INTEGER NOT NULL DEFAULT 0,
                run_at TIMESTAMPTZ NOT NULL,
                lease_token TEXT,
                lease_expires_at TIMESTAMPTZ,
                worker_id TEXT,
                created_at TIMESTAMPTZ NOT NULL,
                updated_at TIMESTAMPTZ NOT NULL,
                started_at TIMESTAMPTZ,
                completed_at TIMESTAMPTZ
            );
            CREATE INDEX compositions_ready ON compositions (priority, run_at, seq) WHERE status = 'queued';
            CREATE INDEX compositions_leases ON compositions (lease_expires_at) WHERE status = 'processing';
            CREATE INDEX compositions_status ON compositions (status, seq);
            CREATE TABLE workers (
                id TEXT PRIMARY KEY,
                slots INTEGER NOT NULL,
                busy INTEGER NOT NULL,
                started_at TIMESTAMPTZ NOT NULL,
                last_seen_at TIMESTAMPTZ NOT NULL
            );
            """
        )
    ]
}
