"""Hand-written helpers beside the generated client (scripts/generate-clients keeps this file):
create a composition and wait for its end, follow its events as Server-Sent Events, download
its file, and verify a webhook delivery (Standard Webhooks)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx

from .api.compositions import create_composition, get_composition, get_download
from .client import AuthenticatedClient, Client
from .models.composition import Composition
from .models.composition_request import CompositionRequest
from .models.error import Error
from .types import Response

#: A composition's status once nothing more will happen to it.
TERMINAL = frozenset({"completed", "failed", "cancelled"})
#: The events after which a composition's stream has nothing more to say.
FINAL_EVENTS = frozenset({"composition.completed", "composition.failed", "composition.cancelled", "composition.deleted"})


class ReelAPIError(Exception):
    """An answer that was not a success, in Reel's error shape: `code` (`validation_error`, …),
    `message`, and for a 422 the `fields` it names (`clips[0].end_time`)."""

    def __init__(self, status: int, code: str, message: str, details: list[dict[str, Any]]) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details

    @property
    def fields(self) -> list[str]:
        return [str(detail["field"]) for detail in self.details if "field" in detail]

    @classmethod
    def from_response(cls, response: Response[Any] | httpx.Response) -> "ReelAPIError":
        status = int(response.status_code)
        try:
            body = json.loads(response.content)
        except ValueError:
            body = {}
        if not isinstance(body, dict):
            body = {}
        return cls(status, str(body.get("error_code", "http_error")), str(body.get("message", "")), list(body.get("details") or []))


def _ok(response: Response[Any]) -> Any:
    if int(response.status_code) >= 300 or response.parsed is None or isinstance(response.parsed, Error):
        raise ReelAPIError.from_response(response)
    return response.parsed


@dataclass
class ServerSentEvent:
    """One event of a stream: `id` (absent on progress), `event` (its type) and `data` (decoded JSON)."""

    event: str
    data: Any
    id: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def follow_events(
    client: Client | AuthenticatedClient, composition_id: UUID | str, *, last_event_id: str | None = None, timeout: float = 600
) -> Iterator[ServerSentEvent]:
    """A composition's events as they happen (`composition.progress` among them), reconnecting
    with `Last-Event-ID` whenever the stream ends or drops (a server restarting ends it too),
    until its final event (completed, failed, cancelled, deleted); `TimeoutError` after `timeout` s."""
    deadline = time.monotonic() + timeout
    finished = False
    while not finished:
        if time.monotonic() > deadline:
            raise TimeoutError(f"composition {composition_id} did not finish within {timeout} s")
        headers = {"Accept": "text/event-stream"}
        if last_event_id is not None:
            headers["Last-Event-ID"] = last_event_id
        try:
            with client.get_httpx_client().stream(
                "GET", f"/api/v1/compositions/{composition_id}/events", headers=headers, timeout=httpx.Timeout(30, read=60)
            ) as response:
                if response.status_code != 200:
                    response.read()
                    raise ReelAPIError.from_response(response)
                for event in _parse(response.iter_lines()):
                    if event.id is not None:
                        last_event_id = event.id
                    yield event
                    if event.event in FINAL_EVENTS:
                        finished = True
                        break
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"composition {composition_id} did not finish within {timeout} s")
        except (httpx.TransportError, httpx.StreamError):
            pass
        if not finished:
            time.sleep(0.5)


def _parse(lines: Iterator[str]) -> Iterator[ServerSentEvent]:
    """The event-stream format (WHATWG HTML §9.2): fields until a blank line; comments skipped."""
    fields: dict[str, str] = {}
    data: list[str] = []
    for line in lines:
        if line == "":
            if data:
                yield ServerSentEvent(fields.pop("event", "message"), json.loads("\n".join(data)), fields.pop("id", None), fields)
            fields, data = {}, []
            continue
        if line.startswith(":"):
            continue
        name, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if name == "data":
            data.append(value)
        else:
            fields[name] = value


def create_and_wait(
    client: Client | AuthenticatedClient, request: CompositionRequest | Mapping[str, Any], *, timeout: float = 600
) -> Composition:
    """Creates a composition, follows its events until it ends, and returns it as it ended
    (`status` is completed, failed or cancelled). A refused request raises ``ReelAPIError``."""
    body = request if isinstance(request, CompositionRequest) else CompositionRequest.from_dict(dict(request))
    created: Composition = _ok(create_composition.sync_detailed(client=client, body=body))
    for _ in follow_events(client, created.id, timeout=timeout):
        pass
    ended: Composition = _ok(get_composition.sync_detailed(UUID(str(created.id)), client=client))
    return ended


def download(client: Client | AuthenticatedClient, composition_id: UUID | str, target: Path | str) -> Path:
    """Writes a completed composition's file to `target` through its signed link, which carries
    its own signature: the key is not sent with it (to S3, a presigned link must go alone)."""
    links = _ok(get_download.sync_detailed(UUID(str(composition_id)), client=client))
    url = links.download_url
    if not isinstance(url, str):
        raise ReelAPIError(200, "no_download", "the answer has no download_url", [])
    path = Path(target)
    with httpx.stream("GET", httpx.URL(client._base_url).join(url), timeout=httpx.Timeout(30, read=600)) as response:
        if response.status_code != 200:
            response.read()
            raise ReelAPIError.from_response(response)
        with path.open("wb") as file:
            for chunk in response.iter_bytes():
                file.write(chunk)
    return path


class WebhookVerificationError(Exception):
    """A delivery whose signature, id or timestamp does not check out."""


def verify_webhook(secret: str, headers: Mapping[str, str], body: bytes, *, tolerance: float = 300) -> Any:
    """Checks a delivery as Standard Webhooks defines it and returns its decoded event:
    `webhook-signature` holds `v1,BASE64(HMAC-SHA256(key, "ID.TIMESTAMP.BODY"))` for one of the
    keys (`secret` is Reel's `REEL_WEBHOOK_SECRET`, `whsec_…`), and the timestamp is within
    `tolerance` seconds of now."""
    lowered = {name.lower(): value for name, value in headers.items()}
    try:
        message_id, stamp, signatures = lowered["webhook-id"], lowered["webhook-timestamp"], lowered["webhook-signature"]
        sent = int(stamp)
    except (KeyError, ValueError) as error:
        raise WebhookVerificationError("missing or malformed webhook-id, webhook-timestamp or webhook-signature") from error
    if abs(time.time() - sent) > tolerance:
        raise WebhookVerificationError("webhook-timestamp is outside the tolerance")
    key = base64.b64decode(secret.removeprefix("whsec_"))
    expected = base64.b64encode(hmac.new(key, f"{message_id}.{sent}.".encode() + body, hashlib.sha256).digest()).decode()
    for signature in signatures.split(" "):
        version, _, value = signature.partition(",")
        if version == "v1" and hmac.compare_digest(value.encode(), expected.encode()):
            return json.loads(body)
    raise WebhookVerificationError("no signature matches")
