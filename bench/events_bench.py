#!/usr/bin/env python3
"""Event benchmarks of the release build (issue 11 §5), on PostgreSQL + S3 with the API and
`reel work` as separate processes, as a deployment runs them. Prints a Markdown table.

- progress report → SSE client: a worker reports progress; a client streaming `/api/v1/events`
  from the API process gets `composition.progress`; latency = arrival − `reported_at` (one clock).
- completion → webhook received: latency = arrival at a local receiver − the event's `timestamp`.
- 1,000 SSE clients held open on the API: `GET …/status` throughput with them as a ratio to
  without them in the same run (wrk), and the API's peak RSS.

Run through `bench/run --events`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import threading
import time
import uuid
from datetime import datetime
from pathlib import Path

import httpx
from httpx_sse import aconnect_sse, connect_sse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "support"))
sys.path.insert(0, str(ROOT / "tests" / "ops"))
sys.path.insert(0, str(ROOT / "bench"))
from load_bench import rss_kb, wrk  # noqa: E402
from reel_support import ReelProcess, free_port, new_database, wait_for  # noqa: E402
from test_observability import tiny_clip  # noqa: E402
from test_webhooks import SECRET, Receiver  # noqa: E402

os.environ.setdefault("REEL_BINARY", str(ROOT / ".build" / "release" / "reel"))
ROWS: list[tuple[str, str, str]] = []


def row(measurement: str, value: str, target: str = "") -> None:
    ROWS.append((measurement, value, target))
    print(f"  {measurement}: {value}  {target}", file=sys.stderr, flush=True)


def seconds(stamp: str) -> float:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def latencies(renders: int) -> None:
    env = {"REEL_DATABASE_URL": new_database(), "REEL_STORAGE_URL": f"s3://reel-ops/{uuid.uuid4().hex[:12]}",
           "REEL_ALLOW_PRIVATE_SOURCES": "true", "REEL_WEBHOOK_SECRET": SECRET}
    api = ReelProcess(["serve", "--workers", "0"], env, "events-api", port=free_port()).start()
    worker = ReelProcess(["work", "--workers", "2"], env, "events-worker").start()
    receiver = Receiver(free_port(), [SECRET]).start()
    progress: list[float] = []
    try:
        asset = httpx.post(f"{api.base_url}/api/v1/assets", content=tiny_clip(), headers={"Content-Type": "video/mp4"}).json()
        completed = 0
        with httpx.Client(timeout=httpx.Timeout(10, read=120)) as client:
            with connect_sse(client, "GET", f"{api.base_url}/api/v1/events", headers={"Accept": "text/event-stream"}) as source:
                def submit() -> None:
                    for _ in range(renders):
                        created = httpx.post(f"{api.base_url}/api/v1/compositions", json={
                            "title": "bench", "webhook_url": f"http://127.0.0.1:{receiver.port}/hook",
                            "output": {"resolution": "480p"}, "clips": [{"video_url": asset["url"], "start_time": 0, "end_time": 6}]})
                        assert created.status_code == 202, created.text

                # Submitted beside the reader, so the stream is read while events happen.
                threading.Thread(target=submit).start()
                for event in source.iter_sse():
                    arrived = time.time()
                    if event.event == "composition.progress":
                        progress.append(arrived - seconds(json.loads(event.data)["reported_at"]))
                    elif event.event == "composition.completed":
                        completed += 1
                        if completed == renders:
                            break
        def completions() -> list[float]:
            with receiver.lock:
                return [event["arrived"] - seconds(event["timestamp"]) for event in receiver.received
                        if event["type"] == "composition.completed"]

        hooks = wait_for(lambda: (found := completions()) and len(found) >= renders and found, timeout=30,
                         what="every completion webhook")
    finally:
        receiver.stop()
        worker.kill()
        api.stop()
    api.remove_folder()
    worker.remove_folder()
    ms = [value * 1000 for value in progress]
    row(f"progress report → SSE client on the API process (n={len(ms)})",
        f"p50 {statistics.median(ms):.1f} ms, p99 {percentile(ms, 0.99):.1f} ms", "p99 < 50 ms")
    hooks = [value * 1000 for value in hooks]
    row(f"completion → webhook received (n={len(hooks)})",
        f"p50 {statistics.median(hooks):.1f} ms, p99 {percentile(hooks, 0.99):.1f} ms", "p50 < 100 ms")


async def hold_streams(url: str, count: int, ready: asyncio.Event, stop: asyncio.Event) -> int:
    opened = 0
    limits = httpx.Limits(max_connections=count + 10, max_keepalive_connections=0)
    async with httpx.AsyncClient(timeout=httpx.Timeout(30, read=None), limits=limits) as client:
        async def one() -> None:
            nonlocal opened
            async with aconnect_sse(client, "GET", url, headers={"Accept": "text/event-stream"}) as source:
                opened += 1
                if opened == count:
                    ready.set()
                async for _ in source.aiter_sse():
                    if stop.is_set():
                        return

        tasks = [asyncio.create_task(one()) for _ in range(count)]
        await stop.wait()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return opened


def held_streams(clients: int, seconds_each: int) -> None:
    env = {"REEL_DATABASE_URL": new_database(), "REEL_STORAGE_URL": f"s3://reel-ops/{uuid.uuid4().hex[:12]}"}
    api = ReelProcess(["serve", "--workers", "0"], env, "streams-api", port=free_port()).start()
    try:
        created = httpx.post(f"{api.base_url}/api/v1/compositions", json={
            "title": "watched", "clips": [{"video_url": "https://example.com/a.mp4", "start_time": 0, "end_time": 1}]}).json()
        status = f"{api.base_url}/api/v1/compositions/{created['id']}/status"
        wrk(status, 3)  # warm-up
        without = wrk(status, seconds_each)

        loop = asyncio.new_event_loop()
        ready, stop = asyncio.Event(), asyncio.Event()
        holder = threading.Thread(target=lambda: loop.run_until_complete(
            hold_streams(f"{api.base_url}/api/v1/compositions/{created['id']}/events", clients, ready, stop)))
        holder.start()
        deadline = time.monotonic() + 120
        while not ready.is_set() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert ready.is_set(), "the streams did not all open"
        rss_open = rss_kb(api.process.pid)  # type: ignore[union-attr]
        with_streams = wrk(status, seconds_each)
        assert api.process is not None
        peak = int(next(line.split()[1] for line in Path(f"/proc/{api.process.pid}/status").read_text().splitlines()
                        if line.startswith("VmHWM")))
        loop.call_soon_threadsafe(stop.set)
        # Closing the streams ends them (the next keep-alive finds the client gone).
        holder.join(timeout=60)
    finally:
        api.stop()
    api.remove_folder()
    row(f"GET …/status with {clients} SSE clients open, vs none (wrk, {seconds_each} s each)",
        f"{with_streams.rps:,.0f} vs {without.rps:,.0f} req/s = {with_streams.rps / without.rps:.2f}×", "≥ 0.80×")
    row(f"API RSS with {clients} SSE clients open (peak over the run)", f"{rss_open / 1024:.0f} MiB ({peak / 1024:.0f} MiB peak)",
        "< 300 MiB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--renders", type=int, default=24)
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=10)
    arguments = parser.parse_args()
    latencies(arguments.renders)
    held_streams(arguments.clients, arguments.seconds)
    print("| measurement | result | goal |\n|---|---|---|")
    for measurement, value, target in ROWS:
        print(f"| {measurement} | {value} | {target} |")


if __name__ == "__main__":
    main()
