"""Reel tried as an attacker would, over real sockets against the built binary.

Each test reproduces a hole found when Reel was first put on a network (issue 10, part 0) and
expects a clear 4xx (or a closed connection) and a live process afterwards.
"""

from __future__ import annotations

import json
import resource
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from reel_support import ReelProcess, free_port, read_until_closed, wait_for

CLIP = {"video_url": "https://a.example/x.mp4", "start_time": 0, "end_time": 1}


@pytest.fixture(scope="module")
def reel() -> Iterator[ReelProcess]:
    process = ReelProcess(
        ["serve", "--workers", "1"],
        env={"REEL_HEADER_TIMEOUT": "1", "REEL_BODY_TIMEOUT": "1", "REEL_IDLE_TIMEOUT": "2"},
        name="hostile",
        port=free_port(),
    ).start()
    yield process
    assert process.process is not None and process.process.poll() is None, "Reel died:\n" + process.log()
    assert process.stop() == 0
    process.remove_folder()


def connect(reel: ReelProcess) -> socket.socket:
    assert reel.port is not None
    sock = socket.create_connection(("127.0.0.1", reel.port), timeout=10)
    return sock


def alive(reel: ReelProcess) -> None:
    assert httpx.get(reel.base_url + "/health", timeout=5).status_code == 200


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "t", "clips": [{**CLIP, "start_time": 1e19}]}, "clips[0].start_time"),
        ({"title": "t", "clips": [{**CLIP, "trim_start": 1e19}]}, "clips[0].trim_start"),
        ({"title": "t", "clips": [CLIP], "overlays": [{"text": "x", "start_time": 1e19}]}, "overlays[0].start_time"),
        ({"title": "t", "clips": [CLIP], "output": {"bitrate": "1e19"}}, "output.bitrate"),
        ({"title": "t", "clips": [CLIP], "output": {"bitrate": "99999999999999M"}}, "output.bitrate"),
        ({"title": "t", "clips": [CLIP], "overlays": [{"text": "x", "font_size": 12.5}]}, "overlays[0].font_size"),
    ],
)
def test_numbers_that_trapped_are_field_errors(reel: ReelProcess, body: dict[str, object], field: str) -> None:
    response = httpx.post(reel.base_url + "/api/v1/compositions", json=body, timeout=10)
    assert response.status_code == 422, response.text
    assert field in [detail["field"] for detail in response.json()["details"]]
    alive(reel)


@pytest.mark.parametrize("raw", [b"1e400", b"NaN", b"-Infinity", b"\xff\xfe\x00garbage", b'{"title":"\xc3\x28"}'])
def test_malformed_json_is_422(reel: ReelProcess, raw: bytes) -> None:
    body = b'{"title":"t","clips":[{"video_url":"https://a.example/x.mp4","start_time":' + raw + b',"end_time":1}]}'
    response = httpx.post(reel.base_url + "/api/v1/compositions", content=body,
                          headers={"Content-Type": "application/json"}, timeout=10)
    assert response.status_code == 422, response.text
    alive(reel)


def test_deep_nesting_is_refused_quickly_and_reads_stay_fast(reel: ReelProcess) -> None:
    for levels in (500, 10_000):
        nested = "[" * levels + "]" * levels
        body = '{"title":"t","metadata":' + nested + ',"clips":[' + json.dumps(CLIP) + "]}"
        response = httpx.post(reel.base_url + "/api/v1/compositions", content=body,
                              headers={"Content-Type": "application/json"}, timeout=10)
        assert response.status_code == 422
        assert response.json()["details"][0]["field"] == "body"
    # The deepest metadata allowed (10 levels, 16 KiB) is stored and read back unchanged.
    deepest: object = "leaf"
    for _ in range(9):
        deepest = [deepest]
    metadata = {"nested": deepest, "pad": "x" * 15_000}
    created = httpx.post(reel.base_url + "/api/v1/compositions",
                         json={"title": "t", "metadata": metadata, "clips": [CLIP]}, timeout=10)
    assert created.status_code == 202, created.text
    shown = httpx.get(reel.base_url + f"/api/v1/compositions/{created.json()['id']}", timeout=10)
    assert shown.json()["metadata"] == metadata
    alive(reel)


def test_slow_headers_get_408_then_close(reel: ReelProcess) -> None:
    with connect(reel) as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        for _ in range(3):
            time.sleep(0.5)
            try:
                sock.sendall(b"X")
            except OSError:
                break
        answer = read_until_closed(sock)
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    body = json.loads(answer.split(b"\r\n\r\n", 1)[1])
    assert body["error_code"] == "request_timeout"
    assert set(body) == {"error_code", "message", "details", "request_id", "timestamp"}
    alive(reel)


def test_slow_body_gets_408(reel: ReelProcess) -> None:
    with connect(reel) as sock:
        sock.sendall(b"POST /api/v1/compositions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     b"Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
        for _ in range(8):
            time.sleep(0.4)
            try:
                sock.sendall(b" ")
            except OSError:
                break
        answer = read_until_closed(sock)
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    alive(reel)


def test_idle_connection_is_closed_and_keep_alive_still_works(reel: ReelProcess) -> None:
    with connect(reel) as sock:
        started = time.monotonic()
        assert read_until_closed(sock) == b""
        assert time.monotonic() - started < 8
    with httpx.Client(base_url=reel.base_url) as client:
        for _ in range(3):
            assert client.get("/health").status_code == 200
            time.sleep(0.5)


def test_http10_post_is_answered_and_closed(reel: ReelProcess) -> None:
    body = json.dumps({"title": "t", "clips": [CLIP]}).encode()
    with connect(reel) as sock:
        sock.sendall(b"POST /api/v1/compositions HTTP/1.0\r\nContent-Type: application/json\r\n"
                     b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        started = time.monotonic()
        answer = read_until_closed(sock)
        assert time.monotonic() - started < 5, "the connection was not closed after the answer"
    head = answer.split(b"\r\n\r\n", 1)[0].lower()
    assert head.startswith(b"http/1.1 202"), answer[:200]
    assert b"connection: close" in head
    curl = subprocess.run(["curl", "-s", "--http1.0", "--max-time", "5", "-o", "/dev/null", "-w", "%{http_code}",
                           "-H", "Content-Type: application/json", "--data-binary", body.decode(),
                           reel.base_url + "/api/v1/compositions"], capture_output=True, text=True, check=False)
    assert curl.stdout == "202", curl


@pytest.mark.parametrize(
    ("host", "status"),
    [("attacker.example:8000", 421), ("127.0.0.1.attacker.example", 421), ("localhost", 200), ("127.0.0.1", 200),
     ("[::1]:8000", 200)],
)
def test_host_names_reel_does_not_answer_to(reel: ReelProcess, host: str, status: int) -> None:
    with connect(reel) as sock:
        sock.sendall(f"GET /api/v1/compositions HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        answer = read_until_closed(sock)
    assert answer.startswith(f"HTTP/1.1 {status}".encode()), answer[:200]


def test_cross_site_writes_are_refused(reel: ReelProcess) -> None:
    url = reel.base_url + "/api/v1/compositions"
    assert httpx.post(url, content=json.dumps({"title": "t", "clips": [CLIP]}),
                      headers={"Content-Type": "text/plain"}).status_code == 415
    for headers in ({"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}):
        assert httpx.post(url, json={"title": "t", "clips": [CLIP]}, headers=headers).status_code == 403
        assert httpx.post(url + "/cancel-all", headers=headers).status_code == 403
    preflight = httpx.options(url, headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers
    same = httpx.post(url, json={"title": "t", "clips": [CLIP]}, headers={"Origin": reel.base_url})
    assert same.status_code == 202


def test_thousand_idle_connections_leave_health_answering(reel: ReelProcess) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))
    sockets = []
    try:
        for _ in range(1000):
            sockets.append(connect(reel))
        for _ in range(20):
            assert httpx.get(reel.base_url + "/health", timeout=5).status_code == 200
    finally:
        for sock in sockets:
            sock.close()
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def _manifest(kind: str, secret: Path) -> tuple[bytes, str]:
    if kind == "hls":
        text = f"#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXTINF:1.0,\nfile://{secret}\n#EXT-X-ENDLIST\n"
        return text.encode(), "application/vnd.apple.mpegurl"
    if kind == "dash":
        text = ('<?xml version="1.0"?><MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" '
                'mediaPresentationDuration="PT1S" minBufferTime="PT1S" profiles="urn:mpeg:dash:profile:isoff-on-demand:2011">'
                f'<Period><AdaptationSet mimeType="video/mp2t"><Representation id="1" bandwidth="1000">'
                f'<BaseURL>file://{secret}</BaseURL></Representation></AdaptationSet></Period></MPD>')
        return text.encode(), "application/dash+xml"
    return f"ffconcat version 1.0\nfile {secret}\n".encode(), "text/plain"


@pytest.mark.parametrize("kind", ["hls", "dash", "ffconcat"])
def test_uploaded_manifest_cannot_read_local_files(reel: ReelProcess, kind: str) -> None:
    folder = Path(tempfile.mkdtemp(prefix="reel-private-"))
    secret = folder / "private.ts"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x90:rate=30:duration=1",
                    "-f", "lavfi", "-i", "sine=duration=1", "-c:v", "libx264", "-c:a", "aac", "-f", "mpegts", str(secret)],
                   check=True)
    manifest, content_type = _manifest(kind, secret)
    upload = httpx.post(reel.base_url + "/api/v1/assets", content=manifest, headers={"Content-Type": content_type})
    assert upload.status_code == 201
    created = httpx.post(reel.base_url + "/api/v1/compositions", json={
        "title": "manifest", "clips": [{"video_url": upload.json()["url"], "start_time": 0, "end_time": 1}],
        "output": {"resolution": "160x90"}})
    assert created.status_code == 202
    status_url = reel.base_url + f"/api/v1/compositions/{created.json()['id']}/status"

    def finished() -> dict[str, object] | None:
        status = httpx.get(status_url).json()
        return status if status["status"] in ("completed", "failed") else None

    status = wait_for(finished, timeout=60, what="the manifest composition to finish")
    assert status["status"] == "failed", status
    assert "playlist, manifest" in str(status["error_message"]), status


@pytest.mark.parametrize(
    ("env", "line"),
    [
        ({"REEL_PORT": "80o"}, "reel: REEL_PORT=80o: must be a whole number from 1 to 65535"),
        ({"REEL_WORKERS": "two"}, "reel: REEL_WORKERS=two: must be a whole number from 0 to 1024"),
        ({"REEL_MAX_QUEUED": "-1"}, "reel: REEL_MAX_QUEUED=-1: must be a whole number from 1 to 1000000000"),
        ({"REEL_MAX_BODY_BYTES": "-5"}, "reel: REEL_MAX_BODY_BYTES=-5: must be a whole number from 1024 to 1073741824"),
        ({"REEL_DATA_DIR": "/proc/nope"}, "reel: REEL_DATA_DIR=/proc/nope: cannot create that folder"),
        ({"REEL_SECRET": "short"}, "reel: REEL_SECRET=(5 characters): must be at least 16 characters"),
        # A store or folder that cannot open names its variable too (these printed an NSCocoaErrorDomain dump, exit 1).
        ({"REEL_DATABASE_URL": "sqlite:///proc/nope/x.sqlite"},
         "reel: REEL_DATABASE_URL=sqlite:///proc/nope/x.sqlite: cannot open or create that database file: No such file or directory"),
        ({"REEL_DATABASE_URL": "sqlite:///etc/passwd"},
         "reel: REEL_DATABASE_URL=sqlite:///etc/passwd: cannot open or create that database file: file is not a database"),
        ({"REEL_STORAGE_URL": "file:///proc/nope"},
         "reel: REEL_STORAGE_URL=file:///proc/nope: cannot create or open that folder: No such file or directory"),
        ({"REEL_DATABASE_URL": "postgres://"},
         "reel: REEL_DATABASE_URL=postgres://: names no file or host: sqlite://PATH or postgres://user:password@host:5432/db"),
        ({"REEL_STORAGE_URL": "file://relative"}, "reel: REEL_STORAGE_URL=file://relative: must name an absolute folder: file:///PATH"),
        ({"REEL_STORAGE_URL": "s3://Bad_Bucket/x"},
         "reel: REEL_STORAGE_URL=s3://Bad_Bucket/x: must name a bucket of 3 to 63 of a-z, 0-9, . and -: s3://bucket[/prefix]"),
        ({"AWS_ENDPOINT_URL": "http://127.0.0.1:99999"},
         "reel: AWS_ENDPOINT_URL=http://127.0.0.1:99999: must be an http(s) URL with a host and a port from 1 to 65535"),
        ({"AWS_ENDPOINT_URL": "not a url"},
         "reel: AWS_ENDPOINT_URL=not a url: must be an http(s) URL with a host and a port from 1 to 65535"),
        ({"REEL_SOURCE_BUCKETS": "Bad_Bucket"},
         "reel: REEL_SOURCE_BUCKETS=bad_bucket: each must be a bucket name: 3 to 63 of a-z, 0-9, . and -, "
         "starting and ending with a letter or digit"),
        ({"REEL_WEBHOOK_SECRET": "whsec_sixsix"},
         "reel: REEL_WEBHOOK_SECRET=(a secret of 12 characters): each secret must be whsec_ followed by 16 to 64 base64-encoded bytes"),
    ],
)
def test_bad_settings_stop_reel_before_it_listens(env: dict[str, str], line: str) -> None:
    from reel_support import reel_binary

    folder = tempfile.mkdtemp(prefix="reel-settings-")
    port = free_port()
    base = {"REEL_DATA_DIR": folder, "REEL_PORT": str(port)}
    result = subprocess.run([str(reel_binary()), "serve"], env={**base, **env, "PATH": "/usr/bin:/bin"},
                            capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 78, result
    assert result.stderr.strip().splitlines() == [line]
    for secret in ("REEL_SECRET", "REEL_WEBHOOK_SECRET"):
        if secret in env:
            assert env[secret].removeprefix("whsec_")[:4] not in result.stderr, "a secret reached the log"


def test_unknown_settings_are_warned_about() -> None:
    from reel_support import reel_binary

    result = subprocess.run([str(reel_binary()), "serve"], env={"REEL_WROKERS": "2", "REEL_PORT": "0", "PATH": "/usr/bin"},
                            capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 78
    assert "REEL_WROKERS is not a setting Reel reads" in result.stderr
