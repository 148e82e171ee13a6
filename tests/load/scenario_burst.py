"""Scenario 3, burst: 10 users, a spike to 100, back to 10 (timings scaled by BURST_SCALE).

    locust -f tests/load/scenario_burst.py --headless --host http://localhost:8000
"""

from __future__ import annotations

import os

from locust import LoadTestShape

from locustfile import BurstLoadUser, CompositionUser, HealthCheckUser, SustainedLoadUser  # noqa: F401

SCALE = float(os.environ.get("BURST_SCALE", "1"))


class BurstShape(LoadTestShape):
    """(until second, users, spawn rate): 3 min at 10, 3 min at 100, 4 min at 10 (10 min)."""

    stages = [(180, 10, 5), (360, 100, 50), (600, 10, 50)]

    def tick(self) -> tuple[int, float] | None:
        elapsed = self.get_run_time()
        for until, users, rate in self.stages:
            if elapsed < until * SCALE:
                return users, rate
        return None
