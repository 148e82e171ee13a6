"""What an operator sees of one render: its series on /metrics (read with the official Prometheus
client's parser, not Reel's code), the access line of each request, and the request's id carried
from the POST into the worker's log lines."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Any

import httpx
from prometheus_client.parser import text_string_to_metric_families

from reel_support import ReelProcess, free_port, tiny_clip, wait_for


def samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of a Prometheus text exposition, keyed by name and label set."""
    found: dict[tuple[str, frozenset[tuple[str, str]]], float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return found


def value(found: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str) -> float:
    return found[(name, frozenset(labels.items()))]


def test_a_render_shows_in_metrics_and_its_request_id_in_every_log_line() -> None:
    # One bucket for every run (each bucket costs SeaweedFS a volume), a prefix of its own per run.
    env = {"REEL_LOG_FORMAT": "json", "REEL_ACCESS_LOG": "all", "REEL_STORAGE_URL": f"s3://reel-ops/{uuid.uuid4().hex[:12]}"}
    assert os.environ.get("AWS_ENDPOINT_URL"), "scripts/services env sets the S3 endpoint"
    reel = ReelProcess(["serve", "--workers", "1"], env, "observability", port=free_port()).start()
    base = reel.base_url
    trace = f"ops-{uuid.uuid4().hex[:12]}"
    try:
        asset = httpx.post(f"{base}/api/v1/assets", content=tiny_clip(), headers={"Content-Type": "video/mp4"}).json()
        created = httpx.post(
            f"{base}/api/v1/compositions",
            json={"title": "observed", "clips": [{"video_url": asset["url"], "start_time": 0, "end_time": 1}],
                  "output": {"resolution": "160x90"}},
            headers={"X-Request-Id": trace},
        )
        assert created.status_code == 202, created.text
        assert created.headers["x-request-id"] == trace
        composition = created.json()["id"]

        def finished() -> dict[str, Any] | None:
            status: dict[str, Any] = httpx.get(f"{base}/api/v1/compositions/{composition}/status").json()
            return status if status["status"] in {"completed", "failed"} else None

        assert wait_for(finished, timeout=120, interval=0.2, what="the render")["status"] == "completed"
        found = samples(httpx.get(f"{base}/metrics").text)
    finally:
        assert reel.stop() == 0

    assert value(found, "reel_renders_total", outcome="completed", format="mp4") == 1
    assert value(found, "reel_render_duration_seconds_count", format="mp4") == 1
    assert value(found, "reel_render_duration_seconds_sum", format="mp4") > 0
    assert value(found, "reel_queue_wait_seconds_count", priority="default") >= 1
    assert value(found, "reel_ffmpeg_cpu_seconds_total", program="ffmpeg") > 0
    assert value(found, "reel_s3_requests_total", operation="PutObject", status="200") >= 2  # asset and output
    assert value(found, "reel_s3_request_duration_seconds_count", operation="PutObject") >= 2
    assert value(found, "reel_worker_slots_busy") == 0
    assert value(found, "reel_worker_slots") == 1
    assert value(found, "reel_database_pool_size") == 1
    assert value(found, "reel_http_requests_total", method="POST", route="/api/v1/compositions", status="202") == 1
    build = [labels for (name, labels) in found if name == "reel_build_info"]
    assert len(build) == 1 and dict(build[0])["ffmpeg"] != "unknown" and dict(build[0])["version"]

    entries = [json.loads(line) for line in reel.log().splitlines() if line.strip()]
    access = [entry for entry in entries if entry.get("request_id") == trace and "route" in entry]
    assert len(access) == 1, access
    assert access[0]["method"] == "POST" and access[0]["route"] == "/api/v1/compositions"
    assert access[0]["status"] == "202" and float(access[0]["duration_ms"]) > 0
    worker = [entry for entry in entries if entry.get("composition_id") == composition]
    assert {entry["message"] for entry in worker} >= {"rendering", "completed"}, worker
    assert all(entry.get("request_id") == trace and entry.get("attempt") == "1" for entry in worker)
    # Every request gets an access line: the status polls too, each with an id of its own.
    polls = [entry for entry in entries if entry.get("route") == "/api/v1/compositions/{id}/status"]
    assert polls and len({entry["request_id"] for entry in polls}) == len(polls)
    reel.remove_folder()


def test_access_lines_can_be_turned_off_and_metrics_too() -> None:
    reel = ReelProcess(["serve", "--workers", "0"], {"REEL_ACCESS_LOG": "off", "REEL_METRICS": "off"}, "quiet",
                       port=free_port()).start()
    try:
        assert httpx.get(f"{reel.base_url}/api/v1/compositions").status_code == 200
        assert httpx.get(f"{reel.base_url}/metrics").status_code == 404
    finally:
        assert reel.stop() == 0
    assert "/api/v1/compositions" not in reel.log()
    reel.remove_folder()


def test_by_default_only_refused_and_slow_requests_get_an_access_line() -> None:
    reel = ReelProcess(["serve", "--workers", "0"], {"REEL_LOG_FORMAT": "json"}, "default-access", port=free_port()).start()
    missing = f"/api/v1/compositions/{uuid.uuid4()}"
    try:
        assert httpx.get(f"{reel.base_url}/api/v1/compositions").status_code == 200
        assert httpx.get(f"{reel.base_url}{missing}", headers={"X-Request-Id": "refused-1"}).status_code == 404
    finally:
        assert reel.stop() == 0
    lines = [json.loads(line) for line in reel.log().splitlines() if line.strip()]
    access = [line for line in lines if "route" in line]
    assert [(line["status"], line["request_id"]) for line in access] == [("404", "refused-1")], access
    reel.remove_folder()
