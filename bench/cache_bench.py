#!/usr/bin/env python3
"""Render-cache benchmarks of the release build (issue 13 §3–§4), on PostgreSQL + S3 with the API
and one `reel work` as separate processes. Prints a Markdown table.

A 60 s 1080p composition (12 clips, 11 transitions, music, three titles), its sources uploaded:
- rendered with `"cache": false` (the baseline) and with the cache (storing every part);
- submitted again: POST → `completed` latency, and the ffmpeg runs it started (a logging wrapper);
- one title's text changed: re-render time as a ratio to the full render;
- the peak resident memory of the worker's process tree (reel + ffmpeg) throughout.

Run through `bench/run --cache`.
"""

from __future__ import annotations

import argparse
import copy
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "support"))
sys.path.insert(0, str(ROOT / "bench"))
from render_bench import tree_rss_kb  # noqa: E402
from reel_support import ReelProcess, free_port, new_database  # noqa: E402

os.environ.setdefault("REEL_BINARY", str(ROOT / ".build" / "release" / "reel"))
ROWS: list[tuple[str, str, str]] = []


def row(measurement: str, value: str, target: str = "") -> None:
    ROWS.append((measurement, value, target))
    print(f"  {measurement}: {value}  {target}", file=sys.stderr, flush=True)


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True)


def make_sources(folder: Path) -> list[Path]:
    files = []
    for index in range(12):
        path = folder / f"clip{index}.mp4"
        ffmpeg("-f", "lavfi", "-i", f"testsrc2=size=1920x1080:rate=30:duration=6", "-f", "lavfi", "-i",
               f"sine=frequency={300 + 40 * index}:sample_rate=48000:duration=6", "-c:v", "libx264", "-preset", "veryfast",
               "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(path))
        files.append(path)
    music = folder / "music.mp3"
    ffmpeg("-f", "lavfi", "-i", "sine=frequency=220:sample_rate=44100:duration=70", str(music))
    files.append(music)
    return files


def composition(urls: list[str], title: str) -> dict[str, object]:
    """12 clips of 5.5 s overlapping by 0.5 s (11 transitions): 60.5 s at 1080p, music, three titles."""
    kinds = ["fade", "wipeleft", "slideup", "circleopen", "dissolve", "radial", "smoothleft", "fadeblack", "pixelize",
             "fadewhite", "slideleft"]
    clips = []
    for index in range(12):
        clip: dict[str, object] = {"video_url": urls[index], "start_time": index * 5.0, "end_time": index * 5.0 + 5.5,
                                   "trim_start": 0}
        if index:
            clip["transition"] = {"type": kinds[index - 1], "duration": 0.5}
        clips.append(clip)
    return {
        "title": "cache bench",
        "clips": clips,
        "audio": {"music_url": urls[12], "music_volume": 0.4},
        "overlays": [
            {"text": title, "start_time": 0, "end_time": 3, "position": "center", "font_size": 72},
            {"text": "Chapter two", "start_time": 28, "end_time": 31, "position": "bottom_center"},
            {"text": "The end", "start_time": 57, "end_time": 60.5, "position": "center"},
        ],
        "output": {"resolution": "1080p", "fps": 30},
    }


class Peak:
    """Samples the resident memory of a process tree every 50 ms."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_kb, self.running = pid, 0, True
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()

    def sample(self) -> None:
        while self.running:
            self.peak_kb = max(self.peak_kb, tree_rss_kb(self.pid))
            time.sleep(0.05)

    def stop(self) -> float:
        self.running = False
        self.thread.join()
        return self.peak_kb / 1024


def render(api: str, body: dict[str, object], poll: float = 0.005) -> tuple[float, dict[str, object]]:
    """POST → completed, in seconds, and the composition's metadata."""
    started = time.perf_counter()
    response = httpx.post(f"{api}/api/v1/compositions/", json=body, timeout=30)
    assert response.status_code == 202, response.text
    composition = response.json()["id"]
    while True:
        status = httpx.get(f"{api}/api/v1/compositions/{composition}/status", timeout=30).json()
        if status["status"] == "completed":
            elapsed = time.perf_counter() - started
            break
        if status["status"] in ("failed", "cancelled"):
            sys.exit(f"render {status['status']}: {status}")
        time.sleep(poll)
    return elapsed, httpx.get(f"{api}/api/v1/compositions/{composition}/metadata", timeout=30).json()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--resubmits", type=int, default=10)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="reel-cache-bench-"))
    log = folder / "ffmpeg.log"
    wrapper = folder / "ffmpeg"
    wrapper.write_text(f"#!/bin/sh\necho \"$*\" >> '{log}'\nexec ffmpeg \"$@\"\n")
    wrapper.chmod(0o755)
    print("making 12 1080p sources …", file=sys.stderr, flush=True)
    sources = make_sources(folder)
    env = {"REEL_DATABASE_URL": new_database(), "REEL_STORAGE_URL": f"s3://reel-ops/{uuid.uuid4().hex[:12]}",
           "REEL_FFMPEG": str(wrapper), "REEL_SECRET": "cache-bench-secret-0123456789"}
    api = ReelProcess(["serve", "--workers", "0"], env, "api", port=free_port()).start()
    worker = ReelProcess(["work", "--workers", "1"], env, "worker").start()
    try:
        urls = []
        for path in sources:
            response = httpx.post(f"{api.base_url}/api/v1/assets", content=path.read_bytes(), timeout=120)
            assert response.status_code == 201, response.text
            urls.append(response.json()["url"])
        assert worker.process is not None
        peak = Peak(worker.process.pid)

        baseline_body = composition(urls, "Welcome")
        baseline_body["cache"] = False
        baseline, _ = render(api.base_url, baseline_body, poll=0.05)
        row("full render, `\"cache\": false` (baseline)", f"{baseline:.1f} s")
        full, metadata = render(api.base_url, composition(urls, "Welcome"), poll=0.05)
        cache = metadata["cache"]
        row("full render with the cache (storing every part)", f"{full:.1f} s = {full / baseline:.2f}× the baseline",
            f"{cache['segments_rendered']} segments")

        runs_before = len([line for line in log.read_text().splitlines() if "-version" not in line])
        latencies = []
        for _ in range(options.resubmits):
            elapsed, again = render(api.base_url, composition(urls, "Welcome"))
            assert again["cache"]["output_reused"] is True, again["cache"]
            latencies.append(elapsed * 1000)
        runs_after = len([line for line in log.read_text().splitlines() if "-version" not in line])
        latencies.sort()
        row(f"identical composition again: POST → completed (n={options.resubmits})",
            f"p50 {latencies[len(latencies) // 2]:.0f} ms, max {latencies[-1]:.0f} ms", "≤ 100 ms")
        row("ffmpeg processes started by those resubmits", str(runs_after - runs_before), "0")

        edit, edited = render(api.base_url, composition(urls, "Welcome, edited"), poll=0.05)
        ec = edited["cache"]
        row("one title's text changed: re-render", f"{edit:.1f} s = {edit / full:.1%} of the full render",
            f"≤ 35 % ({ec['segments_rendered']} of {ec['segments_rendered'] + ec['segments_reused']} segments, "
            f"audio reused: {ec['audio_reused']})")
        row("peak RSS of the worker's process tree", f"{peak.stop():.0f} MiB", "< 600 MiB")
    finally:
        api.stop()
        worker.stop()
    print("\n| measurement | result | goal |\n|---|---|---|")
    for measurement, value, target in ROWS:
        print(f"| {measurement} | {value} | {target} |")


if __name__ == "__main__":
    main()
