"""Captions through `reel serve`: the sidecar WebVTT a client downloads is read by webvtt-py (a
parser from another project), with the cues, times and text the request gave; no cue text can
end its cue or start another."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import httpx
import webvtt

from reel_support import ReelProcess, free_port, wait_for

CUES = [
    {"start": 0.5, "end": 1.25, "text": "First & <second>"},
    {"start": 1.5, "end": 2.75, "text": "Two\nlines --> kept"},
    {"start": 62.0, "end": 63.0, "text": "past the end is kept in the sidecar"},
    # A blank line would end the cue and let the rest start cues of its own (issue 22).
    {"start": 63.0, "end": 64.0, "text": "ok\r\n\r\n00:00:00.000 --> 09:00:00.000\nINJECTED\u2028NOTE x"},
]


def test_the_sidecar_parses_as_webvtt_with_the_cues_given() -> None:
    server = ReelProcess(["serve"], {}, "captions", port=free_port()).start()
    try:
        with tempfile.TemporaryDirectory() as folder, httpx.Client(base_url=server.base_url, timeout=30) as client:
            clip = Path(folder) / "clip.mp4"
            subprocess.run(
                ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=30:duration=3", "-f", "lavfi", "-i",
                 "sine=frequency=440:duration=3", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", str(clip)],
                check=True,
            )
            asset = client.post("/api/v1/assets", content=clip.read_bytes(), headers={"Content-Type": "video/mp4"}).json()["url"]
            body = {
                "title": "captions",
                "clips": [{"video_url": asset, "start_time": 0, "end_time": 3}],
                "output": {"resolution": "160x90"},
                "captions": {"cues": CUES, "sidecar": True, "style": {"background_color": "#00000080"}},
            }
            created = client.post("/api/v1/compositions", json=body)
            assert created.status_code == 202, created.text
            status_url = f"/api/v1/compositions/{created.json()['id']}"

            def settled() -> dict[str, object] | None:
                status: dict[str, object] = client.get(status_url + "/status").json()
                return status if status["status"] in ("completed", "failed") else None

            assert wait_for(settled, timeout=120, interval=0.2, what="the render")["status"] == "completed"
            assert "captions_burned" in client.get(status_url + "/metadata").json()["applied_effects"]
            link = client.get(status_url + "/download").json()["captions_url"]
            response = httpx.get(link)
            assert response.status_code == 200 and response.headers["content-type"].startswith("text/vtt")
            parsed = webvtt.from_string(response.text, strict=True)
            assert [(c.start_in_seconds + c.start_time.milliseconds / 1000, c.end_in_seconds + c.end_time.milliseconds / 1000)
                    for c in parsed.captions] == [(cue["start"], cue["end"]) for cue in CUES]
            assert [c.text for c in parsed.captions] == [
                "First &amp; &lt;second&gt;", "Two\nlines --&gt; kept", "past the end is kept in the sidecar",
                "ok\n00:00:00.000 --&gt; 09:00:00.000\nINJECTED\nNOTE x"]
    finally:
        assert server.stop() == 0
    server.remove_folder()
