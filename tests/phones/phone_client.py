"""A phone server on loopback, and a phone that talks to it as the page does."""

from __future__ import annotations

import http.client
import json
import secrets
from collections.abc import Iterator
from typing import Any

from teachin.phones.protocol import BallotState, numbered
from teachin.phones.room import Limits
from teachin.phones.server import PhoneServer

BALLOT = BallotState(
    1,
    "The landlord raised the rent.",
    numbered(
        [("petition", "Petition"), ("committee", "Form a committee"), ("strike", "Rent strike")]
    ),
    True,
    "Tenants",
)


class Phone:
    """One device: its own token, its stream, and its requests (with the page's
    Host and Origin unless told otherwise)."""

    def __init__(
        self, server: PhoneServer, token: str | None = None, source: str = "127.0.0.1"
    ) -> None:
        self.server = server
        self.token = token or secrets.token_hex(16)
        self.source = source
        """The phone's own address (any 127.x.y.z on loopback)."""
        self.stream: http.client.HTTPResponse | None = None
        self._stream_connection: http.client.HTTPConnection | None = None

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(
            "127.0.0.1", self.server.port, timeout=5, source_address=(self.source, 0)
        )

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        connection = self.connection()
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def post(self, action: str, **fields: Any) -> tuple[int, dict[str, Any]]:
        body = json.dumps({"device": self.token, **fields}).encode()
        status, _headers, data = self.request(
            "POST",
            f"/{self.server.code}/{action}",
            body,
            {"Content-Type": "application/json", "Origin": f"http://127.0.0.1:{self.server.port}"},
        )
        return status, json.loads(data) if data.startswith(b"{") else {}

    def open_stream(self) -> int:
        connection = self.connection()
        connection.request("GET", f"/{self.server.code}/events?device={self.token}")
        response = connection.getresponse()
        if response.status == 200:
            self.stream, self._stream_connection = response, connection
        else:
            response.read()
            connection.close()
        return response.status

    def next_message(self) -> dict[str, Any]:
        """The next state the stream pushes (pings skipped)."""
        assert self.stream is not None
        while True:
            line = self.stream.readline()
            assert line, "the stream ended"
            if line.startswith(b"data: "):
                message: dict[str, Any] = json.loads(line[len(b"data: ") :])
                return message

    def close(self) -> None:
        if self.stream is not None and self._stream_connection is not None:
            self.stream.close()
            self._stream_connection.close()
            self.stream = self._stream_connection = None


def running_server() -> Iterator[PhoneServer]:
    server = PhoneServer("127.0.0.1", limits=Limits(max_streams_per_address=20))
    server.start()
    yield server
    server.stop()
