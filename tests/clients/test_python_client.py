"""The Python client generated from openapi.json, against a live Reel with keys on: it is what
the generator makes of today's document; it uploads, creates and waits (following the event
stream), downloads a file that ffprobe reads, reports a 422's field path, and verifies a real
webhook delivery as the `standardwebhooks` reference package does."""

from __future__ import annotations

import io
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from standardwebhooks.webhooks import Webhook

from reel_client import AuthenticatedClient
from reel_client.api.assets import upload_asset
from reel_client.api.compositions import create_composition
from reel_client.helpers import ReelAPIError, WebhookVerificationError, create_and_wait, download, follow_events, verify_webhook
from reel_client.models.asset import Asset
from reel_client.models.composition import Composition
from reel_client.models.composition_request import CompositionRequest
from reel_client.types import File
from recording_receiver import RecordingReceiver
from reel_support import ROOT, ReelProcess, free_port, tiny_clip, wait_for

KEY = "reel_python-client-admin-0123456789abcdef"
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


def test_the_committed_client_is_what_the_generator_makes_of_openapi_json() -> None:
    result = subprocess.run([str(ROOT / "scripts" / "generate-clients"), "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


@pytest.fixture(scope="module")
def reel() -> Iterator[ReelProcess]:
    process = ReelProcess(["serve", "--workers", "1"], {
        "REEL_AUTH": "on", "REEL_API_KEYS": f"client:admin:{KEY}", "REEL_ALLOW_PRIVATE_SOURCES": "true",
        "REEL_WEBHOOK_SECRET": SECRET}, "python-client", port=free_port()).start()
    try:
        yield process
    finally:
        assert process.stop() == 0
        process.remove_folder()


def upload(client: AuthenticatedClient) -> str:
    answer = upload_asset.sync(client=client, body=File(payload=io.BytesIO(tiny_clip()), mime_type="video/mp4"))
    assert isinstance(answer, Asset), answer
    return str(answer.url)


def probe(path: Path) -> dict[str, Any]:
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", str(path)], capture_output=True, text=True, check=True)
    found: dict[str, Any] = json.loads(result.stdout)
    return found


def test_create_wait_download_and_verify_the_webhook(reel: ReelProcess, tmp_path: Path) -> None:
    receiver = RecordingReceiver()
    with AuthenticatedClient(base_url=reel.base_url, token=KEY) as client:
        source = upload(client)
        video = create_and_wait(client, {
            "title": "From Python", "webhook_url": receiver.url,
            "output": {"resolution": "160x90"}, "clips": [{"video_url": source, "start_time": 0, "end_time": 1}]}, timeout=300)
        assert isinstance(video, Composition)
        assert str(video.status) == "completed", video.to_dict()
        file = download(client, video.id, tmp_path / "out.mp4")
        media = probe(file)
        picture = next(stream for stream in media["streams"] if stream["codec_type"] == "video")
        assert (picture["width"], picture["height"]) == (160, 90)
        assert abs(float(media["format"]["duration"]) - 1) < 0.2

    completed = wait_for(
        lambda: receiver.first(b"composition.completed"), 60, what="the completed delivery")
    headers, body = completed
    event = verify_webhook(SECRET, headers, body)
    assert event == Webhook(SECRET).verify(body, headers)  # the reference implementation agrees
    assert event["data"]["composition_id"] == str(video.id)
    with pytest.raises(WebhookVerificationError):
        verify_webhook(SECRET, headers, body.replace(b"completed", b"cancelled"))
    with pytest.raises(WebhookVerificationError):
        verify_webhook("whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY", headers, body)
    receiver.stop()


def test_events_stream_until_the_end(reel: ReelProcess) -> None:
    with AuthenticatedClient(base_url=reel.base_url, token=KEY) as client:
        source = upload(client)
        created = create_composition.sync(client=client, body=CompositionRequest.from_dict({
            "title": "Followed", "output": {"resolution": "160x90"}, "clips": [{"video_url": source, "start_time": 0, "end_time": 1}]}))
        assert isinstance(created, Composition)
        kinds = [event.event for event in follow_events(client, UUID(str(created.id)), timeout=300)]
    assert kinds[0] == "composition.queued" and kinds[-1] == "composition.completed", kinds
    assert "composition.processing" in kinds


def test_a_refusal_names_its_field(reel: ReelProcess) -> None:
    with AuthenticatedClient(base_url=reel.base_url, token=KEY) as client:
        with pytest.raises(ReelAPIError) as refused:
            create_and_wait(client, {"title": "Backwards", "clips": [{"video_url": "https://example.com/a.mp4", "start_time": 2, "end_time": 1}]})
    assert refused.value.status == 422 and refused.value.code == "validation_error"
    assert "clips[0].end_time" in refused.value.fields, refused.value.details
    with AuthenticatedClient(base_url=reel.base_url, token="reel_wrong-key-0123456789abcdef0123") as stranger:
        with pytest.raises(ReelAPIError) as unauthorized:
            create_and_wait(stranger, {"title": "Nope", "clips": [{"video_url": "https://example.com/a.mp4", "start_time": 0, "end_time": 1}]})
    assert unauthorized.value.status == 401
