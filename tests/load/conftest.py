"""The Reel the load tests drive: BASE_URL when set (a running deployment), else the built
binary (`REEL_BINARY`, default `.build/debug/reel`) started on a free port with its embedded
defaults, reading the seed's sources from the S3 endpoint of AWS_ENDPOINT_URL.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from reel_support import SEED_SOURCES, ReelProcess, free_port, seed_sources  # noqa: E402


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    if os.environ.get("AWS_ENDPOINT_URL") and os.environ.get("AWS_ACCESS_KEY_ID"):
        seed_sources()
    if url := os.environ.get("BASE_URL"):
        yield url.rstrip("/")
        return
    if not os.environ.get("AWS_ENDPOINT_URL"):
        pytest.skip("set BASE_URL, or AWS_ENDPOINT_URL and credentials for the seed's sources (scripts/services env)")
    reel = ReelProcess(["serve"], {"REEL_WORKERS": os.environ.get("REEL_WORKERS", "2"), **SEED_SOURCES}, "load-api", port=free_port())
    reel.start()
    try:
        yield reel.base_url
    finally:
        code = reel.stop()
        reel.remove_folder()
        assert code == 0, f"Reel exited with {code} on SIGTERM"
