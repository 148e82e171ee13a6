"""A worker's death takes its renders with it: ffmpeg children of a SIGKILLed `reel work` die at
once (the parent-death signal), and a worker starting after one that died kills what still works
in the dead one's scratch folder. Processes are read from /proc, not from Reel."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx

from reel_support import ReelProcess, free_port, new_database, tiny_clip, wait_for


def children(pid: int, name: str) -> list[int]:
    """Live (not zombie) processes called `name` whose parent is `pid`."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        command = text[text.index("(") + 1:text.rindex(")")]
        state, parent = text[text.rindex(")") + 2:].split()[:2]
        if int(parent) == pid and command == name and state != "Z":
            found.append(int(stat.parent.name))
    return found


def heartbeats(database: Path) -> int:
    """Worker heartbeat rows in a Reel SQLite file (0 until the schema and a worker exist)."""
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
            return int(connection.execute("SELECT count(*) FROM workers").fetchone()[0])
    except sqlite3.Error:
        return 0


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return state[state.rindex(")") + 2] != "Z"


def test_a_sigkilled_worker_leaves_no_ffmpeg_running() -> None:
    env = {"REEL_DATABASE_URL": new_database(), "REEL_STORAGE_URL": f"s3://reel-ops/{uuid.uuid4().hex[:12]}"}
    api = ReelProcess(["serve", "--workers", "0"], env, "death-api", port=free_port()).start()
    worker = ReelProcess(["work", "--workers", "1"], env, "death-worker").start()
    try:
        asset = httpx.post(f"{api.base_url}/api/v1/assets", content=tiny_clip(), headers={"Content-Type": "video/mp4"}).json()
        # Long enough to be caught mid-encode: 30 s of 1080p from a one-second source holding its last frame.
        created = httpx.post(f"{api.base_url}/api/v1/compositions", json={
            "title": "killed mid-render", "output": {"resolution": "1080p", "quality": "high"},
            "clips": [{"video_url": asset["url"], "start_time": 0, "end_time": 30}]})
        assert created.status_code == 202, created.text
        assert worker.process is not None
        worker_pid = worker.process.pid
        encoders = wait_for(lambda: children(worker_pid, "ffmpeg"), timeout=60, interval=0.05,
                            what="the worker to start ffmpeg")
        worker.kill()
        started = time.monotonic()
        while any(alive(pid) for pid in encoders) and time.monotonic() - started < 1:
            time.sleep(0.02)
        assert not any(alive(pid) for pid in encoders), f"ffmpeg {encoders} outlived its worker by more than 1 s"
    finally:
        worker.kill()
        assert api.stop() == 0
    api.remove_folder()
    worker.remove_folder()


def test_a_starting_worker_kills_what_works_in_a_dead_workers_folder() -> None:
    worker = ReelProcess(["work", "--workers", "1"], {}, "reaper")
    dead = subprocess.Popen(["true"])  # its pid names a process that is gone
    dead.wait()
    folder = worker.folder / "data" / "tmp" / f"jobs-{dead.pid}"
    folder.mkdir(parents=True)
    # Stands in for an ffmpeg left by a worker that died: its command line names the folder.
    orphan = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)", str(folder / "output.mp4")])
    worker.start()
    try:
        assert orphan.wait(timeout=30) == -9
        wait_for(lambda: not folder.exists(), timeout=10, what="the dead worker's folder to be removed")
        # The reaping happens while the worker starts; SIGTERM is handled once its services run
        # (its first heartbeat row), and a signal before that ends it as the default action does.
        wait_for(lambda: heartbeats(worker.folder / "data" / "reel.sqlite") > 0, timeout=30, what="the worker's first heartbeat")
    finally:
        orphan.kill()
        assert worker.stop() == 0
    worker.remove_folder()
