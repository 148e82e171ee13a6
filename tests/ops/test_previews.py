"""Previews through `reel serve`: the seed's complex payload's frames against the same frames of
its render (ffmpeg's psnr filter, and which pixels its titles light), a deadline that stops
ffmpeg and leaves nothing behind, a flood answered from a bounded line with flat memory, and
previews of a stored composition and of a template."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from reel_support import SEED_SOURCES, ReelProcess, free_port, new_database, payload_folder, seed_sources, wait_for

pytestmark = pytest.mark.skipif(not os.environ.get("AWS_ENDPOINT_URL"), reason="needs the S3 of scripts/services env")


def complex_payload() -> dict[str, object]:
    payload: dict[str, object] = json.loads((payload_folder() / "complex-10-clip.json").read_text())
    return payload


def rss_kib(reel: ReelProcess) -> int:
    assert reel.process is not None
    for line in Path(f"/proc/{reel.process.pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def psnr(a: Path, b: Path) -> float:
    """ffmpeg's PSNR of two pictures of one size, both in yuv420p as the video's frames are."""
    result = subprocess.run(
        ["ffmpeg", "-hide_banner", "-nostdin", "-i", str(a), "-i", str(b), "-lavfi",
         "[0]format=yuv420p[a];[1]format=yuv420p[b];[a][b]psnr", "-f", "null", "-"],
        capture_output=True, text=True, check=True)
    line = [line for line in result.stderr.splitlines() if "average:" in line][-1]
    value = line.split("average:")[1].split()[0]
    return float("inf") if value == "inf" else float(value)


def lit(picture: Path, crop: str) -> set[int]:
    """Indices of the pixels of `crop` (w:h:x:y) brighter than 200 of 255 (text drawn white or yellow)."""
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", str(picture), "-vf", f"crop={crop},format=gray", "-f", "rawvideo", "-"],
                         capture_output=True, check=True).stdout
    return {index for index, value in enumerate(raw) if value > 200}


@pytest.fixture(scope="module")
def reel() -> Iterator[ReelProcess]:
    seed_sources()
    server = ReelProcess(["serve"], {"REEL_WORKERS": "2", **SEED_SOURCES}, "previews", port=free_port()).start()
    yield server
    assert server.stop() == 0
    server.remove_folder()


def test_the_complex_payloads_frames_are_the_renders(reel: ReelProcess) -> None:
    payload = complex_payload()
    times = [0.0, 1.5, 2.99, 3.0, 9.5, 16.5, 23.2, 28.5]
    with tempfile.TemporaryDirectory() as folder, httpx.Client(base_url=reel.base_url, timeout=120) as client:
        previews = []
        for index, at in enumerate(times):
            response = client.post("/api/v1/previews", json={"composition": payload, "time": at, "width": 640, "format": "png"})
            assert response.status_code == 200, response.text
            assert response.headers["content-type"] == "image/png"
            path = Path(folder) / f"preview-{index}.png"
            path.write_bytes(response.content)
            previews.append((path, float(response.headers["reel-frame-times"])))
        created = client.post("/api/v1/compositions", json=payload)
        assert created.status_code == 202, created.text
        status_url = f"/api/v1/compositions/{created.json()['id']}/status"

        def settled() -> dict[str, object] | None:
            status: dict[str, object] = client.get(status_url).json()
            return status if status["status"] in ("completed", "failed") else None

        assert wait_for(settled, timeout=600, interval=0.5, what="the render")["status"] == "completed"
        video = Path(folder) / "render.mp4"
        link = client.get(status_url.replace("/status", "/download")).json()["download_url"]
        video.write_bytes(httpx.get(link, timeout=120).content)
        scores = []
        for (preview, frame_time), at in zip(previews, times):
            frame = Path(folder) / f"render-{at}.png"
            # The frame starting at frame_time: seek a quarter frame early, take the first at or after it.
            subprocess.run(["ffmpeg", "-v", "error", "-y", "-ss", str(frame_time - 0.25 / 30), "-i", str(video), "-frames:v", "1",
                            "-vf", "scale=640:360", str(frame)], check=True)
            score = psnr(preview, frame)
            scores.append(score)
            assert score >= 33, f"at {at} s: {score:.1f} dB"
            # Titles: top_center 0-3 s, bottom_center 15-18 s, center 27-30 s, each lit where the render lights it.
            region = {1.5: "640:60:0:0", 2.99: "640:60:0:0", 16.5: "640:70:0:290", 28.5: "640:80:0:140"}.get(at)
            if region:
                shown, rendered = lit(preview, region), lit(frame, region)
                assert len(rendered) > 200, f"the render shows its title at {at} s"
                overlap = len(shown & rendered) / len(shown | rendered)
                assert overlap > 0.8, f"at {at} s the preview lights {len(shown)} pixels, the render {len(rendered)}, {overlap:.2f} in common"
        print("complex payload preview PSNR:", ", ".join(f"{at}: {score:.1f}" for at, score in zip(times, scores)))


def test_stored_compositions_and_templates_preview(reel: ReelProcess) -> None:
    payload = complex_payload()
    with httpx.Client(base_url=reel.base_url, timeout=120) as client:
        created = client.post("/api/v1/compositions", json={**payload, "title": "stored"})
        stored = client.post("/api/v1/previews", json={"composition_id": created.json()["id"], "time": 4})
        assert stored.status_code == 200 and stored.headers["content-type"] == "image/jpeg", stored.text
        client.post(f"/api/v1/compositions/{created.json()['id']}/cancel")
        template = client.post("/api/v1/templates", json={
            "name": "lower third", "merge_fields": {"HEADLINE": {"type": "text", "default": "Default"}},
            "composition": {**payload, "overlays": [{"text": "{{HEADLINE}}", "start_time": 0, "end_time": 30, "font_size": 64}]}})
        assert template.status_code == 201, template.text
        body = {"template_id": template.json()["id"], "time": 5, "width": 320}
        default = client.post("/api/v1/previews", json=body)
        merged = client.post("/api/v1/previews", json={**body, "merge": {"HEADLINE": "A much longer headline here"}})
        assert default.status_code == merged.status_code == 200
        assert default.content != merged.content, "the merged value is drawn"
        wrong = client.post("/api/v1/previews", json={**body, "merge": {"NOPE": "x"}})
        assert wrong.status_code == 422 and wrong.json()["details"][0]["field"] == "merge.NOPE", wrong.text


def test_a_deadline_stops_ffmpeg_and_leaves_nothing() -> None:
    seed_sources()
    server = ReelProcess(["serve"], {"REEL_WORKERS": "1", "REEL_PREVIEW_TIMEOUT": "0.5", **SEED_SOURCES}, "preview-deadline",
                         port=free_port()).start()
    try:
        times = [index * 0.93 for index in range(32)]
        response = httpx.post(server.base_url + "/api/v1/previews", timeout=60,
                              json={"composition": complex_payload(), "times": times, "width": 640})
        assert response.status_code == 504, response.text[:300]
        assert response.json()["error_code"] == "preview_timeout"
        scratch = server.folder / "data"

        def settled() -> bool:
            running = subprocess.run(["pgrep", "-f", str(scratch)], capture_output=True, text=True).stdout.split()
            left = [path for path in scratch.rglob("preview-*")]
            return not running and not left
        wait_for(settled, timeout=5, interval=0.1, what="the stopped preview's ffmpeg and folder to be gone")
        assert httpx.get(server.base_url + "/health").status_code == 200
    finally:
        assert server.stop() == 0
    server.remove_folder()


def test_a_flood_is_answered_from_a_bounded_line_and_memory_stays_flat(reel: ReelProcess) -> None:
    payload = complex_payload()
    statuses: list[int] = []
    retry_after: list[str] = []
    lock = threading.Lock()

    def flood(round_number: int) -> None:
        def one(index: int) -> None:
            at = round(0.037 * index + 0.011 * round_number + 0.2, 3)
            response = httpx.post(reel.base_url + "/api/v1/previews", timeout=120,
                                  json={"composition": payload, "time": at, "width": 320})
            with lock:
                statuses.append(response.status_code)
                if response.status_code == 429:
                    retry_after.append(response.headers.get("retry-after", ""))
        threads = [threading.Thread(target=one, args=(index,)) for index in range(40)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    flood(0)
    after_first = rss_kib(reel)
    for round_number in range(1, 4):
        flood(round_number)
    after_last = rss_kib(reel)
    # 504 only when a loaded machine keeps a waiting preview past its deadline.
    assert set(statuses) <= {200, 429, 504}, statuses
    assert statuses.count(429) > 0 and statuses.count(200) >= 4, statuses
    assert all(value.isdigit() for value in retry_after)
    # Three more floods of 40 add no lasting memory (the preview cache is bounded at 64 MiB, far
    # above these 320 px frames).
    print(f"flood: {statuses.count(200)} answered, {statuses.count(429)} refused; RSS {after_first} → {after_last} KiB")
    assert after_last - after_first < 40 * 1024, f"RSS grew from {after_first} to {after_last} KiB"
    # Each answer is counted by how it ended (read with the Prometheus project's own parser).
    results: dict[str, float] = {}
    for family in text_string_to_metric_families(httpx.get(reel.base_url + "/metrics").text):
        for sample in family.samples:
            if sample.name == "reel_previews_total":
                results[sample.labels["result"]] = sample.value
    assert results.get("busy", 0) >= statuses.count(429) and results.get("rendered", 0) >= 1, results
    assert httpx.get(reel.base_url + "/health").status_code == 200


def test_an_api_only_process_hands_previews_to_a_worker() -> None:
    """The scaled shape on PostgreSQL: `reel serve --workers 0` never runs ffmpeg for a preview; a
    `reel work` process's preview slot makes it; with the worker gone, 503 + Retry-After."""
    seed_sources()
    database = new_database()
    env = {"REEL_DATABASE_URL": database, **SEED_SOURCES}
    api = ReelProcess(["serve", "--workers", "0"], env, "preview-api", port=free_port()).start()
    worker = ReelProcess(["work", "--workers", "1"], env, "preview-worker").start()
    try:
        body = {"composition": complex_payload(), "time": 7.5, "width": 320}

        def answered() -> httpx.Response | None:
            response = httpx.post(api.base_url + "/api/v1/previews", json=body, timeout=60)
            return response if response.status_code != 503 else None

        response = wait_for(answered, timeout=60, interval=0.5, what="a worker to make the preview")
        assert response.status_code == 200 and response.headers["content-type"] == "image/jpeg", response.text[:300]
        assert api.process is not None
        ffmpeg_children = subprocess.run(["pgrep", "-P", str(api.process.pid)], capture_output=True, text=True).stdout.split()
        assert not ffmpeg_children, "the API-only process started no ffmpeg"
        assert "Retry-After" not in response.headers
        worker.stop()
        gone = wait_for(lambda: (lambda r: r if r.status_code == 503 else None)(
            httpx.post(api.base_url + "/api/v1/previews", json={**body, "time": 8.5}, timeout=60)),
            timeout=30, interval=1, what="the API to see the worker gone")
        assert gone.headers["retry-after"].isdigit() and gone.json()["error_code"] == "service_unavailable"
    finally:
        worker.stop()
        assert api.stop() == 0
    api.remove_folder()
    worker.remove_folder()
