"""Segment-parallel rendering across processes: one API and two `reel work` processes of the built
binary on one PostgreSQL database and one S3 bucket (SeaweedFS), REEL_SEGMENT_SECONDS=2 so tiny
compositions make several parts. Checked with ffprobe/ffmpeg, independently of Reel:

- a segmented render is frame-exact (frames, constant timestamp step, A/V, no decode errors)
  and matches the same composition rendered by one ffmpeg process (`reel render`) frame by frame;
- its parts were rendered by both processes;
- a part's worker SIGKILLed mid-part: that part alone is rescued, the composition keeps its attempt;
- cancelling the composition stops every part's ffmpeg on every worker.

Needs REEL_TEST_DATABASE_URL, AWS_ENDPOINT_URL and AWS credentials (`eval "$(scripts/services env)"`).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from reel_support import ReelProcess, free_port, new_database, reel_binary, wait_for

pytestmark = pytest.mark.skipif(
    not os.environ.get("REEL_TEST_DATABASE_URL") or not os.environ.get("AWS_ENDPOINT_URL"),
    reason="needs PostgreSQL and S3: eval \"$(scripts/services env)\"",
)


@dataclass
class Farm:
    api: ReelProcess
    workers: list[ReelProcess]
    media: Path

    @property
    def url(self) -> str:
        return self.api.base_url

    def upload(self, path: Path) -> str:
        response = httpx.post(f"{self.url}/api/v1/assets", content=path.read_bytes(), timeout=60)
        assert response.status_code == 201, response.text
        return str(response.json()["url"])

    def create(self, body: dict[str, object]) -> str:
        response = httpx.post(f"{self.url}/api/v1/compositions/", json=body, timeout=10)
        assert response.status_code == 202, response.text
        return str(response.json()["id"])

    def get(self, composition: str, what: str) -> dict[str, Any]:
        response = httpx.get(f"{self.url}/api/v1/compositions/{composition}/{what}", timeout=10)
        assert response.status_code == 200, response.text
        return dict(response.json())

    def settle(self, composition: str, timeout: float = 240) -> dict[str, Any]:
        def settled() -> dict[str, Any] | None:
            status = self.get(composition, "status")
            return status if status["status"] in ("completed", "failed", "cancelled") else None

        return wait_for(settled, timeout=timeout, interval=0.2, what=f"{composition} to settle")

    def download(self, composition: str, path: Path) -> Path:
        link = self.get(composition, "download")
        path.write_bytes(httpx.get(str(link["download_url"]), timeout=60).content)
        return path


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True)


def make_clip(path: Path, size: str, seconds: float, tone: int) -> Path:
    ffmpeg("-f", "lavfi", "-i", f"testsrc2=size={size}:rate=30:duration={seconds}", "-f", "lavfi", "-i",
           f"sine=frequency={tone}:sample_rate=48000:duration={seconds}", "-c:v", "libx264", "-preset", "ultrafast",
           "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(path))
    return path


@pytest.fixture(scope="module")
def farm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Farm]:
    media = tmp_path_factory.mktemp("segments")
    env = {
        "REEL_DATABASE_URL": new_database(),
        "REEL_STORAGE_URL": f"s3://reel-segments-{uuid.uuid4().hex[:8]}/renders",
        "REEL_LEASE_SECONDS": "3",
        "REEL_SEGMENT_SECONDS": "2",
        "REEL_SECRET": "segments-secret-0123456789",
        "REEL_DATABASE_POOL_SIZE": "4",
    }
    api = ReelProcess(["serve", "--workers", "0"], env, "api", port=free_port())
    workers = [ReelProcess(["work", "--workers", "1"], env, f"worker{n}") for n in range(2)]
    farm = Farm(api, workers, media)
    try:
        api.start()
        for worker in workers:
            worker.start()
        wait_for(lambda: all("listening" in w.log() or w.log() for w in workers), timeout=15, what="workers to start")
        yield farm
    finally:
        for process in [farm.api, *farm.workers]:
            process.stop()
            process.remove_folder()


def two_clips(first: str, second: str, title: str, music: str | None = None) -> dict[str, object]:
    """Three pieces (a span, a 0.5 s fade, a span) over 12 s: one process when segments are long."""
    body: dict[str, object] = {
        "title": "segments",
        "clips": [
            {"video_url": first, "start_time": 0, "end_time": 6, "trim_start": 0},
            {"video_url": second, "start_time": 5.5, "end_time": 12, "trim_start": 0,
             "transition": {"type": "fade", "duration": 0.5}},
        ],
        "overlays": [{"text": title, "start_time": 1, "end_time": 7, "position": "center", "font_size": 24}],
        # A high bitrate for 160x90, so two encodes differ by rendering, not by the encoder's noise (~33 dB at its default CRF).
        "output": {"resolution": "160x90", "fps": 30, "bitrate": 4_000_000},
    }
    if music:
        body["audio"] = {"music_url": music, "music_volume": 0.5}
    return body


def probe_json(path: Path, *args: str) -> dict[str, Any]:
    out = subprocess.run(["ffprobe", "-v", "error", "-of", "json", *args, str(path)], check=True, capture_output=True, text=True)
    return dict(json.loads(out.stdout))


def worst_psnr(a: Path, b: Path) -> tuple[float, int]:
    stats = a.with_suffix(".psnr")
    ffmpeg("-i", str(a), "-i", str(b), "-lavfi", f"[0:v][1:v]psnr=stats_file={stats}", "-f", "null", "-")
    values = []
    for line in stats.read_text().splitlines():
        match = re.search(r"psnr_avg:(\S+)", line)
        if match:
            values.append(float("inf") if match.group(1) == "inf" else float(match.group(1)))
    return min(values), len(values)


def test_segmented_render_is_frame_exact_and_matches_one_process(farm: Farm) -> None:
    first = make_clip(farm.media / "a.mp4", "160x90", 7, 440)
    second = make_clip(farm.media / "b.mp4", "160x90", 7, 660)
    music = farm.media / "music.mp3"
    ffmpeg("-f", "lavfi", "-i", "sine=frequency=220:sample_rate=44100:duration=20", str(music))
    title = f"Seams {uuid.uuid4().hex[:6]}"
    composition = farm.create(two_clips(farm.upload(first), farm.upload(second), title, farm.upload(music)))
    status = farm.settle(composition)
    assert status["status"] == "completed", status
    assert status["attempt"] == 1
    cache = farm.get(composition, "metadata")["cache"]
    assert isinstance(cache, dict)
    parts = cache["parts"]
    assert isinstance(parts, list) and len(parts) >= 6, cache
    assert all(part["status"] == "done" and part["attempt"] == 1 for part in parts), parts
    assert [part["position"] for part in parts][-1] == -1, "the audio pass comes last"
    processes = {str(part["worker"]).split("/")[0] for part in parts}
    pids = {str(worker.process.pid) for worker in farm.workers if worker.process}
    assert {p.rsplit("-", 1)[-1] for p in processes} == pids, f"parts by {processes}, workers {pids}"
    output = farm.download(composition, farm.media / "segmented.mp4")

    # Independent checks of the file: every frame, a constant step, sound as long as the picture, no decode error.
    counted = probe_json(output, "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames,duration")
    video = counted["streams"][0]
    assert int(video["nb_read_frames"]) == 360
    frames = probe_json(output, "-select_streams", "v:0", "-show_entries", "frame=best_effort_timestamp_time")["frames"]
    times = [float(frame["best_effort_timestamp_time"]) for frame in frames]
    steps = [b - a for a, b in zip(times, times[1:])]
    assert all(abs(step - 1 / 30) < 1e-3 for step in steps), sorted(set(round(s, 4) for s in steps))
    audio = probe_json(output, "-select_streams", "a:0", "-show_entries", "stream=duration")["streams"][0]
    assert abs(float(audio["duration"]) - float(video["duration"])) <= 1 / 30
    # Each segment starts on a keyframe (its own closed GOP), wherever the stitch put it.
    keyframes = [float(frame["best_effort_timestamp_time"]) for frame in probe_json(
        output, "-select_streams", "v:0", "-skip_frame", "nokey", "-show_entries", "frame=best_effort_timestamp_time")["frames"]]
    starts, at = [], 0.0
    for part in sorted((p for p in parts if p["position"] >= 0), key=lambda p: p["position"]):
        starts.append(at)
        at += float(part["duration"])
    assert abs(at - 12) < 1e-3, "the segments cover the video"
    assert all(any(abs(k - start) < 1e-3 for k in keyframes) for start in starts), (starts, keyframes)
    decoded = subprocess.run(["ffmpeg", "-v", "error", "-i", str(output), "-f", "null", "-"], capture_output=True, text=True)
    assert decoded.returncode == 0 and decoded.stderr.strip() == "", decoded.stderr

    # The same composition in one ffmpeg process (`reel render`, segments longer than the video).
    spec = farm.media / "spec.json"
    spec.write_text(json.dumps(two_clips(str(first), str(second), title, str(music))))
    single = farm.media / "single.mp4"
    env = dict(os.environ, REEL_SEGMENT_SECONDS="600", REEL_DATA_DIR=str(farm.media / "render-data"))
    result = subprocess.run([str(reel_binary()), "render", str(spec), "-o", str(single)], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    psnr, compared = worst_psnr(output, single)
    assert compared == 360
    assert psnr >= 35, f"worst frame {psnr:.1f} dB"


def running_part(worker: ReelProcess, composition: str) -> bool:
    return any("part started" in line and composition in line for line in worker.log().splitlines())


def test_sigkilled_part_worker_is_rescued_alone(farm: Farm) -> None:
    clips = [farm.upload(make_clip(farm.media / f"hd{n}.mp4", "1920x1080", 7, 300 + 100 * n)) for n in range(2)]
    composition = farm.create(two_clips(clips[0], clips[1], f"Rescue {uuid.uuid4().hex[:6]}") | {
        "output": {"resolution": "1080p", "fps": 30}})
    # The coordinator takes the composition; the other process takes parts: kill it as one starts.
    coordinator = wait_for(lambda: next((w for w in farm.workers if f"composition_id={composition}" in w.log()
                                         and "rendering" in w.log()), None), timeout=60, what="a worker to take the job")
    helper = next(w for w in farm.workers if w is not coordinator)
    wait_for(lambda: running_part(helper, composition), timeout=60, interval=0.02, what="the other worker to take a part")
    helper.kill()
    status = farm.settle(composition)
    assert status["status"] == "completed", status
    assert status["attempt"] == 1, "the composition itself was not retried"
    parts = farm.get(composition, "metadata")["cache"]["parts"]
    attempts = sorted(part["attempt"] for part in parts)
    assert attempts.count(2) == 1 and attempts.count(1) == len(attempts) - 1, parts
    assert helper.process is not None
    rescued = next(part for part in parts if part["attempt"] == 2)
    assert not str(rescued["worker"]).endswith(f"-{helper.process.pid}"), rescued
    farm.workers[farm.workers.index(helper)] = ReelProcess(helper.args, helper.env, helper.name + "b").start()


def ffmpeg_under(folder: Path) -> list[int]:
    """ffmpeg processes whose command line names a file under `folder`."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            command = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        if b"ffmpeg" in command and str(folder).encode() in command:
            found.append(int(entry))
    return found


def test_cancel_stops_every_part_on_every_worker(farm: Farm) -> None:
    clips = [farm.upload(make_clip(farm.media / f"long{n}.mp4", "1920x1080", 7, 500 + 100 * n)) for n in range(2)]
    composition = farm.create(two_clips(clips[0], clips[1], f"Cancel {uuid.uuid4().hex[:6]}") | {
        "output": {"resolution": "1080p", "fps": 30}})
    wait_for(lambda: all(running_part(w, composition) for w in farm.workers), timeout=60, interval=0.02,
             what="both workers to render parts")
    response = httpx.post(f"{farm.url}/api/v1/compositions/{composition}/cancel", timeout=10)
    assert response.status_code == 200, response.text
    wait_for(lambda: not any(ffmpeg_under(w.folder) for w in farm.workers), timeout=5, interval=0.05,
             what="every part's ffmpeg to stop")
    assert farm.get(composition, "status")["status"] == "cancelled"
    time.sleep(1)
    assert not any(ffmpeg_under(w.folder) for w in farm.workers), "a part started after the cancel"
