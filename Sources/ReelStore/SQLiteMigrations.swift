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
        (
            3,
            """
            ALTER TABLE compositions ADD COLUMN tenant TEXT NOT NULL DEFAULT '';
            CREATE INDEX compositions_tenant ON compositions (tenant, seq);
            CREATE INDEX compositions_tenant_queued ON compositions (tenant) WHERE status = 'queued';
            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                hint TEXT NOT NULL,
                lookup TEXT NOT NULL UNIQUE,
                hash TEXT NOT NULL,
                scope TEXT NOT NULL,
                tenant TEXT NOT NULL,
                created_at REAL NOT NULL,
                revoked_at REAL
            );
            CREATE TABLE assets (
                id TEXT PRIMARY KEY,
                tenant TEXT NOT NULL,
                size_bytes INTEGER NOT NULL,
                content_type TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                created_at REAL NOT NULL
            );
            """
        ),
        (
            4,
            """
            CREATE TABLE idempotency_keys (
                tenant TEXT NOT NULL,
                key TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                status INTEGER NOT NULL,
                body TEXT NOT NULL,
                location TEXT,
                created_at REAL NOT NULL,
                expires_at REAL NOT NULL,
                PRIMARY KEY (tenant, key)
            );
            CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
            """
        ),
        (
            5,
            """
            ALTER TABLE compositions ADD COLUMN idempotency_key TEXT;
            ALTER TABLE compositions ADD COLUMN idempotency_fingerprint TEXT;
            ALTER TABLE compositions ADD COLUMN idempotency_expires_at REAL;
            CREATE UNIQUE INDEX compositions_idempotency ON compositions (tenant, idempotency_key) WHERE idempotency_key IS NOT NULL;
            """
        ),
        (6, "ALTER TABLE compositions ADD COLUMN request_id TEXT;"),
        (
            7,
            """
            ALTER TABLE compositions ADD COLUMN max_attempts INTEGER NOT NULL DEFAULT 3;
            ALTER TABLE compositions ADD COLUMN webhook_url TEXT;
            CREATE TABLE events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                composition_id TEXT NOT NULL,
                tenant TEXT NOT NULL,
                type TEXT NOT NULL,
                payload TEXT NOT NULL,
                created_at REAL NOT NULL
            );
            CREATE INDEX events_tenant ON events (tenant, id);
            CREATE INDEX events_composition ON events (composition_id, id);
            CREATE INDEX events_created ON events (created_at);
            """
        ),
        (
            8,
            """
            CREATE TABLE webhook_deliveries (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                event_id INTEGER NOT NULL,
                composition_id TEXT NOT NULL,
                tenant TEXT NOT NULL,
                type TEXT NOT NULL,
                url TEXT NOT NULL,
                payload TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'pending',
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at REAL NOT NULL,
                lease_token TEXT,
                lease_expires_at REAL,
                event_at REAL NOT NULL,
                delivered_at REAL
            );
            CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
            CREATE INDEX webhook_deliveries_composition ON webhook_deliveries (composition_id, id);
            CREATE TABLE webhook_attempts (
                delivery_id INTEGER NOT NULL,
                number INTEGER NOT NULL,
                started_at REAL NOT NULL,
                milliseconds INTEGER NOT NULL,
                status INTEGER,
                error TEXT,
                PRIMARY KEY (delivery_id, number)
            );
            """
        ),
        (
            9,
            """
            CREATE TABLE render_cache (
                key TEXT PRIMARY KEY,
                object_key TEXT NOT NULL,
                size_bytes INTEGER NOT NULL,
                details TEXT,
                created_at REAL NOT NULL,
                last_used_at REAL NOT NULL
            );
            CREATE INDEX render_cache_used ON render_cache (last_used_at);
            ALTER TABLE compositions ADD COLUMN output_key TEXT;
            CREATE INDEX compositions_output_key ON compositions (output_key) WHERE output_key IS NOT NULL;
            CREATE TABLE render_parts (
                id TEXT PRIMARY KEY,
                composition_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                key TEXT NOT NULL,
                step TEXT NOT NULL,
                duration REAL NOT NULL,
                file_extension TEXT NOT NULL,
                priority INTEGER NOT NULL,
                status TEXT NOT NULL DEFAULT 'queued',
                attempt INTEGER NOT NULL DEFAULT 0,
                max_attempts INTEGER NOT NULL DEFAULT 3,
                ready_at REAL NOT NULL,
                lease_token TEXT,
                lease_expires_at REAL,
                worker TEXT,
                progress REAL NOT NULL DEFAULT 0,
                seconds REAL,
                reused INTEGER,
                error_message TEXT,
                created_at REAL NOT NULL,
                UNIQUE (composition_id, key)
            );
            CREATE INDEX render_parts_ready ON render_parts (priority, created_at) WHERE status = 'queued';
            CREATE INDEX render_parts_leases ON render_parts (lease_expires_at) WHERE status = 'running';
            """
        ),
        (
            10,
            """
            CREATE TABLE templates (
                id TEXT PRIMARY KEY,
                tenant TEXT NOT NULL,
                name TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at REAL NOT NULL,
                updated_at REAL NOT NULL
            );
            CREATE INDEX templates_tenant ON templates (tenant, created_at);
            """
        ),
        (
            11,
            """
            CREATE TABLE previews (
                id TEXT PRIMARY KEY,
                tenant TEXT NOT NULL,
                task TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'queued',
                worker TEXT,
                outcome TEXT,
                created_at REAL NOT NULL
            );
            CREATE INDEX previews_queued ON previews (created_at) WHERE status = 'queued';
            """
        ),
        (
            12,
            """
            ALTER TABLE assets ADD COLUMN duration_seconds REAL;
            ALTER TABLE assets ADD COLUMN width INTEGER;
            ALTER TABLE assets ADD COLUMN height INTEGER;
            ALTER TABLE assets ADD COLUMN thumbnail INTEGER;
            CREATE INDEX assets_tenant ON assets (tenant, created_at);
            """
        ),
    ]
}
