"""`reel work` on REEL_METRICS_PORT: the probes and /metrics an orchestrator and Prometheus read
from a process that serves no API."""

from __future__ import annotations

import httpx

from reel_support import ReelProcess, answers, free_port, wait_for


def test_a_worker_serves_probes_and_metrics_on_its_port() -> None:
    port = free_port()
    worker = ReelProcess(["work", "--workers", "2"], {"REEL_METRICS_PORT": str(port)}, "worker-port")
    worker.start()
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: answers(f"{base}/livez"), timeout=60, interval=0.1, what="reel work to answer /livez")
        ready = httpx.get(f"{base}/readyz")
        assert ready.status_code == 200 and ready.json()["checks"] == {"database": "ok", "storage": "ok"}
        metrics = httpx.get(f"{base}/metrics")
        assert metrics.status_code == 200
        assert metrics.headers["content-type"].startswith("text/plain")
        samples = dict(line.rsplit(" ", 1) for line in metrics.text.splitlines() if line and not line.startswith("#"))
        assert float(samples["reel_worker_slots"]) == 2
        assert httpx.get(f"{base}/api/v1/compositions").status_code == 404
    finally:
        assert worker.stop() == 0
    worker.remove_folder()
