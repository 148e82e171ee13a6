#!/usr/bin/env python3
"""Preview benchmarks of the release build (issue 23 §5), on the embedded defaults (`reel serve`,
SQLite) with the seed's sources in the S3 of scripts/services. Prints a Markdown table.

- One 640 px frame of the seed's complex payload (1080p) at 50 random times, sources warm: p50 and
  p99, beside the cheapest possible frame from a source (`ffmpeg -ss T -i clip.mp4 -frames:v 1`,
  scaled alike) as the baseline of the same run.
- The same frame again (from the cache): p50.
- A 16-frame sprite sheet against one frame: the ratio of their medians.
- A draft render of the complex payload against the full render (both `"cache": false`).
- Two full renders alone, then two with 20 previews at once beside them: how much the renders slow.
- The scaled shape on PostgreSQL: `reel serve --workers 0` handing the same 50 frames to a
  `reel work` process's preview slot.

Run through `bench/run --previews`.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "support"))
from reel_support import SEED_SOURCES, ReelProcess, free_port, new_database, payload_folder, seed_sources  # noqa: E402

os.environ.setdefault("REEL_BINARY", str(ROOT / ".build" / "release" / "reel"))
ROWS: list[tuple[str, str, str]] = []


def row(measurement: str, value: str, target: str = "") -> None:
    ROWS.append((measurement, value, target))
    print(f"  {measurement}: {value}  {target}", file=sys.stderr, flush=True)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def complex_payload() -> dict[str, Any]:
    import json

    payload: dict[str, Any] = json.loads((payload_folder() / "complex-10-clip.json").read_text())
    return payload


def preview(client: httpx.Client, body: dict[str, Any]) -> float:
    started = time.perf_counter()
    response = client.post("/api/v1/previews", json=body)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, response.text[:300]
    return elapsed


def render(client: httpx.Client, payload: dict[str, Any]) -> float:
    started = time.perf_counter()
    created = client.post("/api/v1/compositions", json=payload)
    assert created.status_code == 202, created.text[:300]
    status_url = f"/api/v1/compositions/{created.json()['id']}/status"
    while True:
        status = client.get(status_url).json()
        if status["status"] in ("completed", "failed"):
            assert status["status"] == "completed", status
            return time.perf_counter() - started
        time.sleep(0.05)


def baseline_frames(times: list[float]) -> list[float]:
    """The cheapest frame: one source, sought, one frame out, scaled to 640 px, as a fresh ffmpeg."""
    folder = Path(tempfile.gettempdir()) / "reel-seed-media"
    durations = []
    with tempfile.TemporaryDirectory() as scratch:
        for at in times:
            clip = folder / f"video{int(at // 3) % 10}.mp4"
            started = time.perf_counter()
            subprocess.run(["ffmpeg", "-v", "error", "-y", "-ss", f"{at % 3:.3f}", "-i", str(clip), "-frames:v", "1",
                            "-vf", "scale=640:360", str(Path(scratch) / "frame.jpg")], check=True)
            durations.append(time.perf_counter() - started)
    return durations


def scaled(payload: dict[str, Any], times: list[float]) -> None:
    env = {"REEL_DATABASE_URL": new_database(), **SEED_SOURCES}
    api = ReelProcess(["serve", "--workers", "0"], env, "preview-bench-api", port=free_port()).start()
    worker = ReelProcess(["work", "--workers", "2"], env, "preview-bench-worker").start()
    try:
        with httpx.Client(base_url=api.base_url, timeout=120) as client:
            deadline = time.monotonic() + 60
            while client.post("/api/v1/previews", json={"composition": payload, "times": [index * 3 + 1.0 for index in range(10)],
                                                        "width": 64}).status_code != 200:
                assert time.monotonic() < deadline, "no worker took the preview"
                time.sleep(0.5)
            frames = [preview(client, {"composition": payload, "time": at, "width": 640}) for at in times]
            row(f"the same {len(times)} frames through a worker (API-only process on PostgreSQL + reel work): p50 / p99",
                f"{statistics.median(frames) * 1000:.0f} / {percentile(frames, 0.99) * 1000:.0f} ms", "p50 < 250, p99 < 600 ms")
    finally:
        worker.stop()
        api.stop()
        api.remove_folder()
        worker.remove_folder()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frames", type=int, default=50)
    options = parser.parse_args()
    seed_sources()
    payload = complex_payload()
    reel = ReelProcess(["serve"], {"REEL_WORKERS": "2", **SEED_SOURCES}, "preview-bench", port=free_port()).start()
    try:
        with httpx.Client(base_url=reel.base_url, timeout=120) as client:
            # Warm: every source fetched and probed once.
            preview(client, {"composition": payload, "times": [index * 3 + 1.0 for index in range(10)], "width": 64})
            rng = random.Random(23)
            times = [round(rng.uniform(0, 29.9), 3) for _ in range(options.frames)]
            frames = [preview(client, {"composition": payload, "time": at, "width": 640}) for at in times]
            base = baseline_frames(times)
            p50, p99 = statistics.median(frames) * 1000, percentile(frames, 0.99) * 1000
            row(f"one 640 px frame of complex-10-clip (1080p), {len(times)} random times: p50 / p99",
                f"{p50:.0f} / {p99:.0f} ms", "p50 < 250, p99 < 600 ms")
            row("  the same times as the cheapest frame from one source (ffmpeg -ss, one frame): p50 / p99",
                f"{statistics.median(base) * 1000:.0f} / {percentile(base, 0.99) * 1000:.0f} ms",
                f"preview / baseline p50 {statistics.median(frames) / statistics.median(base):.2f}")
            cached = [preview(client, {"composition": payload, "time": times[0], "width": 640}) for _ in range(50)]
            row("the same frame from the cache: p50", f"{statistics.median(cached) * 1000:.1f} ms", "< 10 ms")
            sheets = []
            for round_number in range(5):
                sheet = [round(0.4 + 1.85 * index + 0.05 * round_number, 3) for index in range(16)]
                sheets.append(preview(client, {"composition": payload, "times": sheet, "width": 640}))
            ratio = statistics.median(sheets) / statistics.median(frames)
            row("a 16-frame sprite sheet (640 px tiles) / one frame, medians",
                f"{statistics.median(sheets) * 1000:.0f} ms / {statistics.median(frames) * 1000:.0f} ms = {ratio:.2f}", "≤ 4")

            full = render(client, {**payload, "cache": False})
            draft = render(client, {**payload, "cache": False, "output": {**payload["output"], "quality": "draft"}})
            row("draft render of complex-10-clip / full render (POST → completed)",
                f"{draft:.1f} s / {full:.1f} s = {draft / full:.2f}", "≤ 0.25")

            def pair() -> float:
                started = time.perf_counter()
                threads = [threading.Thread(target=render, args=(client, {**payload, "cache": False, "title": f"r{n}"}))
                           for n in range(2)]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
                return time.perf_counter() - started

            alone = pair()
            stop = threading.Event()
            answered = [0, 0]

            def previewer(index: int) -> None:
                rng_local = random.Random(index)
                with httpx.Client(base_url=reel.base_url, timeout=120) as own:
                    while not stop.is_set():
                        at = round(rng_local.uniform(0, 29.9), 3)
                        response = own.post("/api/v1/previews", json={"composition": payload, "time": at, "width": 640})
                        answered[0 if response.status_code == 200 else 1] += 1
                        if response.status_code == 429:
                            time.sleep(float(response.headers.get("retry-after", "1")))

            workers = [threading.Thread(target=previewer, args=(index,)) for index in range(20)]
            for worker in workers:
                worker.start()
            beside = pair()
            stop.set()
            for worker in workers:
                worker.join()
            row("two full renders with 20 clients previewing all along / alone",
                f"{beside:.1f} s / {alone:.1f} s = {beside / alone:.2f} ({answered[0]} previews answered, {answered[1]} told 429)",
                "≤ 1.15")
    finally:
        reel.stop()
        reel.remove_folder()
    scaled(payload, times)
    print("\n| measurement | value | goal |\n|---|---|---|")
    for measurement, value, target in ROWS:
        print(f"| {measurement} | {value} | {target} |")


if __name__ == "__main__":
    main()
