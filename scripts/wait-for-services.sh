#!/usr/bin/env bash
# Waits until what a load test needs answers: PostgreSQL and S3 when configured
# (REEL_DATABASE_URL=postgres://…, AWS_ENDPOINT_URL) and Reel's /health at BASE_URL.
# Gives up after WAIT_TIMEOUT seconds (default 120). Usage: ./scripts/wait-for-services.sh
set -euo pipefail
BASE_URL=${BASE_URL:-http://localhost:8000}
deadline=$((SECONDS + ${WAIT_TIMEOUT:-120}))

wait_until() {
    local what=$1
    shift
    until "$@" >/dev/null 2>&1; do
        if [ $SECONDS -ge $deadline ]; then
            echo "wait-for-services: $what did not come up" >&2
            exit 1
        fi
        sleep 1
    done
    echo "wait-for-services: $what is up"
}

if [[ "${REEL_DATABASE_URL:-}" == postgres* ]]; then
    hostport=$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(p.hostname, p.port or 5432)' "$REEL_DATABASE_URL")
    wait_until "PostgreSQL" bash -c "exec 3<>/dev/tcp/${hostport% *}/${hostport#* }"
fi
if [ -n "${AWS_ENDPOINT_URL:-}" ]; then
    wait_until "S3 at $AWS_ENDPOINT_URL" curl -s -o /dev/null "$AWS_ENDPOINT_URL"
fi
wait_until "Reel at $BASE_URL" curl -sf "$BASE_URL/health"
