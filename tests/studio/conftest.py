"""The Studio's browser for each test, and the folder its screenshots go to."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver

from browser import chromium

ROOT = Path(__file__).resolve().parents[2]
#: Where the suite writes a screenshot of every page (kept after the run, for a person to look at).
SCREENSHOTS = Path(os.environ.get("REEL_STUDIO_SCREENSHOTS", ROOT / ".build" / "studio-screenshots"))


@pytest.fixture
def browser() -> Iterator[webdriver.Chrome]:
    driver = chromium()
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    print(f"\nStudio screenshots: {SCREENSHOTS}")
    return SCREENSHOTS
