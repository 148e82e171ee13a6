"""The inputs added since Reel was first attacked (caption files, merges, templates, S3 sources,
event streams, HTTP framing), tried as an attacker would against the built binary (issue 22).

Each test failed on the main of its day: a caption file ended the process, a merge asked for
gigabytes, another tenant's upload rendered through a raw S3 URL, a revoked key kept its stream.
Every answer here is a 4xx in the error shape, and the process lives on.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest

from reel_support import ReelProcess, answers, free_port, read_until_closed, reel_binary, s3_client, wait_for

CLIP = {"video_url": "https://a.example/x.mp4", "start_time": 0, "end_time": 1}
ADMIN = "reel_new-inputs-admin-key-0123456789abcdef"


@pytest.fixture(scope="module")
def reel() -> Iterator[ReelProcess]:
    process = ReelProcess(["serve", "--workers", "1"], {}, name="new-inputs", port=free_port()).start()
    yield process
    assert process.process is not None and process.process.poll() is None, "Reel died:\n" + process.log()
    assert process.stop() == 0
    process.remove_folder()


def alive(reel: ReelProcess) -> None:
    assert reel.process is not None and reel.process.poll() is None, reel.log()
    assert httpx.get(reel.base_url + "/health", timeout=5).status_code == 200


def fields(response: httpx.Response) -> list[str]:
    return [detail["field"] for detail in response.json()["details"]]


def raw(reel: ReelProcess, request: bytes) -> tuple[int, dict[str, str], bytes]:
    """Sends bytes as they are; returns the status, headers and body of the answer."""
    assert reel.port is not None
    with socket.create_connection(("127.0.0.1", reel.port), timeout=10) as sock:
        sock.sendall(request)
        answer = read_until_closed(sock)
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, body


def peak_memory_kib(reel: ReelProcess) -> int:
    assert reel.process is not None
    status = Path(f"/proc/{reel.process.pid}/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1])


@pytest.mark.parametrize("hours", ["9999999999999999999999999", "9" * 400, "24:00:01"])
def test_an_uploaded_caption_file_past_a_day_is_422_and_the_process_lives(reel: ReelProcess, hours: str) -> None:
    timing = f"00:00:00,000 --> {hours}:00:00,000" if ":" not in hours else f"00:00:00,000 --> {hours},000"
    upload = httpx.post(reel.base_url + "/api/v1/assets", content=f"1\n{timing}\nboom\n".encode(),
                        headers={"Content-Type": "text/plain"})
    assert upload.status_code == 201
    created = httpx.post(reel.base_url + "/api/v1/compositions", json={
        "title": "captions", "clips": [CLIP], "captions": {"url": upload.json()["url"]}})
    assert created.status_code == 422, created.text
    assert fields(created) == ["captions.url"]
    assert "cue 1 (line 2)" in created.json()["message"]
    alive(reel)


@pytest.mark.parametrize("field", ["video_url", "webhook_url"])
def test_a_port_beyond_16_bits_is_422_not_a_crash(reel: ReelProcess, field: str) -> None:
    # AsyncHTTPClient traps on such a port: the render (or the webhook outbox, retrying for a day)
    # ended the process again after every restart.
    body: dict[str, Any] = {"title": "port", "clips": [{**CLIP, "video_url": "http://1.2.3.4:99999/a.mp4"}]}
    too_long = httpx.post(reel.base_url + "/api/v1/compositions", json={
        "title": "port", "clips": [{**CLIP, "video_url": "http://example.com:99999999999999999999999/a.mp4"}]})
    assert too_long.status_code == 422, too_long.text  # Foundation reads no port from so many digits
    if field == "webhook_url":
        body = {"title": "port", "clips": [CLIP], "webhook_url": "http://1.2.3.4:65536/hook"}
    answer = httpx.post(reel.base_url + "/api/v1/compositions", json=body)
    assert answer.status_code == 422, answer.text
    assert fields(answer) == [field if field == "webhook_url" else "clips[0].video_url"]
    assert "between 1 and 65535" in answer.json()["details"][0]["message"]
    alive(reel)


def test_placeholders_by_the_hundred_thousand_are_refused_at_once(reel: ReelProcess) -> None:
    # Read with Foundation's range(of:) in a loop, these took 20 s each and stalled /livez.
    started = time.monotonic()
    inline = httpx.post(reel.base_url + "/api/v1/compositions", timeout=60, json={
        "title": "t", "clips": [CLIP], "metadata": {"k": "{{A}}" * 200_000}, "merge": {"A": "x"}})
    assert inline.status_code == 422 and fields(inline) == ["merge"], inline.text[:300]
    template = httpx.post(reel.base_url + "/api/v1/templates", timeout=60, json={
        "name": "many", "description": "{{A}}" * 200_000, "merge_fields": {"A": {"type": "text", "default": "a"}},
        "composition": {"title": "t", "clips": [CLIP]}})
    assert template.status_code == 422, template.text[:300]
    assert time.monotonic() - started < 10
    alive(reel)


def test_merge_amplification_is_refused_before_memory_is_spent(reel: ReelProcess) -> None:
    before = peak_memory_kib(reel)
    body = {"title": "{{A}}" * 2000, "clips": [CLIP], "merge": {"A": "a" * 1_000_000}}  # 1.01 MB
    started = time.monotonic()
    answer = httpx.post(reel.base_url + "/api/v1/compositions", content=json.dumps(body),
                        headers={"Content-Type": "application/json"}, timeout=60)
    assert answer.status_code == 422, answer.text
    assert answer.json()["details"][0] == {
        "field": "merge.A", "error_type": "length",
        "message": "makes the merged composition larger than 1048576 bytes, the most a composition may be (REEL_MAX_BODY_BYTES)"}
    # Before the bound: a 2 GB allocation and a dead process (a 117 KiB body took 36.5 s and 1.65 GB).
    assert time.monotonic() - started < 10
    assert peak_memory_kib(reel) - before < 200 * 1024, "the merge spent memory before it was refused"
    heavy = {"name": "heavy", "merge_fields": {"A": {"type": "text", "default": "d" * 50_000}},
             "composition": {"title": "t", "clips": [CLIP], "metadata": ["{{A}}"] * 7_500}}
    template = httpx.post(reel.base_url + "/api/v1/templates", json=heavy, timeout=60)
    assert template.status_code == 422 and fields(template) == ["merge_fields.A.default"], template.text
    alive(reel)


# llhttp itself refuses a repeated chunked before the head is read: 400, still in the error shape.
@pytest.mark.parametrize(("encoding", "expected"), [("gzip", 501), ("identity", 501), ("xchunked", 501), ("gzip, chunked", 501),
                                                    ("chunked, chunked", 400), ("", 501)])
def test_a_transfer_encoding_reel_cannot_read_is_refused_in_the_error_shape(reel: ReelProcess, encoding: str,
                                                                              expected: int) -> None:
    status, headers, body = raw(reel, (
        f"POST /api/v1/compositions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Transfer-Encoding: {encoding}\r\n\r\n5\r\nhello\r\n0\r\n\r\n").encode())
    assert status == expected
    assert headers["content-type"].startswith("application/json") and headers["connection"] == "close"
    error = json.loads(body)
    assert error["error_code"] == ("not_implemented" if expected == 501 else "bad_request"), error
    assert set(error) == {"error_code", "message", "details", "request_id", "timestamp"}
    alive(reel)


def rss_kib(process: ReelProcess) -> int:
    assert process.process is not None
    status = Path(f"/proc/{process.process.pid}/status").read_text()
    return int(next(line for line in status.splitlines() if line.startswith("VmRSS:")).split()[1])


def flood_after(port: int, head: bytes, megabytes: int) -> bytes:
    """Sends `head`, then up to `megabytes` of junk while the server reads; returns its answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head)
        junk = b"x" * (1 << 20)
        try:
            for _ in range(megabytes):
                sock.sendall(junk)
        except OSError:
            pass  # the server closed after its answer
        return read_until_closed(sock)


@pytest.mark.parametrize(("head", "status"), [
    (b"GET /livez HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n", 400),
    (b"CONNECT 127.0.0.1:1 HTTP/1.1\r\nHost: x\r\n\r\n", 501),
])
def test_upgrade_and_connect_are_refused_before_the_parser_stops_reading(head: bytes, status: int) -> None:
    # The parser stops after either, and what the client sent next piled up unread: 300 MB of RSS
    # in a second, with no key, on the API's port and on a worker's operations port alike.
    api = ReelProcess(["serve", "--workers", "0"], {}, "upgrade-api", port=free_port()).start()
    port = free_port()  # after the API holds its own: free_port may hand out one port twice
    worker = ReelProcess(["work"], {"REEL_METRICS_PORT": str(port)}, "upgrade-worker").start()
    try:
        wait_for(lambda: answers(f"http://127.0.0.1:{port}/livez"), timeout=30, what="the worker's operations port")
        for process, target in ((api, api.port), (worker, port)):
            assert target is not None
            before = rss_kib(process)
            answer = flood_after(target, head, 64)
            assert answer.startswith(f"HTTP/1.1 {status}".encode()), answer[:200]
            assert rss_kib(process) - before < 32 * 1024, "the flood was kept in memory"
    finally:
        for process in (api, worker):
            assert process.stop() == 0
            process.remove_folder()


def test_pipelining_keeps_each_answer_its_own() -> None:
    reel = ReelProcess(["serve", "--workers", "0"], {"REEL_BODY_TIMEOUT": "1"}, "pipelining", port=free_port()).start()
    assert reel.port is not None
    try:
        def exchange(data: bytes, wait: float = 0) -> bytes:
            with socket.create_connection(("127.0.0.1", reel.port or 0), timeout=5) as sock:
                sock.sendall(data)
                time.sleep(wait)
                return read_until_closed(sock)

        # HTTP/1.1 then HTTP/1.0: only the second answer closes the connection.
        answer = exchange(b"GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /livez HTTP/1.0\r\n\r\n")
        first, second = answer.split(b"HTTP/1.1 200")[1:3]
        assert b"connection: close" not in first.lower() and b"connection: close" in second.lower(), answer
        # A request after one that closes the connection is not read, and not called invalid.
        answer = exchange(b"GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\nGET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert answer.count(b"HTTP/1.1 ") == 1 and answer.startswith(b"HTTP/1.1 200"), answer
        # A body that breaks framing after the router already answered: one answer, not two.
        answer = exchange(b"POST /livez HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
        assert answer.count(b"HTTP/1.1 ") == 1 and answer.startswith(b"HTTP/1.1 405"), answer
        # A refused head behind an event stream waits for it: no raw 408 cuts into the stream.
        with socket.create_connection(("127.0.0.1", reel.port), timeout=5) as sock:
            sock.sendall(b"GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
                         b"GET /livez HTTP/1.1\r\nHost: a b\r\n\r\n")
            time.sleep(3)  # three body timeouts
            sock.settimeout(0.5)
            received = b""
            try:
                while chunk := sock.recv(65536):
                    received += chunk
            except TimeoutError:
                pass
        assert received.startswith(b"HTTP/1.1 200") and b"408" not in received, received[:400]
        alive(reel)
    finally:
        assert reel.stop() == 0
        reel.remove_folder()


def test_a_refusal_waits_for_the_answer_going_out_and_is_read_whole_after_a_large_body(reel: ReelProcess) -> None:
    assert reel.port is not None
    # Pipelined: a good request, then one with a Transfer-Encoding Reel cannot read, in one write.
    with socket.create_connection(("127.0.0.1", reel.port), timeout=10) as sock:
        sock.sendall(b"GET /openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                     b"POST /api/v1/compositions HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip\r\n\r\n")
        answer = read_until_closed(sock)
    first, _, rest = answer.partition(b"\r\n\r\n")
    assert first.startswith(b"HTTP/1.1 200"), answer[:200]
    length = int(next(line for line in first.split(b"\r\n") if line.lower().startswith(b"content-length:")).split(b":")[1])
    json.loads(rest[:length])  # the whole document, not cut by the refusal
    assert rest[length:].startswith(b"HTTP/1.1 501"), rest[length:length + 200]
    # A large body behind a refused head: the refusal still reaches the client (no reset).
    with socket.create_connection(("127.0.0.1", reel.port), timeout=10) as sock:
        sock.sendall(b"POST /api/v1/compositions HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")
        chunk = b"1000\r\n" + b"x" * 4096 + b"\r\n"
        for _ in range(256):  # 1 MiB
            sock.sendall(chunk)
        answer = read_until_closed(sock)
    assert answer.startswith(b"HTTP/1.1 501"), answer[:200]
    alive(reel)


@pytest.mark.parametrize("hosts", [["evil.example:1:2"], ["[evil.example"], [], ["127.0.0.1", "evil.example"],
                                   ["127.0.0.1:99999999"], ["evil example"], ["[::1]x"], [""]])
def test_a_host_that_does_not_parse_is_400(reel: ReelProcess, hosts: list[str]) -> None:
    lines = "".join(f"Host: {host}\r\n" for host in hosts)
    status, _, body = raw(reel, f"GET /api/v1/compositions HTTP/1.1\r\n{lines}Connection: close\r\n\r\n".encode())
    assert status == 400, body
    assert json.loads(body)["details"][0]["field"] == "Host"
    # Spaces and tabs around a field value are the value's own framing (RFC 9110 §5.5).
    status, _, _ = raw(reel, b"GET /health HTTP/1.1\r\nHost:\t127.0.0.1\t\r\nConnection: close\r\n\r\n")
    assert status == 200
    # HTTP/1.0 may leave Host out; its answer still comes.
    status, _, _ = raw(reel, b"GET /health HTTP/1.0\r\n\r\n")
    assert status == 200
    alive(reel)


@pytest.mark.parametrize("path", ["/health", "/health/detailed", "/openapi.json", "/api/v1/compositions", "/api/v1/events",
                                  f"/api/v1/compositions/{uuid.uuid4()}", "/metrics", "/readyz"])
def test_head_answers_like_get_without_a_body(reel: ReelProcess, path: str) -> None:
    get = httpx.get(reel.base_url + path)
    head = httpx.head(reel.base_url + path)
    assert head.status_code == get.status_code
    assert head.content == b""
    if path not in ("/metrics", "/health/detailed"):  # series and response times move between two answers
        assert head.headers["content-length"] == get.headers["content-length"]


def stream_until_closed(url: str, headers: dict[str, str], events: list[str], opened: threading.Event) -> None:
    with httpx.stream("GET", url, headers={**headers, "Accept": "text/event-stream"}, timeout=30) as response:
        assert response.status_code == 200
        opened.set()
        for line in response.iter_lines():
            if line.startswith("event:"):
                events.append(line.removeprefix("event:").strip())


def test_the_scope_check_reads_the_route_the_router_matched() -> None:
    # `/api/v1//keys` is the keys route to the router: a write key minted itself an admin key there.
    env = {"REEL_AUTH": "on", "REEL_API_KEYS": f"ops:admin:{ADMIN}"}
    reel = ReelProcess(["serve", "--workers", "0"], env, "route-scope", port=free_port()).start()
    try:
        made = httpx.post(reel.base_url + "/api/v1/keys", json={"name": "w", "scope": "write", "tenant": "alpha"},
                          headers={"Authorization": f"Bearer {ADMIN}"})
        writer = {"Authorization": f"Bearer {made.json()['key']}"}
        for path in ("/api/v1//keys", "//api/v1/keys", "/api/v1/keys/", "/api/v1///keys//"):
            assert httpx.post(reel.base_url + path, json={"name": "pwn", "scope": "admin"}, headers=writer).status_code == 403, path
            assert httpx.get(reel.base_url + path, headers=writer).status_code == 403, path
        for path in ("//metrics", "/metrics/"):
            assert httpx.get(reel.base_url + path, headers=writer).status_code == 403, path
        assert httpx.get(reel.base_url + "/api/v1//compositions", headers=writer).status_code == 200
    finally:
        assert reel.stop() == 0
        reel.remove_folder()


@pytest.mark.parametrize("revoker", ["api", "command line"])
def test_a_revoked_keys_open_stream_ends(revoker: str) -> None:
    env = {"REEL_AUTH": "on", "REEL_API_KEYS": f"ops:admin:{ADMIN}"}
    reel = ReelProcess(["serve", "--workers", "0"], env, f"revoke-{revoker.replace(' ', '-')}", port=free_port()).start()
    try:
        admin = {"Authorization": f"Bearer {ADMIN}"}
        created = httpx.post(reel.base_url + "/api/v1/keys", json={"name": "viewer", "scope": "read", "tenant": "acme"},
                             headers=admin)
        assert created.status_code == 201, created.text
        events: list[str] = []
        opened = threading.Event()
        reader = threading.Thread(target=stream_until_closed, daemon=True, args=(
            reel.base_url + "/api/v1/events", {"Authorization": f"Bearer {created.json()['key']}"}, events, opened))
        reader.start()
        assert opened.wait(10)
        time.sleep(1.5)  # the stream has verified (and cached) its key
        assert reader.is_alive()
        if revoker == "api":
            assert httpx.delete(reel.base_url + f"/api/v1/keys/{created.json()['id']}", headers=admin).status_code == 204
        else:
            # Another process on the same SQLite file: no notification reaches Reel, only the cache's bound.
            revoked = subprocess.run([str(reel_binary()), "keys", "revoke", created.json()["id"]],
                                     env={**os.environ, **env, "REEL_DATA_DIR": str(reel.folder / "data")},
                                     capture_output=True, text=True, timeout=30, check=False)
            assert revoked.returncode == 0, revoked.stderr
        revoked_at = time.monotonic()
        reader.join(timeout=10)
        assert not reader.is_alive(), "the stream outlived its key"
        # The key cache's second, the stream's own check a second later, and slack for a loaded machine.
        assert time.monotonic() - revoked_at < 3.5
        assert events[-1:] == ["error"], events
    finally:
        assert reel.stop() == 0
        reel.remove_folder()


@pytest.mark.skipif("AWS_ENDPOINT_URL" not in os.environ, reason="needs the test S3 server")
def test_raw_object_store_urls_never_read_another_tenants_upload() -> None:
    bucket = f"reel-tenants-{uuid.uuid4().hex[:8]}"
    s3: Any = s3_client()
    s3.create_bucket(Bucket=bucket)
    s3.create_bucket(Bucket=bucket + "-media")
    with tempfile.TemporaryDirectory() as folder:
        clip = Path(folder) / "clip.mp4"
        subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=30:duration=1", "-c:v", "libx264",
                        "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(clip)], check=True)
        media = clip.read_bytes()
    s3.put_object(Bucket=bucket + "-media", Key="intro.mp4", Body=media)
    env = {"REEL_AUTH": "on", "REEL_API_KEYS": f"ops:admin:{ADMIN}", "REEL_STORAGE_URL": f"s3://{bucket}/reel",
           "REEL_SOURCE_BUCKETS": f"{bucket}-media", "REEL_ALLOW_PRIVATE_SOURCES": "true"}
    reel = ReelProcess(["serve", "--workers", "1"], env, "tenants-s3", port=free_port()).start()
    try:
        admin = {"Authorization": f"Bearer {ADMIN}"}
        keys = {}
        for tenant in ("victim", "attacker"):
            made = httpx.post(reel.base_url + "/api/v1/keys", json={"name": tenant, "scope": "write", "tenant": tenant}, headers=admin)
            keys[tenant] = {"Authorization": f"Bearer {made.json()['key']}"}
        asset = httpx.post(reel.base_url + "/api/v1/assets", content=media, headers={**keys["victim"], "Content-Type": "video/mp4"})
        assert asset.status_code == 201
        asset_id = asset.json()["id"]
        endpoint = os.environ["AWS_ENDPOINT_URL"]

        def post(url: str) -> httpx.Response:
            return httpx.post(reel.base_url + "/api/v1/compositions", headers=keys["attacker"], json={
                "title": "t", "clips": [{"video_url": url, "start_time": 0, "end_time": 1}], "output": {"resolution": "160x90"}})

        for url in (f"s3://{bucket}/reel/assets/{asset_id}", f"{endpoint}/{bucket}/reel/assets/{asset_id}",
                    f"s3://{bucket}-media//reel/assets/{asset_id}", f"s3://{bucket}-media/x/../../{bucket}/reel/assets/{asset_id}",
                    f"asset://{asset_id}"):
            refused = post(url)
            assert refused.status_code == 422, (url, refused.text)
            assert fields(refused) == ["clips[0].video_url"]
        # An unlisted bucket reads alike whether or not the key exists.
        existing, missing = post(f"s3://{bucket}-media-x/intro.mp4"), post(f"s3://{bucket}-media-x/{uuid.uuid4()}.mp4")
        assert existing.status_code == missing.status_code == 422
        assert existing.json()["details"][0]["message"] == missing.json()["details"][0]["message"]
        # A listed bucket renders.
        listed = post(f"s3://{bucket}-media/intro.mp4")
        assert listed.status_code == 202, listed.text
        status_url = f"{reel.base_url}/api/v1/compositions/{listed.json()['id']}/status"

        def settled() -> dict[str, Any] | None:
            status: dict[str, Any] = httpx.get(status_url, headers=keys["attacker"]).json()
            return status if status["status"] in ("completed", "failed") else None

        assert wait_for(settled, timeout=120, interval=0.2, what="the listed source's render")["status"] == "completed"
    finally:
        assert reel.stop() == 0
        reel.remove_folder()


def huge_png(side: int) -> bytes:
    """A PNG that says it is side × side RGB, its pixels zero: a few hundred KB that decode to gigabytes."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    deflate = zlib.compressobj(9)
    row = bytes(1 + 3 * side)
    pixels = b"".join(deflate.compress(row) for _ in range(side)) + deflate.flush()
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_an_upload_claiming_a_gigapixel_picture_is_stored_without_decoding_it(reel: ReelProcess) -> None:
    # 12000 × 12000 × 3 bytes is 432 MB once decoded: the thumbnail is skipped past 36 MP.
    body = huge_png(12000)
    before = rss_kib(reel)
    started = time.monotonic()
    answer = httpx.post(reel.base_url + "/api/v1/assets", content=body, headers={"Content-Type": "image/png"}, timeout=60)
    assert answer.status_code == 201, answer.text
    asset = answer.json()
    assert (asset["width"], asset["height"], asset["thumbnail_url"]) == (12000, 12000, None)
    assert time.monotonic() - started < 20
    assert rss_kib(reel) - before < 100_000
    assert not list((reel.folder / "data" / "tmp" / "uploads").iterdir()), "the upload's temp file is gone"
    alive(reel)


@pytest.mark.parametrize("target", ["/studio/../openapi.json", "/studio/%2e%2e/openapi.json", "/studio/..%2fopenapi.json",
                                    "/studio//etc/passwd", "/studio/%00", "/studio/" + "a/" * 2000])
def test_studio_paths_reach_only_the_studios_files(reel: ReelProcess, target: str) -> None:
    status, headers, body = raw(reel, f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    assert status in (400, 404, 414, 431), (status, body[:200])
    assert b'"openapi"' not in body and b"root:" not in body
    alive(reel)


@pytest.mark.parametrize("header", ["If-None-Match: " + ", ".join(['W/"x"'] * 800), "If-None-Match: W/", "If-None-Match: ,,,",
                                    "Accept-Encoding: " + "gzip;q=" * 900, "Accept-Encoding: gzip;q=nan, *;q=-1"])
def test_studio_conditional_and_encoding_headers_of_any_shape_answer_the_file(reel: ReelProcess, header: str) -> None:
    status, headers, body = raw(reel, f"GET /studio/app.js HTTP/1.1\r\nHost: 127.0.0.1\r\n{header}\r\nConnection: close\r\n\r\n".encode())
    assert status in (200, 431), (status, body[:200])
    alive(reel)


@pytest.mark.parametrize("query", ["offset=-1", "offset=99999999999999999999", "limit=0", "limit=101", "limit=abc", "offset=1e3"])
def test_asset_pages_out_of_range_are_422_naming_the_parameter(reel: ReelProcess, query: str) -> None:
    answer = httpx.get(reel.base_url + "/api/v1/assets?" + query)
    assert answer.status_code == 422, answer.text
    assert fields(answer) == [query.split("=")[0]]
    alive(reel)


@pytest.mark.parametrize("hook", ["http://LOCALHOST/x", "http://[::ffff:127.0.0.1]/x", "http://169.254.169.254/latest", "http://0x7f000001/x",
                                  "http://127.1/x"])
def test_validate_refuses_the_webhook_addresses_create_refuses(reel: ReelProcess, hook: str) -> None:
    body = {"title": "t", "clips": [CLIP], "webhook_url": hook}
    created = httpx.post(reel.base_url + "/api/v1/compositions", json=body)
    checked = httpx.post(reel.base_url + "/api/v1/compositions/validate", json=body).json()
    assert created.status_code == 422 and fields(created) == ["webhook_url"], created.text
    assert checked["valid"] is False and [p["field"] for p in checked["problems"]] == ["webhook_url"], checked
    alive(reel)


DEEP: dict[str, Any] = {"a": None}
for _ in range(10):  # deep, within the body's nesting limit (which refuses deeper bodies as a whole)
    DEEP = {"a": DEEP}


@pytest.mark.parametrize(("pairs", "field"), [
    ([{"replace": "x"}], "merge[0].find"),
    ([{"find": "A"}], "merge[0].replace"),
    ([{"find": 1e308, "replace": "x"}], "merge[0].find"),
    ([{"find": DEEP, "replace": "x"}], "merge[0].find"),
    ([{"find": "A", "replace": "x"}] * 20_000 + [{"find": ["A"], "replace": "x"}], "merge[20000].find"),
    (["find"], "merge[0]"),
])
def test_a_hostile_find_replace_pair_names_its_key(reel: ReelProcess, pairs: list[Any], field: str) -> None:
    answer = httpx.post(reel.base_url + "/api/v1/compositions", json={"title": "{{A}}", "clips": [CLIP], "merge": pairs}, timeout=30)
    assert answer.status_code == 422 and fields(answer) == [field], answer.text[:300]
    alive(reel)


def test_a_webhook_url_past_2048_characters_is_422_on_create_and_validate(reel: ReelProcess) -> None:
    body = {"title": "t", "clips": [CLIP], "webhook_url": "https://hooks.example/" + "a" * 500_000}
    for path in ("/api/v1/compositions", "/api/v1/compositions/validate"):
        answer = httpx.post(reel.base_url + path, json=body, timeout=30)
        found = answer.json()["details"] if answer.status_code == 422 else answer.json()["problems"]
        assert [problem["field"] for problem in found] == ["webhook_url"], answer.text[:300]
        assert found[0]["error_type"] == "length"
    alive(reel)


@pytest.mark.parametrize("id_", ["x" * 60_000, "%00", "..%2F..%2Fetc", "0" * 36, str(uuid.uuid4()).upper() + "-"])
def test_a_hostile_path_id_is_404_for_its_resource(reel: ReelProcess, id_: str) -> None:
    for path in ("compositions", "templates", "assets"):
        answer = httpx.get(f"{reel.base_url}/api/v1/{path}/{id_}", timeout=30)
        assert answer.status_code in (404, 414), (path, answer.status_code)
        if answer.status_code == 404:
            assert answer.json()["error_code"] == "not_found"
    alive(reel)
