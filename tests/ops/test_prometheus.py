"""The monitoring in deploy/, checked against live processes by a real Prometheus (Debian's): the
repository's scrape configuration (targets pointed at loopback, the metrics key from a file as in
compose.yaml) scrapes an API and a `reel work` on PostgreSQL and S3 while they render; then every
alert rule and every expression of the Grafana dashboard must evaluate without error and return
series. promtool checks the files as written."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import yaml

from reel_support import ROOT, ReelProcess, free_port, new_database, reel_binary, s3_client, tiny_clip, wait_for


DEPLOY = ROOT / "deploy"
ADMIN = "admin-" + uuid.uuid4().hex
METRICS = "metrics-" + uuid.uuid4().hex


def test_promtool_accepts_the_configuration_and_the_rules() -> None:
    for args in (["check", "config", "--syntax-only", str(DEPLOY / "prometheus" / "prometheus.yml")],
                 ["check", "rules", str(DEPLOY / "prometheus" / "alerts.yml")]):
        result = subprocess.run(["promtool", *args], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr


def loopback_config(folder: Path, api: int, worker: int) -> Path:
    """deploy/prometheus/prometheus.yml with its targets on loopback and a 1 s interval."""
    config: dict[str, Any] = yaml.safe_load((DEPLOY / "prometheus" / "prometheus.yml").read_text())
    key = folder / "metrics_key"
    key.write_text(METRICS)
    config["global"].update(scrape_interval="1s", evaluation_interval="1s")
    targets = {"reel-api": f"127.0.0.1:{api}", "reel-worker": f"127.0.0.1:{worker}"}
    assert {job["job_name"] for job in config["scrape_configs"]} == set(targets)
    for job in config["scrape_configs"]:
        assert job["authorization"]["credentials_file"] == "/run/secrets/reel_metrics_key"
        job["authorization"]["credentials_file"] = str(key)
        job.pop("dns_sd_configs", None)
        job["static_configs"] = [{"targets": [targets[job["job_name"]]]}]
    shutil.copy(DEPLOY / "prometheus" / "alerts.yml", folder / "alerts.yml")
    path = folder / "prometheus.yml"
    path.write_text(yaml.safe_dump(config))
    result = subprocess.run(["promtool", "check", "config", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return path


def query(prometheus: str, expr: str) -> list[dict[str, Any]]:
    answer = httpx.get(f"{prometheus}/api/v1/query", params={"query": expr}, timeout=10).json()
    assert answer["status"] == "success", (expr, answer)
    result: list[dict[str, Any]] = answer["data"]["result"]
    return result


def without_threshold(expr: str) -> str:
    """An alert's expression without its final comparison: the part that must return series."""
    depth = 0
    for index in range(len(expr) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(expr[index], 0)
        if depth == 0 and (match := re.match(r"\s(==|!=|>=|<=|>|<)\s", expr[index:])):
            return expr[:index]
    return expr


def test_prometheus_scrapes_both_processes_and_every_rule_and_panel_returns_series() -> None:
    folder = Path(tempfile.mkdtemp(prefix="reel-prometheus-"))
    prefix = uuid.uuid4().hex[:12]
    # The source lives beside Reel's storage prefix, in a bucket listed for sources (Reel's own
    # prefix is never read by URL).
    env = {"REEL_DATABASE_URL": new_database(), "REEL_STORAGE_URL": f"s3://reel-ops/{prefix}", "REEL_AUTH": "on",
           "REEL_SOURCE_BUCKETS": "reel-ops",
           "REEL_API_KEYS": f"admin:admin:{ADMIN},prometheus:metrics:{METRICS}"}
    # As compose.yaml does: the one-shot migration creates the schema and the keys.
    migrate = subprocess.run([str(reel_binary()), "migrate"], env={**os.environ, **env, "REEL_DATA_DIR": str(folder / "migrate")},
                             capture_output=True, text=True, check=False)
    assert migrate.returncode == 0, migrate.stderr
    worker_port = free_port()
    api = ReelProcess(["serve", "--workers", "0"], env, "prom-api", port=free_port()).start()
    worker = ReelProcess(["work", "--workers", "1"], {**env, "REEL_METRICS_PORT": str(worker_port)}, "prom-worker").start()
    port = free_port()
    prometheus = subprocess.Popen(
        ["prometheus", f"--config.file={loopback_config(folder, api.port or 0, worker_port)}",
         f"--storage.tsdb.path={folder / 'data'}", f"--web.listen-address=127.0.0.1:{port}"],
        stdout=open(folder / "prometheus.log", "wb"), stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        def both_up() -> bool:
            try:
                targets = httpx.get(f"{base}/api/v1/targets", timeout=2).json()["data"]["activeTargets"]
            except (httpx.HTTPError, KeyError, ValueError):
                return False
            return len(targets) == 2 and all(target["health"] == "up" for target in targets)

        wait_for(both_up, timeout=60, interval=0.5, what="Prometheus to scrape the API and the worker")
        s3_client().put_object(Bucket="reel-ops", Key=f"sources/{prefix}/source.mp4", Body=tiny_clip())
        headers = {"Authorization": f"Bearer {ADMIN}"}
        ids = []
        for _ in range(2):  # the second render finds the source in the cache
            created = httpx.post(f"{api.base_url}/api/v1/compositions", headers=headers, json={
                "title": "scraped", "output": {"resolution": "160x90"},
                "clips": [{"video_url": f"s3://reel-ops/sources/{prefix}/source.mp4", "start_time": 0, "end_time": 1}]})
            assert created.status_code == 202, created.text
            ids.append(created.json()["id"])
        for composition in ids:
            def done(composition: str = composition) -> bool:
                status = httpx.get(f"{api.base_url}/api/v1/compositions/{composition}/status", headers=headers).json()
                assert status["status"] != "failed", status
                return bool(status["status"] == "completed")

            wait_for(done, timeout=120, interval=0.2, what="the renders")
        # Scrapes after the renders, so rates over them are not empty.
        time.sleep(4)
        assert {sample["metric"]["job"] for sample in query(base, "up == 1")} == {"reel-api", "reel-worker"}

        rules = yaml.safe_load((DEPLOY / "prometheus" / "alerts.yml").read_text())["groups"]
        for rule in (rule for group in rules for rule in group["rules"]):
            query(base, rule["expr"])  # evaluates
            assert query(base, without_threshold(rule["expr"])), f"{rule['alert']}: {without_threshold(rule['expr'])}"
        loaded = httpx.get(f"{base}/api/v1/rules").json()["data"]["groups"]
        assert all(rule["health"] == "ok" for group in loaded for rule in group["rules"]), loaded

        dashboard = json.loads((DEPLOY / "grafana" / "dashboards" / "reel.json").read_text())
        exprs = [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]
        assert len(exprs) >= 12
        empty = [expr for expr in exprs if not query(base, expr)]
        assert not empty, f"dashboard expressions without series: {empty}"
        # The cache panel's ratio is real: one miss, then a hit.
        assert query(base, 'sum(reel_source_cache_requests_total{result="hit"})')[0]["value"][1] == "1"
    finally:
        prometheus.terminate()
        prometheus.wait(timeout=30)
        assert api.stop() == 0 and worker.stop() == 0
    api.remove_folder()
    worker.remove_folder()
    shutil.rmtree(folder, ignore_errors=True)


def test_the_compose_file_is_valid_and_runs_the_seed_topology() -> None:
    result = subprocess.run(["docker-compose", "-f", str(ROOT / "compose.yaml"), "config"], capture_output=True, text=True,
                            check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    services = yaml.safe_load(result.stdout)["services"]
    assert services["worker"]["deploy"]["replicas"] == 5  # the seed's worker count
    assert services["api"]["environment"]["REEL_WORKERS"] == "0"
    assert services["worker"]["environment"]["REEL_METRICS_PORT"] == "9464"
    assert services["migrate"]["command"] == ["migrate"]
    for name in ("api", "worker", "migrate"):
        assert services[name]["environment"]["REEL_API_KEYS"] == "/run/secrets/reel_api_keys"
        assert services[name]["environment"]["REEL_WEBHOOK_SECRET"] == "/run/secrets/reel_webhook_secret"
    scrape = yaml.safe_load((DEPLOY / "prometheus" / "prometheus.yml").read_text())["scrape_configs"]
    worker_job = next(job for job in scrape if job["job_name"] == "reel-worker")
    assert worker_job["dns_sd_configs"][0]["port"] == 9464
