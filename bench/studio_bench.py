#!/usr/bin/env python3
"""Reel Studio in headless Chromium against the release build (issue 27 §5). Prints a Markdown table.

- First load: the bytes the browser transferred for `/studio/` until the compositions page is
  drawn (navigation + every resource, `performance` entries), against the 150 KB budget, with
  and without gzip; DOMContentLoaded, and the time until the table's rows are drawn.
- `POST /api/v1/compositions/validate` of the seed's complex payload, 500 times on one
  connection as an editor calls it: p50 and p99 against the 5 ms budget.
- Responsiveness: 1,000 compositions stored and 50 rendering at once (an API-only `reel serve`
  and a `reel work` process with 50 slots, on the PostgreSQL of scripts/services), the compositions page open on the event
  stream of all of them. For 20 s a requestAnimationFrame loop records the gap between frames;
  the page stays responsive when every gap is under 50 ms. The baselines of the same run: the
  page with nothing rendering, and with the same 50 renders and event stream on a filter that
  shows none of their rows (the gaps the loaded machine itself makes).

Run through `bench/run --studio`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "support"))
from browser import chromium  # noqa: E402
from reel_support import SEED_SOURCES, ReelProcess, free_port, new_database, payload_folder, wait_for  # noqa: E402

os.environ.setdefault("REEL_BINARY", str(ROOT / ".build" / "release" / "reel"))

FRAME_GAPS = """
const done = arguments[arguments.length - 1];
const seconds = arguments[0];
const gaps = []; let last = performance.now(); const end = last + seconds * 1000;
let updates = 0;
const watched = document.getElementById('compositions');
const observer = new MutationObserver((records) => { updates += records.length; });
observer.observe(watched, {subtree: true, attributes: true, childList: true, characterData: true});
function tick(now) {
  gaps.push(now - last); last = now;
  if (now < end) requestAnimationFrame(tick); else { observer.disconnect(); done({gaps, updates}); }
}
requestAnimationFrame(tick);
"""


def first_load(base: str, gzip: bool) -> dict[str, float]:
    browser = chromium()
    try:
        if not gzip:
            browser.execute_cdp_cmd("Network.enable", {})
            browser.execute_cdp_cmd("Network.setExtraHTTPHeaders", {"headers": {"Accept-Encoding": "identity"}})
        start = time.perf_counter()
        browser.get(f"{base}/studio/")
        wait_for(lambda: browser.find_elements("css selector", "#compositions tbody tr"), 30, interval=0.01, what="rows")
        drawn = (time.perf_counter() - start) * 1000
        timing: dict[str, Any] = browser.execute_script("""
            const nav = performance.getEntriesByType('navigation')[0];
            const resources = performance.getEntriesByType('resource').filter(r => new URL(r.name).pathname.startsWith('/studio/'));
            return {bytes: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
                    decoded: nav.decodedBodySize + resources.reduce((sum, r) => sum + r.decodedBodySize, 0),
                    files: resources.length + 1, dcl: nav.domContentLoadedEventEnd};""")
        return {"bytes": timing["bytes"], "decoded": timing["decoded"], "files": timing["files"], "dcl": timing["dcl"], "drawn": drawn}
    finally:
        browser.quit()


def validate_times(base: str, body: bytes, count: int) -> dict[str, float]:
    """`POST /compositions/validate` of `body` on one kept-alive connection, as an editor calls it: ms."""
    with httpx.Client(base_url=base) as client:
        times: list[float] = []
        for _ in range(count + 20):
            start = time.perf_counter()
            answer = client.post("/api/v1/compositions/validate", content=body, headers={"Content-Type": "application/json"})
            times.append((time.perf_counter() - start) * 1000)
            assert answer.status_code == 200 and answer.json()["valid"], answer.text
    ordered = sorted(times[20:])
    return {"p50": statistics.median(ordered), "p99": ordered[int(len(ordered) * 0.99) - 1]}


def gaps(base: str, seconds: float, route: str = "compositions") -> dict[str, float]:
    browser = chromium()
    try:
        browser.set_script_timeout(seconds + 30)
        browser.get(f"{base}/studio/#/{route}")
        wait_for(lambda: browser.find_elements("css selector", "#compositions tbody tr"), 30, what="rows")
        time.sleep(2)
        result: dict[str, Any] = browser.execute_async_script(FRAME_GAPS, seconds)
        values = sorted(result["gaps"][1:])
        return {"max": values[-1], "p99": values[int(len(values) * 0.99) - 1], "median": statistics.median(values),
                "frames": len(values), "updates": result["updates"], "over": sum(1 for gap in values if gap >= 50)}
    finally:
        browser.quit()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--rendering", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="reel-studio-bench-"))
    clip = folder / "clip.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30:duration=30",
                    "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "30", str(clip)], check=True)
    shared = {**SEED_SOURCES, "REEL_DATABASE_URL": new_database(), "REEL_STORAGE_URL": f"file://{folder / 'objects'}", "REEL_MAX_QUEUED": "100000"}
    api = ReelProcess(["serve", "--workers", "0"], shared, "studio-api", port=free_port()).start()
    try:
        base = api.base_url
        asset = httpx.post(f"{base}/api/v1/assets", content=clip.read_bytes(), headers={"Content-Type": "video/mp4"}).json()["url"]
        with httpx.Client(base_url=base, timeout=30) as client:
            # The ones to render are created last and run first: the newest rows, on the page shown.
            for index in range(options.rows):
                rendered = index >= options.rows - options.rendering
                body = {"title": f"Row {index}", "clips": [{"video_url": asset, "start_time": 0, "end_time": 30}],
                        "output": {"resolution": "320x180", "fps": 30}, "cache": False,
                        "priority": "high" if rendered else "low"}
                assert client.post("/api/v1/compositions", json=body).status_code == 202
        complex_payload = (payload_folder() / "complex-10-clip.json").read_bytes()
        checks = validate_times(base, complex_payload, 500)
        loads = {"gzip": first_load(base, True), "identity": first_load(base, False)}
        idle = gaps(base, options.seconds)
        worker = ReelProcess(["work"], {**shared, "REEL_WORKERS": str(options.rendering), "REEL_SEGMENT_SECONDS": "600"},
                             "studio-worker").start()
        try:
            wait_for(lambda: httpx.get(f"{base}/api/v1/compositions?status=processing&limit=1").json()["total"] >= options.rendering * 0.8,
                     120, interval=0.5, what="renders to start")
            # The machine's own share: the same load and event stream, on a page with no row to update.
            machine = gaps(base, options.seconds, "compositions?status=failed")
            busy = gaps(base, options.seconds)
            rendering = httpx.get(f"{base}/api/v1/compositions?status=processing&limit=1").json()["total"]
        finally:
            worker.stop()
    finally:
        api.stop()
    print("| measure | value |\n| --- | --- |")
    for name, load in loads.items():
        print(f"| first load ({name}): bytes transferred / decoded / files | {load['bytes']:.0f} B / {load['decoded']:.0f} B / {load['files']:.0f} |")
        print(f"| first load ({name}): DOMContentLoaded / rows drawn | {load['dcl']:.0f} ms / {load['drawn']:.0f} ms |")
    print(f"| validate, the seed's complex payload: p50 / p99 | {checks['p50']:.2f} / {checks['p99']:.2f} ms |")
    print(f"| budget: validate p99 ÷ 5 ms | {checks['p99'] / 5:.2f} |")
    print(f"| budget: gzip bytes ÷ 150 KB | {loads['gzip']['bytes'] / 150_000:.2f} |")
    for name, result in (("idle", idle), (f"{options.rendering} rendering, no row of theirs shown", machine),
                         (f"{options.rendering} rendering, 20 of them shown", busy)):
        print(f"| frame gaps, {options.rows} rows, {name}: median / p99 / max | {result['median']:.1f} / {result['p99']:.1f} / {result['max']:.1f} ms "
              f"({result['frames']:.0f} frames, {result['over']:.0f} of them ≥ 50 ms; {result['updates']:.0f} DOM updates) |")
    print(f"| max gap while rendering ÷ 50 ms | {busy['max'] / 50:.2f} (renders running at the end: {rendering}) |")
    print(f"| p99 gap, rows shown ÷ no row shown (the page's own cost) | {busy['p99'] / machine['p99']:.2f} |")


if __name__ == "__main__":
    main()
