"""Bad input over the network: random methods, paths, headers and bodies, a huge body, a
slow request and a thousand connections at once leave the server answering, and the
GUI's queue only ever holds checked events."""

from __future__ import annotations

import json
import random
import socket
import string

import pytest
from phone_client import BALLOT, Phone

from teachin.phones.protocol import DevicesChanged, VoteTally
from teachin.phones.room import Limits
from teachin.phones.server import PhoneServer

METHODS = [
    "GET",
    "POST",
    "PUT",
    "DELETE",
    "HEAD",
    "OPTIONS",
    "PATCH",
    "TRACE",
    "CONNECT",
    "BREW",
    "get",
    "",
    "G\x00T",
    "POST /x",
]
HEADER_NAMES = [
    "Host",
    "Origin",
    "Content-Type",
    "Content-Length",
    "Transfer-Encoding",
    "Cookie",
    "Range",
    "Expect",
    "Connection",
    "Upgrade",
    "X-Forwarded-For",
    "Sec-Fetch-Site",
    "\x01bad",
    "A" * 300,
]


@pytest.fixture
def server():
    server = PhoneServer("127.0.0.1", limits=Limits(idle_seconds=1.0, body_seconds=1.0))
    server.start()
    server.show(BALLOT)
    yield server
    server.stop()


def status_of(server: PhoneServer, request: bytes, timeout: float = 3.0) -> int | None:
    """The status the server answers a raw request with (None: it closed or said
    nothing in time)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as connection:
        try:
            connection.sendall(request)
            reply = connection.recv(64)
        except OSError:
            return None
    parts = reply.split(b" ", 2)
    return int(parts[1]) if len(parts) > 2 and parts[1].isdigit() else None


def random_text(rng: random.Random, size: int) -> str:
    alphabet = string.printable + "\u00e9\u202e\u0000\ufffd%/.."
    return "".join(rng.choice(alphabet) for _ in range(size))


def random_request(rng: random.Random, server: PhoneServer) -> bytes:
    code = server.code
    path = rng.choice(
        [
            "/",
            f"/{code}/",
            f"/{code}/vote",
            f"/{code}/join",
            f"/{code}/move",
            f"/{code}/events?device=" + random_text(rng, 20),
            f"/{code}/../../etc/passwd",
            f"/{code}/%2e%2e/%2e%2e/",
            "/" + random_text(rng, rng.randrange(1, 200)),
            "*",
            "http://evil.example/",
            f"/{code.lower()}/vote?x=" + "A" * 9000,
        ]
    )
    headers = [f"Host: 127.0.0.1:{server.port}"] if rng.random() < 0.7 else []
    for _ in range(rng.randrange(0, 6)):
        headers.append(f"{rng.choice(HEADER_NAMES)}: {random_text(rng, rng.randrange(0, 60))}")
    if rng.random() < 0.5:
        headers.append(f"Origin: http://127.0.0.1:{server.port}")
        headers.append("Content-Type: application/json")
    body = rng.choice(
        [
            b"",
            b"{}",
            b"null",
            b"[" * 5000 + b"]" * 5000,
            b'{"device": 1e999999}',
            json.dumps({"device": "a" * 32, "round": 1, "choice": "strike"}).encode(),
            json.dumps({"device": random_text(rng, 30), "round": -1, "table": "x" * 500}).encode(),
            bytes(rng.randrange(256) for _ in range(rng.randrange(0, 3000))),
        ]
    )
    if rng.random() < 0.8:
        headers.append(f"Content-Length: {len(body)}")
    head = f"{rng.choice(METHODS)} {path} HTTP/1.1\r\n" + "\r\n".join(headers) + "\r\n\r\n"
    return head.encode("utf-8", "surrogatepass") + body


def still_answering(server: PhoneServer) -> None:
    """A phone can still load the page, connect, vote and see its vote counted."""
    phone = Phone(server)
    assert phone.request("GET", f"/{server.code}/")[0] == 200
    assert phone.open_stream() == 200
    assert phone.next_message()["state"]["round"] == 1
    assert phone.post("vote", round=1, choice="strike")[0] == 200
    assert phone.next_message()["mine"]["vote"] == "strike"
    phone.close()


def checked_events(server: PhoneServer) -> list[object]:
    events = []
    while not server.events.empty():
        event = server.events.get_nowait()
        assert isinstance(event, VoteTally | DevicesChanged), event
        if isinstance(event, VoteTally):
            assert event.round == 1
            assert set(event.counts) <= {"petition", "committee", "strike"}
        events.append(event)
    return events


def test_random_requests_get_an_answer_and_change_nothing(server):
    rng = random.Random(16)
    statuses = {status_of(server, random_request(rng, server)) for _ in range(300)}
    assert statuses - {None} <= {200, 302, 400, 403, 404, 405, 413, 415, 417, 421, 429, 501, 505}
    assert server.room.votes == {}
    assert not [e for e in checked_events(server) if isinstance(e, VoteTally)]
    still_answering(server)
    assert VoteTally(1, {"strike": 1}, 1) in checked_events(server)


def test_a_huge_body_is_refused_and_a_slow_request_is_cut_off(server):
    origin = f"Origin: http://127.0.0.1:{server.port}\r\nContent-Type: application/json\r\n"
    host = f"Host: 127.0.0.1:{server.port}\r\n"
    declared = (
        f"POST /{server.code}/vote HTTP/1.1\r\n{host}{origin}Content-Length: 50000000\r\n\r\n"
    )
    assert status_of(server, declared.encode() + b"{" * 100_000) == 413
    chunked = (
        f"POST /{server.code}/vote HTTP/1.1\r\n{host}{origin}Transfer-Encoding: chunked\r\n\r\n"
    )
    chunk = b"{" * 60_000
    body = (f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n") * 3 + b"0\r\n\r\n"
    assert status_of(server, chunked.encode() + body) == 413
    # Headers that never end: the connection is closed, nothing is answered.
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as slow:
        slow.sendall(f"GET /{server.code}/ HTTP/1.1\r\n{host}X-Slow: ".encode())
        assert slow.recv(64) == b""
    # A body that never comes.
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as slow:
        slow.sendall(
            f"POST /{server.code}/vote HTTP/1.1\r\n{host}{origin}Content-Length: 100\r\n\r\n{{".encode()
        )
        assert slow.recv(64).split(b" ")[1] == b"413"
    still_answering(server)


def test_a_thousand_connections_at_once_leave_the_server_answering(server):
    phone = Phone(server)
    assert phone.open_stream() == 200
    phone.next_message()
    crowd = []
    try:
        for number in range(1000):
            connection = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            crowd.append(connection)
            if number % 2:  # half ask for a stream, half say nothing at all
                request = (
                    f"GET /{server.code}/events?device={number:032d} HTTP/1.1\r\n"
                    f"Host: 127.0.0.1:{server.port}\r\n\r\n"
                )
                connection.sendall(request.encode())
        statuses = [int(c.recv(64).split(b" ")[1]) for c in crowd[1::2]]
        # 12 streams from one address at most (the phone holds one of them).
        assert statuses.count(200) == 11 and statuses.count(429) == 489
        assert phone.post("vote", round=1, choice="committee")[0] == 200
        assert phone.next_message()["mine"]["vote"] == "committee"
    finally:
        for connection in crowd:
            connection.close()
        phone.close()
    assert server.room.connected <= 12
    checked_events(server)
