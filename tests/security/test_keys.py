"""API keys and modes against the built binary: refusing to start without a key, keys seeded
from the environment, `reel keys` on the command line, and a revocation seen at once by a
second API process on the same PostgreSQL database."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time

import httpx
import pytest
from openapi_spec_validator import validate

from reel_support import ReelProcess, free_port, new_database, reel_binary, wait_for

ADMIN = "reel_seeded-admin-key-0123456789abcdefghij"
BODY = {"title": "t", "clips": [{"video_url": "https://a.example/x.mp4", "start_time": 0, "end_time": 1}]}


def run_reel(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(reel_binary()), *args], env={"PATH": "/usr/bin:/bin", **env},
                          capture_output=True, text=True, timeout=60, check=False)


def test_beyond_loopback_without_a_key_reel_refuses_to_start() -> None:
    folder = tempfile.mkdtemp(prefix="reel-nokey-")
    result = run_reel(["serve", "--workers", "0"], {"REEL_DATA_DIR": folder, "REEL_HOST": "0.0.0.0",
                                                     "REEL_PORT": str(free_port())})
    assert result.returncode == 78, result
    assert "reel keys create" in result.stderr and "REEL_API_KEYS" in result.stderr


def test_keys_from_the_command_line_then_serve_beyond_loopback() -> None:
    reel = ReelProcess(["serve", "--workers", "0"], {"REEL_HOST": "0.0.0.0"}, "beyond-loopback", port=free_port())
    env = {"REEL_DATA_DIR": str(reel.folder / "data")}
    created = run_reel(["keys", "create", "--name", "ops", "--scope", "admin"], env)
    assert created.returncode == 0, created
    secret = created.stdout.strip()
    assert secret.startswith("reel_") and len(secret) == 48
    listed = run_reel(["keys", "list"], env)
    assert "ops\tadmin\tdefault\tactive" in listed.stdout and secret not in listed.stdout
    assert run_reel(["keys", "create", "--name", "x", "--scope", "root"], env).returncode != 0
    reel.start()
    try:
        url = reel.base_url + "/api/v1/compositions"
        assert httpx.get(url).status_code == 401
        assert httpx.get(url, headers={"Authorization": f"Bearer {secret}"}).status_code == 200
        assert httpx.get(url, headers={"Host": "anything.example", "Authorization": f"Bearer {secret}"}).status_code == 200
        key_id = listed.stdout.split("\t")[0]
        assert run_reel(["keys", "revoke", key_id], env).returncode == 0
        # Another process revoked it on the SQLite file: nothing announces that, so the server's
        # cache of verified keys lets it go within its second.
        wait_for(lambda: httpx.get(url, headers={"Authorization": f"Bearer {secret}"}).status_code == 401, timeout=3,
                 what="the revoked key to be refused")
    finally:
        reel.stop()
        reel.remove_folder()


@pytest.mark.skipif("REEL_TEST_DATABASE_URL" not in os.environ, reason="needs the test PostgreSQL server")
def test_a_key_revoked_through_one_process_is_refused_at_once_by_another() -> None:
    env = {"REEL_DATABASE_URL": new_database(), "REEL_AUTH": "on", "REEL_API_KEYS": f"ops:admin:{ADMIN}",
           "REEL_SECRET": "keys-test-secret-0123456789"}
    first = ReelProcess(["serve", "--workers", "0"], dict(env), "api-a", port=free_port()).start()
    second = ReelProcess(["serve", "--workers", "0"], dict(env), "api-b", port=free_port()).start()
    try:
        admin = {"Authorization": f"Bearer {ADMIN}"}
        created = httpx.post(first.base_url + "/api/v1/keys", json={"name": "ci", "scope": "write", "tenant": "acme"},
                             headers=admin)
        assert created.status_code == 201, created.text
        key = created.json()["key"]
        posted = httpx.post(second.base_url + "/api/v1/compositions", json=BODY, headers={"X-API-Key": key})
        assert posted.status_code == 202
        # The other process verified (and cached) the key a moment ago; the revocation reaches it
        # through PostgreSQL's NOTIFY, well before its cache's second is up.
        status_url = f"/api/v1/compositions/{posted.json()['id']}"
        assert httpx.get(second.base_url + status_url, headers={"X-API-Key": key}).status_code == 200
        assert httpx.delete(first.base_url + f"/api/v1/keys/{created.json()['id']}", headers=admin).status_code == 204
        started = time.monotonic()
        assert httpx.get(first.base_url + status_url, headers={"X-API-Key": key}).status_code == 401

        def refused() -> httpx.Response | None:
            response = httpx.get(second.base_url + status_url, headers={"X-API-Key": key})
            return response if response.status_code == 401 else None

        after = wait_for(refused, timeout=3, interval=0.01, what="the other process to refuse the revoked key")
        assert time.monotonic() - started < 0.5, "heard of the revocation only through the cache's lifetime"
        assert after.headers["www-authenticate"].startswith("Bearer")
    finally:
        for process in (first, second):
            assert process.stop() == 0
            process.remove_folder()


def test_the_contract_is_a_valid_openapi_document() -> None:
    reel = ReelProcess(["serve", "--workers", "0"], {}, "openapi", port=free_port()).start()
    try:
        document = httpx.get(reel.base_url + "/openapi.json").json()
        validate(document)
        assert "/api/v1/keys" in document["paths"]
        assert set(document["components"]["securitySchemes"]) == {"bearer", "apiKey"}
        assert json.dumps(document).count('"401"') >= 10
    finally:
        reel.stop()
        reel.remove_folder()
