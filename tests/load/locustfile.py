"""Locust users for Reel, as the seed's load-testing guide names them.

    locust -f tests/load/locustfile.py --headless --users 10 --spawn-rate 2 --run-time 5m \
        --host http://localhost:8000

The request bodies are the seed's (`../shared/seed/payloads`, copied in Tests/Fixtures), their
titles numbered per request. Their sources (`https://test-bucket.s3.amazonaws.com/…`) must
exist in the S3 endpoint Reel reads (AWS_ENDPOINT_URL): when the Locust process has
AWS_ENDPOINT_URL and credentials too, it uploads generated clips there before the run starts
(`python3 tests/load/seed_sources.py` does the same by hand). Every response is checked for
its shape, not only its status code.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import sys
from pathlib import Path
from typing import Any

from locust import HttpUser, between, events, task
from locust.env import Environment

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from reel_support import payload_folder, seed_sources  # noqa: E402

PAYLOADS: dict[str, dict[str, Any]] = {
    path.stem: json.loads(path.read_text()) for path in payload_folder().glob("*.json")
}
COUNTER = itertools.count(1)
STATUSES = {"pending", "queued", "processing", "completed", "failed", "cancelled"}


@events.test_start.add_listener
def upload_sources(environment: Environment, **_: Any) -> None:
    """Puts the seed's sources into S3 when this process can reach it."""
    if os.environ.get("AWS_ENDPOINT_URL") and os.environ.get("AWS_ACCESS_KEY_ID"):
        seed_sources()


def body(name: str, title: str) -> dict[str, Any]:
    payload = json.loads(json.dumps(PAYLOADS[name]))
    payload["title"] = f"{title} - {next(COUNTER)}"
    return payload


class ReelUser(HttpUser):
    """Shared checks; not run itself."""

    abstract = True
    created: list[str]

    def on_start(self) -> None:
        self.created = []

    def create(self, payload_name: str, title: str, name: str) -> None:
        with self.client.post("/api/v1/compositions/", json=body(payload_name, title), name=name,
                              catch_response=True) as response:
            if response.status_code == 429:
                data = response.json()
                if data.get("error_code") == "queue_full" and response.headers.get("Retry-After"):
                    response.success()  # back-pressure as documented, not a failure
                else:
                    response.failure(f"429 without queue_full/Retry-After: {response.text[:200]}")
                return
            if response.status_code != 202:
                response.failure(f"expected 202, got {response.status_code}: {response.text[:200]}")
                return
            data = response.json()
            if not data.get("id") or data.get("status") not in STATUSES or "overall_progress" not in data:
                response.failure(f"unexpected body: {response.text[:200]}")
                return
            self.created.append(str(data["id"]))
            self.created = self.created[-50:]

    def health(self, path: str) -> None:
        with self.client.get(path, name=path, catch_response=True) as response:
            data = response.json() if response.status_code in (200, 503) else {}
            if response.status_code != 200 or data.get("status") not in {"healthy", "degraded"}:
                response.failure(f"{path}: {response.status_code} {response.text[:200]}")
            elif path.endswith("detailed") and {c.get("name") for c in data.get("components", [])} != {
                "database", "queue", "storage", "ffmpeg", "workers"
            }:
                response.failure(f"{path}: components missing: {response.text[:200]}")


class CompositionUser(ReelUser):
    """A typical client: creates simple and complex compositions, polls, reads metadata, downloads."""

    wait_time = between(1, 3)
    weight = 10

    @task(5)
    def create_simple_composition(self) -> None:
        self.create("simple-2-clip", "Load Test Simple", "/api/v1/compositions/ [simple]")

    @task(2)
    def create_complex_composition(self) -> None:
        self.create("complex-5-clip", "Load Test Complex", "/api/v1/compositions/ [complex]")

    @task(10)
    def check_status(self) -> None:
        if not self.created:
            return
        composition = random.choice(self.created)
        with self.client.get(f"/api/v1/compositions/{composition}/status", name="/api/v1/compositions/[id]/status",
                             catch_response=True) as response:
            if response.status_code == 404:
                response.success()  # cleaned up
                self.created.remove(composition)
                return
            data = response.json() if response.status_code == 200 else {}
            progress = data.get("overall_progress")
            if data.get("status") not in STATUSES or not isinstance(progress, (int, float)) or not 0 <= progress <= 100:
                response.failure(f"unexpected status body: {response.status_code} {response.text[:200]}")

    @task(3)
    def get_metadata(self) -> None:
        if not self.created:
            return
        composition = random.choice(self.created)
        with self.client.get(f"/api/v1/compositions/{composition}/metadata",
                             name="/api/v1/compositions/[id]/metadata", catch_response=True) as response:
            if response.status_code == 404:
                response.success()
                return
            data = response.json() if response.status_code == 200 else {}
            if data.get("id") != composition or data.get("status") not in STATUSES or "resource_metrics" not in data:
                response.failure(f"unexpected metadata: {response.status_code} {response.text[:200]}")

    @task(1)
    def download_composition(self) -> None:
        if not self.created:
            return
        composition = random.choice(self.created)
        with self.client.get(f"/api/v1/compositions/{composition}/download",
                             name="/api/v1/compositions/[id]/download", catch_response=True) as response:
            if response.status_code == 404:
                response.success()
            elif response.status_code == 400:
                if response.json().get("error_code") == "composition_not_ready":
                    response.success()  # not finished yet: the documented answer
                else:
                    response.failure(f"400 without composition_not_ready: {response.text[:200]}")
            elif response.status_code == 200:
                data = response.json()
                if not str(data.get("download_url", "")).startswith("http") or data.get("file_size_bytes", 0) <= 0:
                    response.failure(f"unexpected download body: {response.text[:200]}")
            else:
                response.failure(f"download: {response.status_code} {response.text[:200]}")


class HealthCheckUser(ReelUser):
    """A monitor polling the health endpoints."""

    wait_time = between(5, 10)
    weight = 1

    @task
    def health_check(self) -> None:
        self.health("/health")

    @task
    def detailed_health_check(self) -> None:
        self.health("/health/detailed")


class BurstLoadUser(ReelUser):
    """Rapid-fire creation of one-clip compositions."""

    wait_time = between(0.1, 0.5)
    weight = 2

    @task
    def rapid_create(self) -> None:
        self.create("burst-1-clip", "Burst Test", "/api/v1/compositions/ [burst]")


class SustainedLoadUser(ReelUser):
    """A slow, steady client over hours."""

    wait_time = between(10, 30)
    weight = 2

    @task(3)
    def create_composition(self) -> None:
        self.create("sustained-1-clip", "Sustained Test", "/api/v1/compositions/ [sustained]")

    @task(7)
    def check_health(self) -> None:
        self.health("/health")
