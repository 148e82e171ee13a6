"""Helpers the Python test suites share: the seed's source media in S3, Reel processes, waiting.

The seed payloads read `https://test-bucket.s3.amazonaws.com/videoN.mp4`, `music.mp3` and
`voice.mp3`. `seed_sources()` generates them with ffmpeg (10 s each, 1280x720 at 30 fps with
a keyframe every second, H.264 + AAC, so the 720p payloads can take Reel's stream-copy path)
and uploads them to the S3 endpoint of `AWS_ENDPOINT_URL`, where Reel reads them through its
configured credentials once `test-bucket` is listed in `REEL_SOURCE_BUCKETS` (``SEED_SOURCES``).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TypeVar
from urllib.parse import urlsplit, urlunsplit

import boto3
import httpx

ROOT = Path(__file__).resolve().parents[2]
SEED_PAYLOADS = ROOT.parent / "shared" / "seed" / "payloads"
FIXTURE_PAYLOADS = ROOT / "Tests" / "Fixtures" / "seed-payloads"
T = TypeVar("T")
#: The setting under which Reel reads the seed's sources with its S3 credentials: an operator
#: lists the buckets compositions may name (Reel's own storage is never read by URL).
SEED_SOURCES = {"REEL_SOURCE_BUCKETS": "test-bucket"}


def payload_folder() -> Path:
    """The seed's request bodies (the copy in Tests/Fixtures when the seed is not beside the repo)."""
    return SEED_PAYLOADS if SEED_PAYLOADS.is_dir() else FIXTURE_PAYLOADS


def reel_binary() -> Path:
    """`REEL_BINARY`, else the debug build `scripts/test` makes."""
    binary = Path(os.environ.get("REEL_BINARY", ROOT / ".build" / "debug" / "reel"))
    if not binary.exists():
        raise RuntimeError(f"{binary} does not exist; build Reel first (swift build)")
    return binary


def wait_for(check: Callable[[], T | None], timeout: float, interval: float = 0.1, what: str = "condition") -> T:
    """Polls `check` until it returns something truthy; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def s3_client() -> Any:
    """An S3 client on `AWS_ENDPOINT_URL` (boto3 ships no type information)."""
    return boto3.client(
        "s3",
        endpoint_url=os.environ["AWS_ENDPOINT_URL"],
        region_name=os.environ.get("AWS_REGION", "us-east-1"),
        aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"],
    )


def _generate(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    for index in range(10):
        target = folder / f"video{index}.mp4"
        if not target.exists():
            subprocess.run(
                ["ffmpeg", "-v", "error", "-y",
                 "-f", "lavfi", "-i", f"testsrc2=size=1280x720:rate=30:duration=10",
                 "-f", "lavfi", "-i", f"sine=frequency={300 + 50 * index}:sample_rate=48000:duration=10",
                 "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "30",
                 "-keyint_min", "30", "-sc_threshold", "0", "-bf", "0", "-b:v", "2M",
                 "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-shortest", "-movflags", "+faststart",
                 str(target) + ".part.mp4"],
                check=True,
            )
            os.replace(str(target) + ".part.mp4", target)
        files.append(target)
    for name, frequency in (("music.mp3", 220), ("voice.mp3", 660)):
        target = folder / name
        if not target.exists():
            subprocess.run(
                ["ffmpeg", "-v", "error", "-y", "-f", "lavfi",
                 "-i", f"sine=frequency={frequency}:sample_rate=44100:duration=30",
                 "-c:a", "libmp3lame", "-b:a", "128k", str(target) + ".part.mp3"],
                check=True,
            )
            os.replace(str(target) + ".part.mp3", target)
        files.append(target)
    return files


def seed_sources(bucket: str = "test-bucket") -> None:
    """Makes the seed's sources exist in `bucket` of the configured S3 endpoint (idempotent)."""
    folder = Path(tempfile.gettempdir()) / "reel-seed-media"
    files = _generate(folder)
    client = s3_client()
    try:
        client.head_bucket(Bucket=bucket)
    except Exception:  # noqa: BLE001 - any failure means "create it"
        client.create_bucket(Bucket=bucket)
    for path in files:
        try:
            if client.head_object(Bucket=bucket, Key=path.name)["ContentLength"] == path.stat().st_size:
                continue
        except Exception:  # noqa: BLE001 - missing object
            pass
        client.upload_file(str(path), bucket, path.name)


def new_database() -> str:
    """Creates an empty database on the test PostgreSQL server; returns its URL."""
    admin = os.environ["REEL_TEST_DATABASE_URL"]
    parts = urlsplit(admin)
    name = f"reel_py_{uuid.uuid4().hex[:12]}"
    env = dict(os.environ, PGPASSWORD=parts.password or "")
    subprocess.run(
        ["psql", "-q", "-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432), "-U", parts.username or "reel",
         "-d", "postgres", "-c", f"CREATE DATABASE {name}"],
        check=True, env=env, stdout=subprocess.DEVNULL,
    )
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def answers(url: str) -> bool:
    """Whether `url` answers 200 now (False while nothing listens there yet)."""
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def read_until_closed(sock: socket.socket) -> bytes:
    """Everything a server sends on `sock` until it closes the connection (or its timeout passes)."""
    chunks = []
    while True:
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def tiny_clip() -> bytes:
    """One second of 160x90 test video with a tone, made by ffmpeg."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "clip.mp4"
        subprocess.run(
            ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25:duration=1",
             "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=1",
             "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(target)],
            check=True,
        )
        return target.read_bytes()


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class ReelProcess:
    """One `reel` process (API or worker) with its own data folder and log file."""

    args: list[str]
    env: dict[str, str]
    name: str
    port: int | None = None
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="reel-proc-")))
    process: subprocess.Popen[bytes] | None = None
    #: Runs the binary under another program (a profiler: `["heaptrack", "-o", path]`).
    launcher: list[str] = field(default_factory=list)

    @property
    def log_path(self) -> Path:
        return self.folder / f"{self.name}.log"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "ReelProcess":
        env = dict(os.environ, **self.env, REEL_DATA_DIR=str(self.folder / "data"))
        args = [*self.launcher, str(reel_binary()), *self.args]
        if self.port is not None:
            args += ["--port", str(self.port)]
        log = open(self.log_path, "wb")
        self.process = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT)
        if self.port is not None:
            wait_for(self._healthy, timeout=60, interval=0.1, what=f"{self.name} to answer /health")
        return self

    def _healthy(self) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            raise AssertionError(f"{self.name} exited with {self.process.returncode}:\n{self.log()}")
        try:
            return httpx.get(self.base_url + "/health", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def remove_folder(self) -> None:
        """Removes the data folder and log (after a passing run; CI keeps nothing)."""
        import shutil

        shutil.rmtree(self.folder, ignore_errors=True)

    def stop(self) -> int:
        """SIGTERM and wait; returns the exit code."""
        if self.process is None:
            return 0
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return int(self.process.returncode)
