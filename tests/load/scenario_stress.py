"""Scenario 5, stress: add STRESS_STEP users every STRESS_STEP_SECONDS until more than 1 % of
requests fail or p95 passes STRESS_P95_MS, then stop; the last step is the capacity found.

    locust -f tests/load/scenario_stress.py --headless --host http://localhost:8000
"""

from __future__ import annotations

import os

from locust import LoadTestShape

from locustfile import BurstLoadUser, CompositionUser, HealthCheckUser, SustainedLoadUser  # noqa: F401

STEP = int(os.environ.get("STRESS_STEP", "25"))
STEP_SECONDS = float(os.environ.get("STRESS_STEP_SECONDS", "60"))
MAX_USERS = int(os.environ.get("STRESS_MAX_USERS", "1000"))
P95_LIMIT_MS = float(os.environ.get("STRESS_P95_MS", "2000"))


class StressShape(LoadTestShape):
    def tick(self) -> tuple[int, float] | None:
        total = self.runner.stats.total if self.runner else None
        if total is not None and total.num_requests > 100:
            p95 = total.get_current_response_time_percentile(0.95) or 0
            if total.fail_ratio > 0.01 or p95 > P95_LIMIT_MS:
                print(f"stress: degraded at {self.get_current_user_count()} users "
                      f"(failures {total.fail_ratio:.2%}, p95 {p95} ms)")
                return None
        users = STEP * (int(self.get_run_time() // STEP_SECONDS) + 1)
        return (users, float(STEP)) if users <= MAX_USERS else None
