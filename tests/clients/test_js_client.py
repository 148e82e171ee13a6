"""The JavaScript client (the Studio's /studio/reel-client.js) in headless Chromium against a live
Reel with keys on: a method for every operationId of openapi.json; it uploads, creates and waits
on the event stream, downloads a file ffprobe reads, names a 422's fields, and verifies a real
webhook delivery with WebCrypto (and refuses a tampered one)."""

from __future__ import annotations

import base64
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver

from browser import chromium
from recording_receiver import RecordingReceiver
from reel_support import ROOT, ReelProcess, free_port, tiny_clip, wait_for

KEY = "reel_js-client-admin-0123456789abcdef01"
SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

OPERATION_IDS = sorted(
    operation["operationId"]
    for item in json.loads((ROOT / "openapi.json").read_text())["paths"].values()
    for method, operation in item.items() if method != "parameters")


@pytest.fixture(scope="module")
def reel() -> Iterator[ReelProcess]:
    process = ReelProcess(["serve", "--workers", "1"], {
        "REEL_AUTH": "on", "REEL_API_KEYS": f"client:admin:{KEY}", "REEL_ALLOW_PRIVATE_SOURCES": "true",
        "REEL_WEBHOOK_SECRET": SECRET}, "js-client", port=free_port()).start()
    try:
        yield process
    finally:
        assert process.stop() == 0
        process.remove_folder()


@pytest.fixture
def page(reel: ReelProcess) -> Iterator[webdriver.Chrome]:
    """A page of Reel's own origin, where the module is imported as any app would."""
    driver = chromium()
    driver.set_script_timeout(300)
    try:
        driver.get(reel.base_url + "/studio/")
        yield driver
    finally:
        driver.quit()


def run(page: webdriver.Chrome, body: str, *arguments: Any) -> Any:
    """Runs `body` (async, with `client`, `module` and `args`) in the page; answers its result or `{error}`."""
    script = """
        const done = arguments[arguments.length - 1];
        const args = Array.from(arguments).slice(0, -1);
        import('/studio/reel-client.js').then(async (module) => {
            const client = new module.ReelClient({ key: args[0] });
            try { done(await (async () => { %s })()); }
            catch (error) { done({ error: String(error), status: error.status, details: error.details }); }
        });
    """ % body
    return page.execute_async_script(script, KEY, *arguments)


def test_every_operation_has_a_method(page: webdriver.Chrome) -> None:
    found = run(page, """
        return Object.entries(module.OPERATIONS).map(([id, name]) => [id, typeof client[name] === 'function']);
    """)
    assert sorted(name for name, _ in found) == OPERATION_IDS
    assert [name for name, present in found if not present] == []


def test_upload_create_wait_download_and_verify(page: webdriver.Chrome, tmp_path: Path) -> None:
    receiver = RecordingReceiver()
    clip = base64.b64encode(tiny_clip()).decode()
    answer = run(page, """
        const bytes = Uint8Array.from(atob(args[1]), (c) => c.charCodeAt(0));
        const asset = await client.uploadAsset(new Blob([bytes], { type: 'video/mp4' }));
        const progress = [];
        const video = await client.createAndWait({
            title: 'From JavaScript', webhook_url: args[2], output: { resolution: '160x90' },
            clips: [{ video_url: asset.url, start_time: 0, end_time: 1 }],
        }, { timeout: 240000, onProgress: (p) => progress.push(p) });
        const file = new Uint8Array(await (await client.downloadFile(video.id)).arrayBuffer());
        let binary = '';
        for (const byte of file) binary += String.fromCharCode(byte);
        return { status: video.status, id: video.id, file: btoa(binary), progress };
    """, clip, receiver.url)
    assert answer.get("status") == "completed", answer
    output = tmp_path / "out.mp4"
    output.write_bytes(base64.b64decode(answer["file"]))
    probe = json.loads(subprocess.run(
        ["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", str(output)],
        capture_output=True, text=True, check=True).stdout)
    picture = next(stream for stream in probe["streams"] if stream["codec_type"] == "video")
    assert (picture["width"], picture["height"]) == (160, 90)
    assert abs(float(probe["format"]["duration"]) - 1) < 0.2

    headers, body = wait_for(
        lambda: receiver.first(b"composition.completed"), 60, what="the completed delivery")
    verified = run(page, "return await module.verifyWebhook(args[1], args[2], args[3]);", SECRET, headers, body.decode())
    assert verified.get("data", {}).get("composition_id") == answer["id"], verified
    tampered = run(page, "return await module.verifyWebhook(args[1], args[2], args[3]);",
                   SECRET, headers, body.decode().replace("completed", "cancelled"))
    assert "no signature matches" in tampered.get("error", ""), tampered
    receiver.stop()


def test_a_refusal_names_its_fields(page: webdriver.Chrome) -> None:
    refused = run(page, """
        await client.create({ title: 'Backwards', clips: [{ video_url: 'https://example.com/a.mp4', start_time: 2, end_time: 1 }] });
        return { accepted: true };
    """)
    assert refused.get("status") == 422, refused
    assert "clips[0].end_time" in [detail.get("field") for detail in refused["details"]]
