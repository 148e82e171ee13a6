"""The API's live heap over a sustained Locust run (scenario 4's users), measured by heaptrack.

    bench/run --heap [--minutes N] [--users N]

Prints the heap in use once a minute and its growth after a 3-minute warm-up, then heaptrack's
own summary (peak, and what was still allocated when the server had shut down gracefully: a
leak shows there). This is how the leak of one Foundation `Process` per render was found.
Results are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "support"))

from reel_support import SEED_SOURCES, ReelProcess, free_port, seed_sources  # noqa: E402

os.environ.setdefault("REEL_BINARY", str(ROOT / ".build" / "release" / "reel"))


def heap_series(massif: Path) -> list[tuple[float, float]]:
    """(seconds, MiB in use) from heaptrack's massif export."""
    text = massif.read_text()
    times = [float(t) for t in re.findall(r"^time=([\d.]+)", text, re.M)]
    heaps = [int(b) / 1048576 for b in re.findall(r"^mem_heap_B=(\d+)", text, re.M)]
    return list(zip(times, heaps))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--users", type=int, default=20)
    args = parser.parse_args()
    seed_sources()
    output = Path(tempfile.mkdtemp(prefix="reel-heap-")) / "api"
    port = free_port()
    env = {"REEL_MAX_QUEUED": "10000000", "REEL_WORKERS": "2", **SEED_SOURCES}
    server = ReelProcess(["serve"], env, "bench-heap", port=port, launcher=["heaptrack", "-o", str(output)]).start()
    try:
        subprocess.run(
            ["locust", "-f", str(ROOT / "tests" / "load" / "locustfile.py"), "--headless", "--users", str(args.users),
             "--spawn-rate", str(max(1, args.users // 10)), "--run-time", f"{int(args.minutes * 60)}s", "--host",
             server.base_url, "--only-summary", "--loglevel", "WARNING"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
        )
    finally:
        # heaptrack runs reel as its child: stop reel itself, gracefully, then let heaptrack finish.
        subprocess.run(["pkill", "-TERM", "-f", f"{os.environ['REEL_BINARY']} serve --port {port}"], check=False)
        assert server.process is not None
        server.process.wait(timeout=120)
        server.remove_folder()
    recording = next(output.parent.glob("api*.zst"))
    massif = output.parent / "api.massif"
    summary = subprocess.run(["heaptrack_print", "-f", str(recording), "-M", str(massif), "--massif-threshold", "100"],
                             capture_output=True, text=True, check=True).stdout
    series = heap_series(massif)
    print(f"| minute | heap in use (MiB) |\n|---|---|")
    for minute in range(int(args.minutes) + 1):
        at = [heap for seconds, heap in series if seconds <= minute * 60]
        if at:
            print(f"| {minute} | {at[-1]:.2f} |")
    warm = [heap for seconds, heap in series if 180 <= seconds <= args.minutes * 60]
    if len(warm) > 1:
        print(f"\nafter warm-up: {warm[0]:.2f} → {warm[-1]:.2f} MiB "
              f"({100 * (warm[-1] - warm[0]) / warm[0]:+.1f} %, peak {max(warm):.2f})")
    for line in summary.splitlines():
        if re.match(r"^(peak heap memory consumption|total memory leaked|calls to allocation functions)", line):
            print(line)
    print(f"recording: {recording}")


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.default_int_handler)
    main()
