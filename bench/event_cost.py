#!/usr/bin/env python3
"""What recording events costs a POST (issue 11): every created composition now writes its
`composition.queued` event in the same transaction (and, on PostgreSQL, takes the advisory lock
that orders event ids). The release build against an older release build without events, given
as `--baseline PATH` (built from 3bd36b3 in a worktree), on SQLite and on PostgreSQL, with
load_bench's `compare`: alternating 2-second rounds, the median ratio of the server's CPU time
per request. Prints a Markdown table.

    git worktree add /tmp/old-reel 3bd36b3 && (cd /tmp/old-reel && swift build -c release --product reel)
    swift build -c release --product reel
    eval "$(scripts/services env)"; python3 bench/event_cost.py --baseline /tmp/old-reel/.build/release/reel
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "support"))
sys.path.insert(0, str(ROOT / "bench"))
from load_bench import PAYLOADS, ROWS, compare, header_script, reel  # noqa: E402
from reel_support import ReelProcess, new_database  # noqa: E402

CURRENT = str(ROOT / ".build" / "release" / "reel")


def started(binary: str, name: str, env: dict[str, str]) -> ReelProcess:
    os.environ["REEL_BINARY"] = binary  # read by ReelProcess.start
    return reel(name, **env)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", required=True, help="a reel binary from before events")
    parser.add_argument("--seconds", type=int, default=10)
    arguments = parser.parse_args()
    post = header_script({}, unique_header="X-Bench-Request", payload=PAYLOADS["simple-2-clip"])
    for label, database in (("SQLite", False), ("PostgreSQL", True)):
        new = started(CURRENT, "events-on", {"REEL_DATABASE_URL": new_database()} if database else {})
        old = started(arguments.baseline, "events-off", {"REEL_DATABASE_URL": new_database()} if database else {})
        try:
            compare(f"POST /api/v1/compositions/ ({label}) writing its event", "/s", (new, "/api/v1/compositions/", post),
                    (old, "/api/v1/compositions/", post), "before events (3bd36b3)", "", arguments.seconds, connections=16)
        finally:
            for server in (new, old):
                server.stop()
                server.remove_folder()
    print("| measurement | result | baseline | cost |\n|---|---|---|---|")
    for measurement, value, baseline, ratio, _ in ROWS:
        print(f"| {measurement} | {value} | {baseline} | {ratio} |")


if __name__ == "__main__":
    main()
