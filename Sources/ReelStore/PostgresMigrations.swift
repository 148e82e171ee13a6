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
        ),
        (
            2,
            """
            ALTER TABLE compositions ADD COLUMN tenant TEXT NOT NULL DEFAULT '';
            CREATE INDEX compositions_tenant ON compositions (tenant, seq);
            CREATE INDEX compositions_tenant_queued ON compositions (tenant) WHERE status = 'queued';
            CREATE TABLE api_keys (
                id UUID PRIMARY KEY,
                name TEXT NOT NULL,
                hint TEXT NOT NULL,
                lookup TEXT NOT NULL UNIQUE,
                hash TEXT NOT NULL,
                scope TEXT NOT NULL,
                tenant TEXT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL,
                revoked_at TIMESTAMPTZ
            );
            CREATE TABLE assets (
                id UUID PRIMARY KEY,
                tenant TEXT NOT NULL,
                size_bytes BIGINT NOT NULL,
                content_type TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL
            );
            """
        ),
        (
            3,
            """
            CREATE TABLE idempotency_keys (
                tenant TEXT NOT NULL,
                key TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                status INTEGER NOT NULL,
                body TEXT NOT NULL,
                location TEXT,
                created_at TIMESTAMPTZ NOT NULL,
                expires_at TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (tenant, key)
            );
            CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
            """
        ),
        (
            4,
            """
            ALTER TABLE compositions ADD COLUMN idempotency_key TEXT;
            ALTER TABLE compositions ADD COLUMN idempotency_fingerprint TEXT;
            ALTER TABLE compositions ADD COLUMN idempotency_expires_at TIMESTAMPTZ;
            CREATE UNIQUE INDEX compositions_idempotency ON compositions (tenant, idempotency_key) WHERE idempotency_key IS NOT NULL;
            """
        ),
        (5, "ALTER TABLE compositions ADD COLUMN request_id TEXT;"),
        (
            6,
            """
            ALTER TABLE compositions ADD COLUMN max_attempts INTEGER NOT NULL DEFAULT 3;
            ALTER TABLE compositions ADD COLUMN webhook_url TEXT;
            CREATE TABLE events (
                id BIGSERIAL PRIMARY KEY,
                composition_id UUID NOT NULL,
                tenant TEXT NOT NULL,
                type TEXT NOT NULL,
                payload TEXT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL
            );
            CREATE INDEX events_tenant ON events (tenant, id);
            CREATE INDEX events_composition ON events (composition_id, id);
            CREATE INDEX events_created ON events (created_at);
            """
        ),
        (
            7,
            """
            CREATE TABLE webhook_deliveries (
                id BIGSERIAL PRIMARY KEY,
                event_id BIGINT NOT NULL,
                composition_id UUID NOT NULL,
                tenant TEXT NOT NULL,
                type TEXT NOT NULL,
                url TEXT NOT NULL,
                payload TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'pending',
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TIMESTAMPTZ NOT NULL,
                lease_token TEXT,
                lease_expires_at TIMESTAMPTZ,
                event_at TIMESTAMPTZ NOT NULL,
                delivered_at TIMESTAMPTZ
            );
            CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
            CREATE INDEX webhook_deliveries_composition ON webhook_deliveries (composition_id, id);
            CREATE TABLE webhook_attempts (
                delivery_id BIGINT NOT NULL,
                number INTEGER NOT NULL,
                started_at TIMESTAMPTZ NOT NULL,
                milliseconds INTEGER NOT NULL,
                status INTEGER,
                error TEXT,
                PRIMARY KEY (delivery_id, number)
            );
            """
        ),
        (
            8,
            """
            CREATE TABLE render_cache (
                key TEXT PRIMARY KEY,
                object_key TEXT NOT NULL,
                size_bytes BIGINT NOT NULL,
                details TEXT,
                created_at TIMESTAMPTZ NOT NULL,
                last_used_at TIMESTAMPTZ NOT NULL
            );
            CREATE INDEX render_cache_used ON render_cache (last_used_at);
            ALTER TABLE compositions ADD COLUMN output_key TEXT;
            CREATE INDEX compositions_output_key ON compositions (output_key) WHERE output_key IS NOT NULL;
            CREATE TABLE render_parts (
                id UUID PRIMARY KEY,
                composition_id UUID NOT NULL,
                position INTEGER NOT NULL,
                key TEXT NOT NULL,
                step TEXT NOT NULL,
                duration DOUBLE PRECISION NOT NULL,
                file_extension TEXT NOT NULL,
                priority INTEGER NOT NULL,
                status TEXT NOT NULL DEFAULT 'queued',
                attempt INTEGER NOT NULL DEFAULT 0,
                max_attempts INTEGER NOT NULL DEFAULT 3,
                ready_at TIMESTAMPTZ NOT NULL,
                lease_token TEXT,
                lease_expires_at TIMESTAMPTZ,
                worker TEXT,
                progress DOUBLE PRECISION NOT NULL DEFAULT 0,
                seconds DOUBLE PRECISION,
                reused BOOLEAN,
                error_message TEXT,
                created_at TIMESTAMPTZ NOT NULL,
                UNIQUE (composition_id, key)
            );
            CREATE INDEX render_parts_ready ON render_parts (priority, created_at) WHERE status = 'queued';
            CREATE INDEX render_parts_leases ON render_parts (lease_expires_at) WHERE status = 'running';
            """
        ),
        (
            9,
            """
            CREATE TABLE templates (
                id UUID PRIMARY KEY,
                tenant TEXT NOT NULL,
                name TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL,
                updated_at TIMESTAMPTZ NOT NULL
            );
            CREATE INDEX templates_tenant ON templates (tenant, created_at);
            """
        ),
        (
            10,
            """
            CREATE TABLE previews (
                id UUID PRIMARY KEY,
                tenant TEXT NOT NULL,
                task TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'queued',
                worker TEXT,
                outcome TEXT,
                created_at TIMESTAMPTZ NOT NULL
            );
            CREATE INDEX previews_queued ON previews (created_at) WHERE status = 'queued';
            """
        ),
        (
            11,
            """
            ALTER TABLE assets ADD COLUMN duration_seconds DOUBLE PRECISION;
            ALTER TABLE assets ADD COLUMN width INTEGER;
            ALTER TABLE assets ADD COLUMN height INTEGER;
            ALTER TABLE assets ADD COLUMN thumbnail BOOLEAN;
            CREATE INDEX assets_tenant ON assets (tenant, created_at);
            """
        ),
    ]
}
