"""Reel Studio in a real browser (headless Chromium through selenium) against the built binary:
drag-and-drop upload, the editor's problems by path, the preview slider, submitting, a row's
progress moving live from the event stream, playing the output, cancelling, a template's form,
a read key's pages without write buttons, keys created and shown once, an XSS title shown as
text; and on every page axe (no serious or critical violation), the keyboard reaching every
control, no script error, and a screenshot."""

from __future__ import annotations

import base64
import json
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from axe_selenium_python import Axe
from selenium.common.exceptions import NoAlertPresentException, NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from reel_support import ReelProcess, free_port, wait_for

ADMIN_KEY = "studio-admin-key-0123456789abcdef"
READ_KEY = "studio-read-key-0123456789abcdef"
PAGES = ["compositions", "editor", "assets", "templates", "keys", "system"]


def make_clip(folder: Path, seconds: int = 3) -> Path:
    clip = folder / f"clip-{seconds}.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"testsrc2=size=160x90:rate=15:duration={seconds}",
                    "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                    "-g", "15", "-c:a", "aac", "-shortest", str(clip)], check=True)
    return clip


@pytest.fixture(scope="module")
def reel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReelProcess]:
    server = ReelProcess(["serve"], {"REEL_WORKERS": "1"}, "studio", port=free_port()).start()
    yield server
    assert server.stop() == 0, server.log()
    server.remove_folder()


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clip(tmp_path_factory.mktemp("studio-media"))


def attribute(browser: WebDriver, by: str, selector: str, name: str) -> str | None:
    """An element's attribute (its text for `text`), or None while the page has not drawn the
    element yet or is drawing it again: for polling with wait_for."""
    try:
        element = browser.find_element(by, selector)
        return str(element.text) if name == "text" else element.get_attribute(name)
    except (NoSuchElementException, StaleElementReferenceException):
        return None


def studio(browser: WebDriver, reel: ReelProcess, route: str) -> None:
    """Opens a page of the Studio and waits for its heading."""
    browser.get(f"{reel.base_url}/studio/#/{route}")
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "main h1"), 15, what=f"the {route} page")


def script_errors(browser: WebDriver) -> list[str]:
    """Errors the page's scripts raised (failed requests the test asked for are not errors)."""
    return [entry["message"] for entry in browser.get_log("browser")
            if entry["level"] == "SEVERE" and "Failed to load resource" not in entry["message"]]


def upload(reel: ReelProcess, clip: Path) -> dict[str, Any]:
    answer = httpx.post(f"{reel.base_url}/api/v1/assets", content=clip.read_bytes(), headers={"Content-Type": "video/mp4"})
    assert answer.status_code == 201, answer.text
    asset: dict[str, Any] = answer.json()
    return asset


def composition(asset_url: str, title: str = "Studio test", seconds: float = 3, clips: int = 1) -> dict[str, Any]:
    return {
        "title": title,
        "clips": [{"video_url": asset_url, "start_time": index * seconds, "end_time": (index + 1) * seconds} for index in range(clips)],
        "overlays": [{"text": "Hello", "position": "bottom_center", "start_time": 0, "end_time": seconds}],
        "output": {"resolution": "320x180", "format": "mp4", "fps": 15},
    }


def create(reel: ReelProcess, body: dict[str, Any], headers: dict[str, str] | None = None) -> str:
    answer = httpx.post(f"{reel.base_url}/api/v1/compositions", json=body, headers=headers or {})
    assert answer.status_code == 202, answer.text
    return str(answer.json()["id"])


def status(reel: ReelProcess, identifier: str) -> str:
    return str(httpx.get(f"{reel.base_url}/api/v1/compositions/{identifier}").json()["status"])


def set_source(browser: WebDriver, text: str) -> None:
    """Replaces the editor's text as a person would: select all, then type."""
    source = browser.find_element(By.ID, "source")
    source.click()
    source.send_keys(Keys.CONTROL, "a")
    source.send_keys(Keys.DELETE)
    # Typed as one line: the textarea keeps what is typed, without an editor's auto-indent.
    source.send_keys(json.dumps(json.loads(text)))


def check_page(browser: WebDriver, name: str, screenshots: Path) -> None:
    """axe finds no serious or critical violation, the keyboard reaches every control, no script
    error was raised, and the page is saved as a picture."""
    axe = Axe(browser)
    axe.inject()
    results = axe.run()
    bad = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
           for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, f"{name}: {bad}"
    unreached = keyboard_unreached(browser)
    assert not unreached, f"{name}: the keyboard does not reach {unreached}"
    errors = script_errors(browser)
    assert not errors, f"{name}: {errors}"
    browser.execute_script("document.activeElement?.blur(); window.scrollTo(0, 0)")
    browser.save_screenshot(str(screenshots / f"{name}.png"))


def keyboard_unreached(browser: WebDriver) -> list[str]:
    """Every visible, enabled control tabbed to from the top of the page; the ones Tab never reached."""
    controls: list[str] = browser.execute_script("""
        const selector = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
        const seen = [];
        document.querySelectorAll(selector).forEach((element, index) => {
          const box = element.getBoundingClientRect();
          const style = getComputedStyle(element);
          if (element.closest('[hidden]') || style.visibility === 'hidden' || (box.width === 0 && box.height === 0 && style.position !== 'absolute')) return;
          if (element.type === 'radio' && !element.checked && document.querySelector(`input[name="${element.name}"]:checked`)) return;
          element.dataset.kbd = String(index);
          seen.push(String(index));
        });
        document.activeElement?.blur();
        window.scrollTo(0, 0);
        return seen;""")
    reached: set[str] = set()
    for _ in range(len(controls) + 15):
        # Key presses to the page, not to an element (one sent to a file input would name a file).
        ActionChains(browser).send_keys(Keys.TAB).perform()
        key = browser.execute_script("return document.activeElement?.dataset?.kbd ?? null")
        if key is not None:
            reached.add(key)
        if reached >= set(controls):
            break
    missing: list[str] = browser.execute_script(
        "return arguments[0].map(k => document.querySelector(`[data-kbd='${k}']`)?.outerHTML.slice(0, 120))",
        sorted(set(controls) - reached))
    return missing


def drop_file(browser: WebDriver, target_id: str, name: str, content: bytes, mime: str) -> None:
    """Drops a file on an element as a drag from the desktop does (a DataTransfer holding a File)."""
    browser.execute_script("""
        const [id, name, data, type] = arguments;
        const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, {type}));
        const target = document.getElementById(id);
        for (const kind of ['dragenter', 'dragover', 'drop']) {
          target.dispatchEvent(new DragEvent(kind, {bubbles: true, cancelable: true, dataTransfer: transfer}));
        }""", target_id, name, base64.b64encode(content).decode(), mime)


def test_design_preview_submit_and_follow(reel: ReelProcess, clip: Path, browser: WebDriver, screenshots: Path) -> None:
    # Assets: a file dropped on the zone is uploaded with a progress bar, then listed with its facts.
    studio(browser, reel, "assets")
    drop_file(browser, "dropzone", "dropped.mp4", clip.read_bytes(), "video/mp4")
    row = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#assets tr[data-id]"), 30, what="the dropped file's row")[0]
    asset_id = row.get_attribute("data-id")
    assert browser.find_element(By.ID, "upload-progress").get_attribute("value") in ("100", "1", "1.0"), "the upload's bar is full"
    listed = httpx.get(f"{reel.base_url}/api/v1/assets/{asset_id}").json()
    assert listed["size_bytes"] == clip.stat().st_size and abs(listed["duration"] - 3) < 0.2
    wait_for(lambda: browser.execute_script("const i = document.querySelector('#assets img'); return i && i.complete && i.naturalWidth > 0"),
             15, what="the thumbnail")
    check_page(browser, "assets", screenshots)

    # Editor: a mistake is named at its path, beside its line; fixed, the composition is valid.
    studio(browser, reel, f"editor?asset=asset://{asset_id}")
    good = composition(f"asset://{asset_id}", title="Made in the Studio")
    bad = json.loads(json.dumps(good))
    bad["clips"][0]["end_time"] = -1
    set_source(browser, json.dumps(bad))
    wait_for(lambda: "clips[0].end_time" in browser.find_element(By.ID, "problems").text, 10, what="the problem by path")
    assert browser.find_elements(By.CSS_SELECTOR, ".gutter .bad"), "the problem's line is marked"
    set_source(browser, json.dumps(good))
    wait_for(lambda: "valid" in (browser.find_element(By.ID, "validity").get_attribute("class") or "").split(), 10, what="valid")
    assert "3" in browser.find_element(By.ID, "validity").text

    # The preview follows the slider: another frame, a real picture.
    wait_for(lambda: browser.execute_script("const i = document.getElementById('preview'); return i.complete && i.naturalWidth > 0"),
             20, what="the first preview frame")
    first = browser.find_element(By.ID, "preview").get_attribute("src")
    slider = browser.find_element(By.ID, "scrubber")
    slider.click()
    for _ in range(15):
        slider.send_keys(Keys.ARROW_RIGHT)
    wait_for(lambda: attribute(browser, By.ID, "preview", "src") not in (None, first)
             and browser.execute_script("const i = document.getElementById('preview'); return i.complete && i.naturalWidth > 0"),
             20, what="a new preview frame")

    # Selecting a timeline bar selects its JSON.
    browser.find_element(By.CSS_SELECTOR, "#timeline button.bar.clip").click()
    selected = browser.execute_script("const s = document.getElementById('source'); return s.value.slice(s.selectionStart, s.selectionEnd)")
    assert "video_url" in selected and asset_id in selected
    check_page(browser, "editor", screenshots)

    browser.find_element(By.ID, "submit").click()
    wait_for(lambda: browser.execute_script("return location.hash").startswith("#/compositions/"), 15, what="the new composition's page")
    submitted = browser.execute_script("return location.hash").split("/")[-1]
    wait_for(lambda: status(reel, submitted) == "completed", 120, what="the submitted composition")

    # The list follows a new composition live: no reload, progress from the event stream.
    studio(browser, reel, "compositions")
    browser.execute_script("window.__sameDocument = true")
    later = create(reel, composition(f"asset://{asset_id}", title="Followed live", clips=3))
    row_progress = f"#compositions tr[data-id='{later}'] progress.progress"
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, row_progress), 20, what="the new row")
    wait_for(lambda: attribute(browser, By.CSS_SELECTOR, row_progress, "value") in ("100", "100.0"), 120,
             what="the row's progress to reach 100")
    assert browser.execute_script("return window.__sameDocument") is True, "the page was not reloaded"
    assert "completed" in browser.find_element(By.CSS_SELECTOR, f"#compositions tr[data-id='{later}'] .status").text
    check_page(browser, "compositions", screenshots)

    # The composition's page plays the output at its width.
    studio(browser, reel, f"compositions/{later}")
    wait_for(lambda: browser.execute_script("const p = document.getElementById('player'); return p && p.readyState >= 1"), 20,
             what="the player to load")
    browser.execute_script("const p = document.getElementById('player'); p.muted = true; p.play()")
    wait_for(lambda: browser.execute_script("return document.getElementById('player').currentTime") > 0.3, 20, what="playback")
    download = httpx.get(f"{reel.base_url}/api/v1/compositions/{later}/download").json()["download_url"]
    probed = json.loads(subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width",
                                        "-of", "json", download], capture_output=True, check=True, text=True).stdout)
    assert browser.execute_script("return document.getElementById('player').videoWidth") == probed["streams"][0]["width"] == 320
    check_page(browser, "composition", screenshots)


def test_cancel_template_and_text_only(reel: ReelProcess, clip: Path, browser: WebDriver, screenshots: Path) -> None:
    asset = upload(reel, clip)
    # One long render holds the only worker; the next waits in the queue, and is cancelled from its row.
    busy = create(reel, composition(asset["url"], title="Long", clips=20))
    waiting = create(reel, composition(asset["url"], title="To cancel", clips=20))
    hostile = create(reel, composition(asset["url"], title="<img src=x onerror=alert(1)>"))
    studio(browser, reel, "compositions")
    row = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, f"#compositions tr[data-id='{waiting}']"), 15, what="the row")[0]
    row.find_element(By.XPATH, ".//button[normalize-space()='Cancel']").click()
    wait_for(lambda: status(reel, waiting) == "cancelled", 15, what="the cancel")
    wait_for(lambda: "cancelled" in browser.find_element(By.CSS_SELECTOR, f"#compositions tr[data-id='{waiting}'] .status").text, 15,
             what="the row to say cancelled")
    # A title that is markup is shown as text, and nothing of it runs.
    hostile_row = browser.find_element(By.CSS_SELECTOR, f"#compositions tr[data-id='{hostile}']")
    assert "<img src=x onerror=alert(1)>" in hostile_row.text
    assert not browser.find_elements(By.CSS_SELECTOR, "#compositions img")
    try:
        browser.switch_to.alert
        raise AssertionError("an alert ran")
    except NoAlertPresentException:
        pass
    httpx.post(f"{reel.base_url}/api/v1/compositions/{busy}/cancel")

    # A template's form: its field typed, a preview of the merged result, then Render.
    template = httpx.post(f"{reel.base_url}/api/v1/templates", json={
        "name": "Lower third", "description": "A headline over a clip",
        "composition": {**composition(asset["url"], title="{{headline}}"),
                        "overlays": [{"text": "{{headline}}", "start_time": 0, "end_time": 3, "position": "center"}]},
        "merge_fields": {"headline": {"type": "text", "default": "Hello"}, "accent": {"type": "color", "default": "#ff0000"}},
    })
    assert template.status_code == 201, template.text
    template_id = template.json()["id"]
    studio(browser, reel, "templates")
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, f"#templates [data-id='{template_id}']"), 10, what="the gallery card")
    check_page(browser, "templates", screenshots)
    studio(browser, reel, f"templates/{template_id}")
    field = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#template-form input[name='headline']"), 10, what="the form")[0]
    field.clear()
    field.send_keys("Typed in the Studio")
    wait_for(lambda: browser.execute_script("const i = document.getElementById('template-preview'); return i && i.complete && i.naturalWidth > 0"),
             20, what="the merged preview")
    check_page(browser, "template", screenshots)
    browser.find_element(By.ID, "render").click()
    wait_for(lambda: browser.execute_script("return location.hash").startswith("#/compositions/"), 15, what="the rendered template")
    made = browser.execute_script("return location.hash").split("/")[-1]
    stored = httpx.get(f"{reel.base_url}/api/v1/compositions/{made}").json()
    assert stored["title"] == "Typed in the Studio" and stored["overlays"][0]["text"] == "Typed in the Studio"

    studio(browser, reel, "system")
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#health tr[data-component]"), 10, what="the components")
    check_page(browser, "system", screenshots)


@pytest.fixture(scope="module")
def keyed() -> Iterator[ReelProcess]:
    server = ReelProcess(["serve"], {"REEL_WORKERS": "0", "REEL_AUTH": "on",
                                     "REEL_API_KEYS": f"root:admin:{ADMIN_KEY},viewer:read:{READ_KEY}"},
                         "studio-keys", port=free_port()).start()
    yield server
    assert server.stop() == 0, server.log()
    server.remove_folder()


def sign_in(browser: WebDriver, reel: ReelProcess, key: str) -> None:
    browser.get(f"{reel.base_url}/studio/")
    field = wait_for(lambda: browser.find_elements(By.ID, "api-key"), 15, what="the sign-in form")[0]
    field.send_keys(key, Keys.ENTER)


def test_keys_and_scopes(keyed: ReelProcess, clip: Path, browser: WebDriver, screenshots: Path) -> None:
    admin = {"Authorization": f"Bearer {ADMIN_KEY}"}
    asset = httpx.post(f"{keyed.base_url}/api/v1/assets", content=clip.read_bytes(), headers={**admin, "Content-Type": "video/mp4"}).json()
    queued = create(keyed, composition(asset["url"], title="Queued"), headers=admin)

    # A wrong key is refused with the API's reason; the key is kept in sessionStorage only.
    sign_in(browser, keyed, "not-a-key-at-all-0123456789")
    wait_for(lambda: (attribute(browser, By.ID, "sign-in-message", "text") or "").strip(), 10, what="the refusal")
    check_page(browser, "sign-in", screenshots)
    browser.find_element(By.ID, "api-key").clear()

    # A read key: lists, but no button that writes, and no Editor or Keys.
    browser.find_element(By.ID, "api-key").send_keys(READ_KEY, Keys.ENTER)
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, f"#compositions tr[data-id='{queued}']"), 15, what="the list")
    nav = browser.find_element(By.ID, "nav").text
    assert "Compositions" in nav and "Editor" not in nav and "Keys" not in nav
    buttons = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#compositions button")]
    assert not {"Cancel", "Delete", "Duplicate"} & set(buttons), buttons
    assert browser.execute_script("return localStorage.length") == 0 and browser.execute_script("return document.cookie") == ""
    assert browser.execute_script("return sessionStorage.length") >= 1
    assert not [url for url in browser.execute_script("return performance.getEntries().map(e => e.name)") if READ_KEY in url]
    check_page(browser, "read-key", screenshots)
    studio(browser, keyed, "assets")
    assert not browser.find_elements(By.ID, "dropzone") and not browser.find_elements(By.ID, "file-input")
    studio(browser, keyed, f"compositions/{queued}")
    assert not [b for b in browser.find_elements(By.TAG_NAME, "button") if b.text in ("Cancel", "Delete")]
    browser.find_element(By.ID, "sign-out").click()
    wait_for(lambda: browser.find_elements(By.ID, "api-key"), 10, what="the sign-in form again")
    assert browser.execute_script("return sessionStorage.length") == 0

    # An admin key: a new key's secret is shown once and works; revoked, it stops working.
    browser.find_element(By.ID, "api-key").send_keys(ADMIN_KEY, Keys.ENTER)
    wait_for(lambda: "Keys" in browser.find_element(By.ID, "nav").text, 10, what="the admin's nav")
    studio(browser, keyed, "keys")
    browser.find_element(By.ID, "key-name").send_keys("made in the studio")
    browser.find_element(By.ID, "key-tenant").send_keys("acme")
    browser.find_element(By.CSS_SELECTOR, "#key-form button[type='submit']").click()
    secret = wait_for(lambda: attribute(browser, By.ID, "key-secret", "value"), 10, what="the secret")
    me = httpx.get(f"{keyed.base_url}/api/v1/me", headers={"Authorization": f"Bearer {secret}"}).json()
    assert me["tenant"] == "acme" and me["keys_required"] is True
    check_page(browser, "keys", screenshots)
    browser.execute_script("window.confirm = () => true")
    row = wait_for(lambda: [r for r in browser.find_elements(By.CSS_SELECTOR, "#keys tr") if "made in the studio" in r.text], 10,
                   what="the key's row")[0]
    row.find_element(By.XPATH, ".//button[normalize-space()='Revoke']").click()
    wait_for(lambda: httpx.get(f"{keyed.base_url}/api/v1/me", headers={"Authorization": f"Bearer {secret}"}).status_code == 401, 10,
             what="the revoked key to stop working")
