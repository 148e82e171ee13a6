"""Webhooks as a receiver sees them: every delivery verified with the `standardwebhooks` package
(the reference implementation, not Reel's code), every event delivered at least once and in
order per composition, even when the receiver is down while the API and the worker are
SIGKILLed and started again."""

from __future__ import annotations

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
from standardwebhooks.webhooks import Webhook

from reel_support import ReelProcess, free_port, new_database, tiny_clip, wait_for


SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
OLD_SECRET = "whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY"


class Receiver:
    """An HTTP server on `port` that verifies each delivery with `Webhook(secret)` and keeps it,
    with its webhook-id and when it arrived."""

    def __init__(self, port: int, secrets: list[str]) -> None:
        self.port = port
        self.verifiers = [Webhook(secret) for secret in secrets]
        self.received: list[dict[str, Any]] = []
        self.rejected: list[str] = []
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None

    def start(self) -> "Receiver":
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                arrived = time.time()
                body = self.rfile.read(int(self.headers["Content-Length"]))
                headers = {key.lower(): value for key, value in self.headers.items()}
                try:
                    for verifier in receiver.verifiers:  # every secret must verify on its own (rotation)
                        verifier.verify(body, headers)
                except Exception as error:  # noqa: BLE001 - any verification failure is recorded
                    with receiver.lock:
                        receiver.rejected.append(str(error))
                    self.send_response(400)
                    self.end_headers()
                    return
                with receiver.lock:
                    receiver.received.append({"id": headers["webhook-id"], "arrived": arrived, **json.loads(body)})
                self.send_response(204)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's name
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def events(self, composition: str) -> list[dict[str, Any]]:
        """The composition's deliveries, once per webhook-id, in arrival order."""
        seen: set[str] = set()
        found = []
        with self.lock:
            for event in self.received:
                if event["data"]["composition_id"] == composition and event["id"] not in seen:
                    seen.add(event["id"])
                    found.append(event)
        return found


def create(api: ReelProcess, asset_url: str, hook: str, cache: bool = True) -> str:
    created = httpx.post(f"{api.base_url}/api/v1/compositions", json={
        "title": "hooked", "webhook_url": hook, "output": {"resolution": "160x90"}, "cache": cache,
        "clips": [{"video_url": asset_url, "start_time": 0, "end_time": 1}]})
    assert created.status_code == 202, created.text
    return str(created.json()["id"])


def status(api: ReelProcess, composition: str) -> str:
    return str(httpx.get(f"{api.base_url}/api/v1/compositions/{composition}/status").json()["status"])


def test_deliveries_verify_with_standardwebhooks_under_both_rotated_secrets() -> None:
    port = free_port()
    receiver = Receiver(port, [SECRET, OLD_SECRET]).start()
    reel = ReelProcess(["serve", "--workers", "1"], {
        "REEL_ALLOW_PRIVATE_SOURCES": "true", "REEL_WEBHOOK_SECRET": f"{SECRET},{OLD_SECRET}"}, "hooks", port=free_port()).start()
    try:
        asset = httpx.post(f"{reel.base_url}/api/v1/assets", content=tiny_clip(), headers={"Content-Type": "video/mp4"}).json()
        composition = create(reel, asset["url"], f"http://127.0.0.1:{port}/hook")
        events = wait_for(lambda: (found := receiver.events(composition)) and found[-1]["type"] == "composition.completed" and found,
                          timeout=60, what="the completed event")
        assert [event["type"] for event in events] == ["composition.queued", "composition.processing", "composition.completed"]
        assert receiver.rejected == []
        completed = events[-1]["data"]
        assert completed["status"] == "completed" and completed["download_path"].endswith(f"/{composition}/download")
        assert completed["output"]["width"] == 160
        # The webhook-id is the event id of /events.
        listed = httpx.get(f"{reel.base_url}/api/v1/compositions/{composition}/events").json()["events"]
        assert [str(event["id"]) for event in listed] == [event["id"] for event in events]
    finally:
        assert reel.stop() == 0
        receiver.stop()
    reel.remove_folder()


def test_a_receiver_down_while_api_and_worker_are_killed_still_gets_every_event_in_order() -> None:
    env = {
        "REEL_DATABASE_URL": new_database(), "REEL_STORAGE_URL": f"s3://reel-ops/{uuid.uuid4().hex[:12]}",
        "REEL_ALLOW_PRIVATE_SOURCES": "true", "REEL_WEBHOOK_SECRET": SECRET, "REEL_WEBHOOK_RETRY_DELAY": "0.1",
    }
    port = free_port()
    hook = f"http://127.0.0.1:{port}/hook"
    api = ReelProcess(["serve", "--workers", "0"], env, "outbox-api", port=free_port()).start()
    worker = ReelProcess(["work", "--workers", "1"], env, "outbox-worker").start()
    receiver = Receiver(port, [SECRET])  # not listening yet: every attempt is refused
    try:
        asset = httpx.post(f"{api.base_url}/api/v1/assets", content=tiny_clip(), headers={"Content-Type": "video/mp4"}).json()
        rendered = [create(api, asset["url"], hook) for _ in range(2)]
        for composition in rendered:
            wait_for(lambda: status(api, composition) == "completed", timeout=60, what="the render")
        # Rendered afresh: from the cache it would complete before the cancel arrives.
        cancelled = create(api, asset["url"], hook, cache=False)
        httpx.post(f"{api.base_url}/api/v1/compositions/{cancelled}/cancel")
        attempts = httpx.get(f"{api.base_url}/api/v1/compositions/{rendered[0]}/webhooks").json()["deliveries"][0]["attempts"]
        assert attempts and all(attempt.get("status_code") is None and attempt["error"] for attempt in attempts), attempts
        api.kill()
        worker.kill()
        time.sleep(1)
        api.start()
        worker.start()
        receiver.start()
        expected = {composition: ["composition.queued", "composition.processing", "composition.completed"] for composition in rendered}
        expected[cancelled] = ["composition.queued", "composition.cancelled"]

        def everything() -> bool:
            return all((got := receiver.events(composition)) and got[-1]["type"] == types[-1] for composition, types in expected.items())

        wait_for(everything, timeout=90, interval=0.2, what="every event at the receiver")
        assert receiver.rejected == []
        for composition, types in expected.items():
            got = [event["type"] for event in receiver.events(composition)]
            # A cancel can land before or after a worker claimed the job; otherwise nothing is missing or reordered.
            assert got == types or (composition == cancelled and got == [types[0], "composition.processing", types[1]]), (composition, got)

        # The receiver has each last event before the dispatcher records its answer: wait for that record.
        def settled() -> bool:
            return all(
                {delivery["state"] for delivery in httpx.get(f"{api.base_url}/api/v1/compositions/{composition}/webhooks").json()["deliveries"]}
                == {"delivered"}
                for composition in expected
            )

        wait_for(settled, timeout=10, interval=0.1, what="every delivery recorded as delivered")
    finally:
        receiver.stop()
        worker.kill()
        assert api.stop() == 0
    api.remove_folder()
    worker.remove_folder()
