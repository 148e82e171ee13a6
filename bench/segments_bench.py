#!/usr/bin/env python3
"""Segment-parallel rendering and render-cache benchmarks of the release build (issue 13 §4), on
PostgreSQL + S3 with the API and `reel work` as separate processes. Prints Markdown tables.

A 60 s 1080p composition (12 clips, 11 transitions, music, three titles), its sources uploaded.

Scale (each set-up on a fresh database and bucket, so nothing is reused):
- one worker process pinned to one core (`taskset`) vs two worker processes each pinned to its own
  core, standing in for two machines: the speedup;
- from the one-worker render's measured part times, a projection for 4, 8 and 16 workers (the
  stitch, fetches and upload as the serial part, the parts scheduled longest first).

Cache (two workers):
- rendered with `"cache": false` (the baseline) and with the cache (storing every part);
- submitted again: POST → `completed` latency, and the ffmpeg runs it started (a logging wrapper);
- one title's text changed: re-render time as a ratio to the full render;
- the peak resident memory of each worker's process tree (reel + ffmpeg) throughout.

Run through `bench/run --segments`.
"""

from __future__ import annotations

import argparse
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


def projection(parts: list[dict[str, object]], serial: float, workers: int) -> float:
    """Serial time plus the longest-first schedule of the parts on `workers` workers."""
    loads = [0.0] * workers
    for seconds in sorted((float(p["seconds"] or 0) for p in parts), reverse=True):
        loads[loads.index(min(loads))] += seconds
    return serial + max(loads)


def farm(env: dict[str, str], cores: list[int]) -> tuple[ReelProcess, list[ReelProcess]]:
    """An API and one single-slot worker pinned to each of `cores`."""
    api = ReelProcess(["serve", "--workers", "0"], env, "api", port=free_port()).start()
    workers = [ReelProcess(["work", "--workers", "1"], env, f"worker{core}", launcher=["taskset", "-c", str(core)]).start()
               for core in cores]
    time.sleep(1)
    return api, workers


def upload(api: str, sources: list[Path]) -> list[str]:
    urls = []
    for path in sources:
        response = httpx.post(f"{api}/api/v1/assets", content=path.read_bytes(), timeout=120)
        assert response.status_code == 201, response.text
        urls.append(response.json()["url"])
    return urls


def fresh_env(wrapper: Path) -> dict[str, str]:
    return {"REEL_DATABASE_URL": new_database(), "REEL_STORAGE_URL": f"s3://reel-ops/{uuid.uuid4().hex[:12]}",
            "REEL_FFMPEG": str(wrapper), "REEL_SECRET": "segments-bench-secret-0123456789"}


def ceiling() -> float:
    """What two cores give here: one x264 encode pinned to core 0, then one on each core at once."""
    def encode(core: int) -> subprocess.Popen[bytes]:
        return subprocess.Popen(["taskset", "-c", str(core), "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                                 "testsrc2=size=1920x1080:rate=30:duration=6", "-c:v", "libx264", "-preset", "veryfast",
                                 "-threads", "1", "-f", "null", "-"])
    started = time.perf_counter()
    encode(0).wait()
    alone = time.perf_counter() - started
    started = time.perf_counter()
    both = [encode(0), encode(1)]
    for process in both:
        process.wait()
    return 2 * alone / (time.perf_counter() - started)


def scale(sources: list[Path], wrapper: Path, segment_seconds: str) -> None:
    row("this machine's ceiling: two pinned x264 encodes at once vs one", f"{ceiling():.2f}×")
    timings: dict[int, float] = {}
    work: dict[int, float] = {}
    one_worker_parts: list[dict[str, object]] = []
    for cores in ([0], [0, 1]):
        api, workers = farm(fresh_env(wrapper) | {"REEL_SEGMENT_SECONDS": segment_seconds}, cores)
        try:
            urls = upload(api.base_url, sources)
            elapsed, metadata = render(api.base_url, composition(urls, "Welcome"), poll=0.05)
            for part in metadata["cache"]["parts"]:
                print(f"    part {part['position']}: {part['duration']:.2f} s of output, {part['seconds']:.1f} s by {part['worker']}",
                      file=sys.stderr)
            timings[len(cores)] = elapsed
            parts = metadata["cache"]["parts"]
            work[len(cores)] = sum(float(p["seconds"] or 0) for p in parts)
            if len(cores) == 1:
                one_worker_parts = parts
            by_process = {}
            for part in parts:
                by_process.setdefault(str(part["worker"]).split("/")[0], []).append(part)
            row(f"{len(cores)} worker process(es), one core each: POST → completed", f"{elapsed:.1f} s",
                f"{len(parts)} parts; per process: " + ", ".join(str(len(v)) for v in by_process.values()))
        finally:
            api.stop()
            for worker in workers:
                worker.stop()
    speedup = timings[1] / timings[2]
    row("speedup, 2 workers vs 1", f"{speedup:.2f}×", "≥ 1.8×")
    inflation = work[2] / work[1]
    row("the same parts' seconds summed: 2 workers at once vs 1 (two cores of one machine slow each other)",
        f"{work[2]:.1f} s vs {work[1]:.1f} s = ×{inflation:.2f}", f"so at most {2 / inflation:.2f}× here")
    row("speedup as a share of what the two cores gave", f"{speedup / (2 / inflation):.0%}")
    serial = max(0.0, timings[1] - work[1])
    row("one worker: part seconds (segments + audio) / serial rest (fetch, stitch, upload, queue)",
        f"{work[1]:.1f} s / {serial:.1f} s")
    for workers in (2, 4, 8, 16):
        projected = projection(one_worker_parts, serial, workers)
        row(f"projection for {workers} workers (not measured)", f"{projected:.1f} s = {timings[1] / projected:.2f}×")


CLIENT = httpx.Client(timeout=30)


def render(api: str, body: dict[str, object], poll: float = 0.005) -> tuple[float, dict[str, object]]:
    """POST → completed, in seconds, and the composition's metadata. One kept-alive client: a new
    `httpx` client per request costs 30–100 ms of its own (measured), more than the render."""
    started = time.perf_counter()
    response = CLIENT.post(f"{api}/api/v1/compositions/", json=body)
    assert response.status_code == 202, response.text
    composition = response.json()["id"]
    while True:
        status = CLIENT.get(f"{api}/api/v1/compositions/{composition}/status").json()
        if status["status"] == "completed":
            elapsed = time.perf_counter() - started
            break
        if status["status"] in ("failed", "cancelled"):
            sys.exit(f"render {status['status']}: {status}")
        time.sleep(poll)
    return elapsed, CLIENT.get(f"{api}/api/v1/compositions/{composition}/metadata").json()


def cache(sources: list[Path], wrapper: Path, log: Path, resubmits: int) -> None:
    api, workers = farm(fresh_env(wrapper), [0, 1])
    try:
        urls = upload(api.base_url, sources)
        peaks = [Peak(worker.process.pid) for worker in workers if worker.process]
        baseline_body = composition(urls, "Welcome")
        baseline_body["cache"] = False
        baseline, _ = render(api.base_url, baseline_body, poll=0.05)
        row("full render, `\"cache\": false` (baseline: one process renders every segment)", f"{baseline:.1f} s")
        full, metadata = render(api.base_url, composition(urls, "Welcome"), poll=0.05)
        report = metadata["cache"]
        row("full render with the cache (parts shared by both workers, stored)", f"{full:.1f} s = {full / baseline:.2f}× the baseline",
            f"{report['segments_rendered']} segments")

        def runs() -> int:
            return len([line for line in log.read_text().splitlines() if "-version" not in line])

        before = runs()
        latencies = []
        for _ in range(resubmits):
            elapsed, again = render(api.base_url, composition(urls, "Welcome"))
            assert again["cache"]["output_reused"] is True, again["cache"]
            latencies.append(elapsed * 1000)
        latencies.sort()
        row(f"identical composition again: POST → completed (n={resubmits})",
            f"p50 {latencies[len(latencies) // 2]:.0f} ms, max {latencies[-1]:.0f} ms", "≤ 100 ms")
        row("ffmpeg processes started by those resubmits", str(runs() - before), "0")

        edit, edited = render(api.base_url, composition(urls, "Welcome, edited"), poll=0.05)
        ec = edited["cache"]
        row("one title's text changed: re-render", f"{edit:.1f} s = {edit / full:.1%} of the full render",
            f"≤ 35 % ({ec['segments_rendered']} of {ec['segments_rendered'] + ec['segments_reused']} segments rendered, "
            f"audio reused: {ec['audio_reused']})")
        row("peak RSS of each worker's process tree (reel + ffmpeg)", ", ".join(f"{p.stop():.0f} MiB" for p in peaks), "< 600 MiB")
    finally:
        api.stop()
        for worker in workers:
            worker.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--resubmits", type=int, default=10)
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--skip-cache", action="store_true")
    parser.add_argument("--segment-seconds", default="10", help="REEL_SEGMENT_SECONDS for the scale set-ups")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="reel-segments-bench-"))
    log = folder / "ffmpeg.log"
    wrapper = folder / "ffmpeg"
    wrapper.write_text(f"#!/bin/sh\necho \"$*\" >> '{log}'\nexec ffmpeg \"$@\"\n")
    wrapper.chmod(0o755)
    print("making 12 1080p sources …", file=sys.stderr, flush=True)
    sources = make_sources(folder)
    if not options.skip_scale:
        scale(sources, wrapper, options.segment_seconds)
    if not options.skip_cache:
        cache(sources, wrapper, log, options.resubmits)
    print("\n| measurement | result | goal |\n|---|---|---|")
    for measurement, value, target in ROWS:
        print(f"| {measurement} | {value} | {target} |")


if __name__ == "__main__":
    main()
