"""Reel scaled out: 2 API and 2 worker processes of the built binary on one PostgreSQL database
and one S3 bucket (SeaweedFS, checking signatures), started by `scripts/services`.

Needs REEL_TEST_DATABASE_URL, AWS_ENDPOINT_URL and AWS credentials (`eval "$(scripts/services env)"`)
and REEL_SERVICES_SCRIPT to stop and start PostgreSQL for the outage test.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from reel_support import SEED_SOURCES, ReelProcess, free_port, new_database, payload_folder, seed_sources, wait_for

pytestmark = pytest.mark.skipif(
    not os.environ.get("REEL_TEST_DATABASE_URL") or not os.environ.get("AWS_ENDPOINT_URL"),
    reason="needs PostgreSQL and S3: eval \"$(scripts/services env)\"",
)


@dataclass
class Cluster:
    apis: list[ReelProcess]
    workers: list[ReelProcess]
    env: dict[str, str]
    bucket: str

    def api(self, index: int) -> str:
        return self.apis[index % len(self.apis)].base_url

    def create(self, payload: dict[str, object], index: int = 0) -> str:
        response = httpx.post(f"{self.api(index)}/api/v1/compositions/", json=payload, timeout=10)
        assert response.status_code == 202, response.text
        return str(response.json()["id"])

    def status(self, composition: str, index: int = 0) -> dict[str, Any]:
        response = httpx.get(f"{self.api(index)}/api/v1/compositions/{composition}/status", timeout=10)
        assert response.status_code == 200, response.text
        return dict(response.json())

    def worker_logs(self) -> str:
        return "\n".join(worker.log() for worker in self.workers)


def payload(name: str, title: str) -> dict[str, object]:
    body = json.loads((payload_folder() / name).read_text())
    body["title"] = title
    return dict(body)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    seed_sources()
    bucket = f"reel-cluster-{uuid.uuid4().hex[:8]}"
    env = {
        "REEL_DATABASE_URL": new_database(),
        "REEL_STORAGE_URL": f"s3://{bucket}/renders",
        "REEL_LEASE_SECONDS": "3",
        "REEL_SECRET": "cluster-secret-0123456789",
        "REEL_DATABASE_POOL_SIZE": "4",
        **SEED_SOURCES,
    }
    apis = [ReelProcess(["serve", "--workers", "0"], env, f"api{n}", port=free_port()) for n in range(2)]
    workers = [ReelProcess(["work", "--workers", "1"], env, f"worker{n}") for n in range(2)]
    cluster = Cluster(apis, workers, env, bucket)
    try:
        for process in [*apis, *workers]:
            process.start()
        yield cluster
    finally:
        for process in [*cluster.apis, *cluster.workers]:
            process.stop()
            process.remove_folder()


def ffprobe_duration(data: bytes) -> float:
    with tempfile.NamedTemporaryFile(suffix=".mp4") as file:
        file.write(data)
        file.flush()
        out = subprocess.run(
            ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file.name],
            check=True, capture_output=True, text=True,
        )
    return float(out.stdout.strip())


def test_health_reports_both_workers_and_postgres(cluster: Cluster) -> None:
    def two_alive() -> dict[str, Any] | None:
        body = httpx.get(f"{cluster.api(0)}/health/detailed", timeout=10).json()
        workers = next(c for c in body["components"] if c["name"] == "workers")
        return body if workers["details"]["alive"] == 2 else None

    body = wait_for(two_alive, timeout=15, what="two workers to report in")
    components = {c["name"]: c for c in body["components"]}
    assert body["status"] == "healthy"
    assert components["database"]["details"]["driver"] == "postgresql"
    assert components["storage"]["details"]["location"] == f"s3://{cluster.bucket}/renders/"
    assert set(components["queue"]["details"]) >= {"depth_high", "depth_default", "depth_low"}
    assert components["workers"]["details"]["slots_in_this_process"] == 0


def test_twenty_compositions_complete_each_rendered_once(cluster: Cluster) -> None:
    ids = [cluster.create(payload("simple-2-clip.json", f"Cluster {n}"), index=n) for n in range(20)]

    def all_done() -> bool:
        statuses = [cluster.status(composition, index=n)["status"] for n, composition in enumerate(ids)]
        assert "failed" not in statuses, statuses
        return all(status == "completed" for status in statuses)

    wait_for(all_done, timeout=240, interval=0.5, what="20 compositions to complete")
    logs = cluster.worker_logs()
    for composition in ids:
        renders = re.findall(rf"composition_id={composition}.*rendering|rendering.*composition_id={composition}", logs)
        assert len(renders) == 1, f"{composition} rendered {len(renders)} times"
        assert cluster.status(composition)["attempt"] == 1
    assert all(worker.log().count("rendering") > 0 for worker in cluster.workers), "both workers took jobs"
    for composition in ids[:3]:
        link = httpx.get(f"{cluster.api(1)}/api/v1/compositions/{composition}/download", timeout=10).json()
        assert link["download_url"].startswith(os.environ["AWS_ENDPOINT_URL"]), link
        assert "X-Amz-Signature=" in link["download_url"]
        video = httpx.get(link["download_url"], timeout=30)
        assert video.status_code == 200
        assert len(video.content) == link["file_size_bytes"]
        assert abs(ffprobe_duration(video.content) - 10.0) < 0.1


def test_sigkilled_worker_job_is_rescued_by_the_other(cluster: Cluster) -> None:
    composition = cluster.create(payload("complex-10-clip.json", "Rescue me"))

    def rendering() -> str | None:
        for worker in cluster.workers:
            if f"composition_id={composition}" in worker.log():
                return worker.name
        return None

    owner_name = wait_for(rendering, timeout=60, what="a worker to claim the job")
    wait_for(lambda: cluster.status(composition)["overall_progress"] > 0, timeout=60, interval=0.2, what="progress")
    owner = next(w for w in cluster.workers if w.name == owner_name)
    survivor = next(w for w in cluster.workers if w.name != owner_name)
    owner.kill()

    def finished() -> dict[str, Any] | None:
        status = cluster.status(composition)
        assert status["status"] != "failed", status
        return status if status["status"] == "completed" else None

    status = wait_for(finished, timeout=300, interval=0.5, what="the rescued job to complete")
    assert status["attempt"] == 2
    assert f"composition_id={composition}" in survivor.log()
    link = httpx.get(f"{cluster.api(0)}/api/v1/compositions/{composition}/download", timeout=10).json()
    assert httpx.get(link["download_url"], timeout=30).status_code == 200
    cluster.workers[cluster.workers.index(owner)] = ReelProcess(owner.args, owner.env, owner.name + "b").start()


def test_postgres_outage_answers_503_then_recovers(cluster: Cluster) -> None:
    services = os.environ.get("REEL_SERVICES_SCRIPT")
    if not services:
        pytest.skip("REEL_SERVICES_SCRIPT is needed to stop PostgreSQL")
    known = cluster.create(payload("burst-1-clip.json", "Before the outage"))
    subprocess.run([services, "pg-stop"], check=True)
    try:
        time.sleep(1)
        for url, method in (
            (f"{cluster.api(0)}/api/v1/compositions/{known}/status", "GET"),
            (f"{cluster.api(1)}/api/v1/compositions/", "POST"),
            (f"{cluster.api(0)}/health", "GET"),
        ):
            started = time.monotonic()
            body = payload("burst-1-clip.json", "During the outage") if method == "POST" else None
            response = httpx.request(method, url, json=body, timeout=15)
            assert response.status_code == 503, (url, response.status_code, response.text)
            assert int(response.headers["retry-after"]) > 0
            assert time.monotonic() - started < 10
            if "/health" not in url:
                assert response.json()["error_code"] == "service_unavailable"
        for process in [*cluster.apis, *cluster.workers]:
            assert process.process is not None and process.process.poll() is None, f"{process.name} died"
    finally:
        subprocess.run([services, "pg-start"], check=True)

    wait_for(lambda: httpx.get(f"{cluster.api(0)}/health", timeout=10).status_code == 200, timeout=60,
             interval=0.5, what="/health to recover")
    after = cluster.create(payload("burst-1-clip.json", "After the outage"), index=1)
    for composition in (known, after):
        wait_for(lambda: cluster.status(composition)["status"] == "completed", timeout=120, interval=0.5,
                 what=f"{composition} to complete after the outage")

    # Both workers are back, including one that was starting (migrating) when the server went down.
    def both_alive() -> bool:
        body = httpx.get(f"{cluster.api(0)}/health/detailed", timeout=10).json()
        workers = next(c for c in body["components"] if c["name"] == "workers")
        return bool(workers["details"]["alive"] == 2)

    wait_for(both_alive, timeout=60, interval=0.5, what="both workers to report in after the outage")


def cache_payload(title: str, text: str) -> dict[str, object]:
    """Four 1.5 s clips of the seed's sources (two segments) with a title over the first second."""
    clips = [
        {"video_url": f"https://test-bucket.s3.amazonaws.com/video{n + 1}.mp4", "start_time": n * 1.5,
         "end_time": (n + 1) * 1.5, "trim_start": 0.0}
        for n in range(4)
    ]
    return {
        "title": title,
        "clips": clips,
        "overlays": [{"text": text, "start_time": 0, "end_time": 1, "position": "center"}],
        "output": {"resolution": "480p", "fps": 30},
    }


def metadata(cluster: Cluster, composition: str) -> dict[str, Any]:
    response = httpx.get(f"{cluster.api(0)}/api/v1/compositions/{composition}/metadata", timeout=10)
    assert response.status_code == 200, response.text
    return dict(response.json())


def completed(cluster: Cluster, composition: str) -> None:
    def done() -> bool:
        status = cluster.status(composition)
        assert status["status"] not in ("failed", "cancelled"), status
        return status["status"] == "completed"

    try:
        wait_for(done, timeout=180, interval=0.25, what=f"{composition} to complete")
    except AssertionError as failure:
        # Which process held it, and what each was doing, is what a failure here needs.
        tails = "\n".join(f"--- {w.name} (exit {w.process.poll() if w.process else None}):\n" + "\n".join(w.log().splitlines()[-40:])
                           for w in cluster.workers)
        raise AssertionError(f"{failure}\nstatus: {cluster.status(composition)}\n{tails}") from None


def test_render_cache_is_shared_by_worker_processes_through_postgres_and_s3(cluster: Cluster) -> None:
    text = f"Cache {uuid.uuid4().hex[:8]}"
    first = cluster.create(cache_payload("First", text))
    completed(cluster, first)
    cache = metadata(cluster, first)["cache"]
    assert isinstance(cache, dict)
    assert cache["output_reused"] is False and cache["segments_rendered"] == 2, cache
    renderer = next(w for w in cluster.workers if f"composition_id={first}" in w.log())
    other = next(w for w in cluster.workers if w is not renderer)
    renderer.stop()
    try:
        # Only the other process can take these: what it reuses, the first process stored.
        again = cluster.create(cache_payload("Same video, another title", text))
        completed(cluster, again)
        assert f"composition_id={again}" in other.log()
        reused = metadata(cluster, again)["cache"]
        assert isinstance(reused, dict)
        assert reused["output_reused"] is True and reused["key"] == cache["key"], reused
        links = [httpx.get(f"{cluster.api(1)}/api/v1/compositions/{c}/download", timeout=10).json() for c in (first, again)]
        videos = [httpx.get(link["download_url"], timeout=30).content for link in links]
        assert videos[0] == videos[1] and len(videos[1]) == links[1]["file_size_bytes"]
        assert abs(ffprobe_duration(videos[1]) - 6.0) < 0.05

        edited = cluster.create(cache_payload("Edited", text + " (edited)"))
        completed(cluster, edited)
        partial = metadata(cluster, edited)["cache"]
        assert isinstance(partial, dict)
        assert partial["output_reused"] is False, partial
        assert (partial["segments_reused"], partial["segments_rendered"], partial["audio_reused"]) == (1, 1, True), partial
    finally:
        cluster.workers[cluster.workers.index(renderer)] = ReelProcess(renderer.args, renderer.env, renderer.name + "c").start()
        renderer.remove_folder()
