"""A webhook receiver on loopback that keeps each delivery's headers (by lower-case name) and raw
body, for tests that verify deliveries with the code under test and a reference verifier."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from reel_support import free_port


class RecordingReceiver:
    """An HTTP server on a free port of 127.0.0.1 answering 204 to every POST."""

    def __init__(self) -> None:
        self.port = free_port()
        self.deliveries: list[tuple[dict[str, str], bytes]] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with receiver.lock:
                    receiver.deliveries.append(({key.lower(): value for key, value in self.headers.items()}, body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's name
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def first(self, marker: bytes) -> tuple[dict[str, str], bytes] | None:
        """The first delivery whose body holds `marker`."""
        with self.lock:
            return next((delivery for delivery in self.deliveries if marker in delivery[1]), None)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
