"""Logs as an operator reads them: `REEL_LOG_FORMAT=json` gives one JSON object a line (checked
with Python's own parser), `REEL_LOG_LEVEL` filters, and a bad value stops Reel before it starts."""

from __future__ import annotations

import json
import subprocess
import tempfile
from datetime import datetime

import httpx

from reel_support import ReelProcess, free_port, reel_binary


def served_log(env: dict[str, str], name: str) -> str:
    reel = ReelProcess(["serve", "--workers", "1"], env, name, port=free_port()).start()
    try:
        assert httpx.get(f"{reel.base_url}/livez").status_code == 200
    finally:
        assert reel.stop() == 0
    text = reel.log()
    reel.remove_folder()
    return text


def test_json_logs_are_one_object_a_line_with_time_level_message_and_metadata() -> None:
    secret = "log-test-secret-0123456789abcdef"
    webhook_key = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    text = served_log(
        {"REEL_LOG_FORMAT": "json", "REEL_LOG_LEVEL": "debug", "REEL_SECRET": secret, "REEL_WEBHOOK_SECRET": "whsec_" + webhook_key},
        "json-logs",
    )
    # Debug lines describe the services being started: never with the secrets that sign links and webhooks.
    assert secret not in text and webhook_key not in text
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines, "reel wrote no log lines"
    entries = [json.loads(line) for line in lines]  # every line parses, or this raises
    for entry in entries:
        assert isinstance(entry, dict)
        assert {"time", "level", "message", "logger"} <= entry.keys(), entry
        assert entry["level"] in {"trace", "debug", "info", "notice", "warning", "error", "critical"}
        assert datetime.fromisoformat(entry["time"].replace("Z", "+00:00")).tzinfo is not None
    serving = [entry for entry in entries if entry["message"] == "reel serving"]
    assert len(serving) == 1 and serving[0]["level"] == "info"
    assert serving[0]["workers"] == "1"  # metadata becomes fields of their own


def test_the_level_filters_and_text_stays_the_default() -> None:
    quiet = served_log({"REEL_LOG_LEVEL": "warning"}, "quiet-logs")
    assert "reel serving" not in quiet
    text = served_log({}, "text-logs")
    assert "reel serving" in text
    assert not any(line.startswith("{") for line in text.splitlines())


def test_a_bad_log_or_metrics_setting_stops_reel_with_78() -> None:
    for name, value, problem in (("REEL_LOG_LEVEL", "loud", "must be one of"), ("REEL_LOG_FORMAT", "xml", "must be one of"),
                                 ("REEL_ACCESS_LOG", "everything", "must be one of"), ("REEL_METRICS", "maybe", "must be true or false")):
        result = subprocess.run([str(reel_binary()), "serve"], capture_output=True, text=True, timeout=60, check=False,
                                env={"PATH": "/usr/bin:/bin", "REEL_DATA_DIR": tempfile.mkdtemp(prefix="reel-badlog-"),
                                     "REEL_PORT": str(free_port()), name: value})
        assert result.returncode == 78, result
        assert f"{name}={value}: {problem}" in result.stderr
