"""Server-Sent Events as a browser's EventSource sees them, parsed with `httpx-sse` (not Reel's
code): a stream on the API process follows a render done by a separate `reel work` on
PostgreSQL (progress included), and a stream resumed with Last-Event-ID misses nothing and
repeats nothing."""

from __future__ import annotations

import json
import threading
import time
import uuid
from typing import Any

import httpx
from httpx_sse import connect_sse

from reel_support import ReelProcess, free_port, new_database, tiny_clip, wait_for


STREAM = {"Accept": "text/event-stream"}


def create(api: ReelProcess, asset_url: str, seconds: float = 1, resolution: str = "160x90") -> str:
    created = httpx.post(f"{api.base_url}/api/v1/compositions", json={
        "title": "streamed", "output": {"resolution": resolution},
        "clips": [{"video_url": asset_url, "start_time": 0, "end_time": seconds}]})
    assert created.status_code == 202, created.text
    return str(created.json()["id"])


def test_a_stream_on_the_api_follows_a_render_by_another_process_and_ends_with_it() -> None:
    env = {"REEL_DATABASE_URL": new_database(), "REEL_STORAGE_URL": f"s3://reel-ops/{uuid.uuid4().hex[:12]}"}
    api = ReelProcess(["serve", "--workers", "0"], env, "sse-api", port=free_port()).start()
    worker = ReelProcess(["work", "--workers", "1"], env, "sse-worker").start()
    try:
        asset = httpx.post(f"{api.base_url}/api/v1/assets", content=tiny_clip(), headers={"Content-Type": "video/mp4"}).json()
        # Long enough to report progress several times.
        composition = create(api, asset["url"], seconds=30, resolution="1080p")
        received: list[tuple[str, str, dict[str, Any]]] = []
        with httpx.Client(timeout=httpx.Timeout(5, read=60)) as client:
            with connect_sse(client, "GET", f"{api.base_url}/api/v1/compositions/{composition}/events", headers=STREAM) as source:
                assert source.response.headers["content-type"].startswith("text/event-stream")
                for event in source.iter_sse():
                    if event.data:  # an EventSource dispatches nothing for the `retry:` block alone
                        received.append((event.event, event.id, json.loads(event.data)))
        kinds = [kind for kind, _, _ in received]
        stored = [kind for kind in kinds if kind != "composition.progress"]
        assert stored == ["composition.queued", "composition.processing", "composition.completed"], kinds
        progress = [data["progress"] for kind, _, data in received if kind == "composition.progress"]
        assert len(progress) >= 2 and progress == sorted(progress), progress
        assert all(0 <= value <= 100 for value in progress), progress
        # Stored events carry their id; progress does not (it is not stored).
        assert all(event_id for kind, event_id, _ in received if kind != "composition.progress")
        assert received[-1][2]["data"]["status"] == "completed"
    finally:
        worker.kill()
        assert api.stop() == 0
    api.remove_folder()
    worker.remove_folder()


def test_a_stream_resumed_with_last_event_id_misses_nothing_and_repeats_nothing() -> None:
    reel = ReelProcess(["serve", "--workers", "0"], {}, "sse-resume", port=free_port()).start()
    body = {"title": "q", "clips": [{"video_url": "https://example.com/a.mp4", "start_time": 0, "end_time": 1}]}
    try:
        def post(count: int) -> None:
            for _ in range(count):
                assert httpx.post(f"{reel.base_url}/api/v1/compositions", json=body).status_code == 202

        post(5)
        seen: list[str] = []
        with httpx.Client(timeout=httpx.Timeout(5, read=30)) as client:
            with connect_sse(client, "GET", f"{reel.base_url}/api/v1/events", headers=STREAM) as source:
                for event in source.iter_sse():
                    if not event.data:
                        continue
                    seen.append(event.id)
                    if len(seen) == 3:
                        break  # the client goes away mid-stream
            # Written while nobody listens, and while the next stream starts.
            writer = threading.Thread(target=post, args=(20,))
            writer.start()
            with connect_sse(client, "GET", f"{reel.base_url}/api/v1/events",
                             headers={**STREAM, "Last-Event-ID": seen[-1]}) as source:
                for event in source.iter_sse():
                    if not event.data:
                        continue
                    seen.append(event.id)
                    if len(seen) == 25:
                        break
            writer.join()
        listed = httpx.get(f"{reel.base_url}/api/v1/events?limit=500").json()["events"]
        assert [str(event["id"]) for event in listed] == seen
    finally:
        assert reel.stop() == 0
    reel.remove_folder()


def test_an_open_stream_ends_on_sigterm_and_the_server_stops() -> None:
    reel = ReelProcess(["serve", "--workers", "0"], {}, "sse-stop", port=free_port()).start()
    body = {"title": "q", "clips": [{"video_url": "https://example.com/a.mp4", "start_time": 0, "end_time": 1}]}
    composition = httpx.post(f"{reel.base_url}/api/v1/compositions", json=body).json()["id"]
    ended: list[float] = []

    def follow() -> None:
        with httpx.Client(timeout=httpx.Timeout(5, read=60)) as client:
            with connect_sse(client, "GET", f"{reel.base_url}/api/v1/compositions/{composition}/events", headers=STREAM) as source:
                for _ in source.iter_sse():
                    pass
        ended.append(time.monotonic())

    reader = threading.Thread(target=follow)
    reader.start()
    time.sleep(1)
    assert reel.process is not None
    started = time.monotonic()
    # A stream of a queued composition would never end on its own; shutdown ends it.
    assert reel.stop() == 0
    reader.join(timeout=10)
    assert ended and ended[0] - started < 10
    reel.remove_folder()
