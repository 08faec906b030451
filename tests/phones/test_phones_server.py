"""The phone server on a real loopback socket: the page, the stream, votes reaching the
GUI's queue, the security rules on the wire, and a clean stop."""

from __future__ import annotations

import json
import re
import socket
from urllib.parse import urlsplit

import pytest
from phone_client import BALLOT, Phone

from teachin.phones.protocol import DevicesChanged, VoteTally
from teachin.phones.room import Limits
from teachin.phones.server import CODE_LETTERS, PhoneServer


def drain(server: PhoneServer) -> list[object]:
    events = []
    while not server.events.empty():
        events.append(server.events.get_nowait())
    return events


def test_the_join_url_names_the_address_port_and_code(phone_server):
    assert re.fullmatch(f"[{CODE_LETTERS}]{{4}}", phone_server.code)
    assert phone_server.url == f"http://127.0.0.1:{phone_server.port}/{phone_server.code}/"
    assert phone_server.start() == phone_server.url  # started once only


def test_a_phone_gets_the_whole_state_on_connect_and_every_change(phone_server):
    phone = Phone(phone_server)
    assert phone.open_stream() == 200
    assert phone.stream is not None
    assert phone.stream.getheader("Content-Type") == "text/event-stream"
    assert phone.next_message()["state"] == {"mode": "wait"}
    phone_server.show(BALLOT)
    state = phone.next_message()["state"]
    assert (state["mode"], state["round"], state["open"]) == ("vote", 1, True)
    assert [c["key"] for c in state["choices"]] == ["petition", "committee", "strike"]
    phone.close()


def test_a_vote_reaches_the_gui_queue_and_comes_back_on_a_reconnect(phone_server):
    phone_server.show(BALLOT)
    phone = Phone(phone_server)
    phone.open_stream()
    phone.next_message()
    status, answer = phone.post("vote", round=1, choice="committee")
    assert (status, answer["ok"], answer["mine"]) == (200, True, "committee")
    events = drain(phone_server)
    assert DevicesChanged(1) in events
    assert VoteTally(1, {"committee": 1}, 1) in events
    # The phone locks and comes back: same token, a new stream, its vote still there.
    phone.close()
    again = Phone(phone_server, phone.token)
    again.open_stream()
    assert again.next_message()["mine"]["vote"] == "committee"
    again.close()


def test_a_wrong_code_or_any_other_path_is_a_plain_404(phone_server):
    phone = Phone(phone_server)
    code = phone_server.code
    # B is never in a join code.
    for path in (
        "/",
        "/BBBB/",
        "/favicon.ico",
        f"/{code}/../etc/passwd",
        f"/{code}/page.html",
        f"/{code}/static/x",
        f"/{code}x/",
        f"/{code}/events/x",
    ):
        status, headers, _body = phone.request("GET", path)
        assert status == 404, path
        assert headers["Content-Type"].startswith("text/plain")
    status, headers, _ = phone.request("GET", f"/{phone_server.code}")
    assert (status, headers["Location"]) == (302, f"/{phone_server.code}/")


def test_the_page_is_self_contained_under_a_strict_policy(phone_server):
    phone = Phone(phone_server)
    status, headers, body = phone.request("GET", f"/{phone_server.code.lower()}/")
    assert status == 200
    page = body.decode()
    policy = headers["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy)
    assert nonce is not None
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    assert page.count(f'nonce="{nonce.group(1)}"') == 2  # the one style and one script
    assert not re.search(r"(src|href)=|https?://|innerHTML|style=", page)
    assert headers["Cache-Control"] == "no-store"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert not [name for name in headers if name.lower().startswith("access-control")]
    # A second load gets a fresh nonce.
    _, again, _ = phone.request("GET", f"/{phone_server.code}/")
    assert again["Content-Security-Policy"] != policy


def test_another_host_name_or_origin_is_refused(phone_server):
    phone_server.show(BALLOT)
    phone = Phone(phone_server)
    phone.open_stream()
    code, port = phone_server.code, phone_server.port
    assert phone.request("GET", f"/{code}/", headers={"Host": "evil.example"})[0] == 421
    assert phone.request("GET", f"/{code}/", headers={"Host": f"localhost:{port}"})[0] == 421
    body = json.dumps({"device": phone.token, "round": 1, "choice": "strike"}).encode()
    json_type = {"Content-Type": "application/json"}
    for headers in (json_type, {**json_type, "Origin": "http://evil.example"}):
        assert phone.request("POST", f"/{code}/vote", body, headers)[0] == 403
    origin = {"Origin": f"http://127.0.0.1:{port}"}
    assert (
        phone.request("POST", f"/{code}/vote", body, {**origin, "Content-Type": "text/plain"})[0]
        == 415
    )
    huge = b'{"device": "' + b"x" * 100_000 + b'"}'
    assert phone.request("POST", f"/{code}/vote", huge, {**origin, **json_type})[0] == 413
    assert phone.request("POST", f"/{code}/vote", b"{not json", {**origin, **json_type})[0] == 400
    assert phone.request("GET", f"/{code}/vote")[0] == 404  # no other method either
    assert [e for e in drain(phone_server) if isinstance(e, VoteTally)] == []
    phone.close()


def test_open_streams_are_capped_per_address_and_in_all():
    server = PhoneServer("127.0.0.1", limits=Limits(max_streams=5, max_streams_per_address=3))
    server.show(BALLOT)  # before it starts: what the first phones see
    server.start()
    try:
        first = Phone(server)
        assert first.open_stream() == 200
        assert first.next_message()["state"]["round"] == 1
        same_address = [Phone(server) for _ in range(3)]
        assert [phone.open_stream() for phone in same_address] == [200, 200, 429]
        others = [Phone(server, source=f"127.0.0.{n}") for n in (2, 3, 4)]
        assert [phone.open_stream() for phone in others] == [200, 200, 503]
        for phone in [first, *same_address, *others]:
            phone.close()
    finally:
        server.stop()


def test_after_stop_the_port_refuses_and_the_thread_has_ended(phone_server):
    phone_server.show(BALLOT)
    phone = Phone(phone_server)
    phone.open_stream()
    phone.next_message()
    thread, port = phone_server._thread, phone_server.port
    phone_server.stop()
    phone_server.stop()  # twice is harmless
    assert thread is not None and not thread.is_alive()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2)
    assert phone_server.room.devices == {}
    phone.close()


def test_a_port_in_use_is_a_clear_oserror(phone_server):
    other = PhoneServer("127.0.0.1", phone_server.port)
    in_use = f"cannot listen on 127.0.0.1 port {phone_server.port}: .*another program"
    with pytest.raises(OSError, match=in_use):
        other.start()
    with pytest.raises(OSError, match="not an address of this machine"):
        PhoneServer("198.51.100.7").start()


def test_on_every_network_only_when_asked_and_then_by_this_machines_addresses():
    server = PhoneServer("0.0.0.0")
    url = server.start()
    try:
        phone = Phone(server)
        host = urlsplit(url).hostname
        assert host != "0.0.0.0"
        assert (
            phone.request("GET", f"/{server.code}/", headers={"Host": f"{host}:{server.port}"})[0]
            == 200
        )
        assert phone.request("GET", f"/{server.code}/")[0] == 200  # loopback too
        assert (
            phone.request("GET", f"/{server.code}/", headers={"Host": f"0.0.0.0:{server.port}"})[0]
            == 421
        )
    finally:
        server.stop()


def test_a_reload_ends_the_old_stream_and_a_phone_leaving_is_counted(phone_server):
    phone = Phone(phone_server)
    phone.open_stream()
    phone.next_message()
    reloaded = Phone(phone_server, phone.token)
    reloaded.open_stream()
    reloaded.next_message()
    assert phone.stream is not None
    while phone.stream.readline():  # the first stream ends: the server closed it
        pass
    phone.close()
    reloaded.close()
    seen = []
    while DevicesChanged(0) not in seen:
        seen.append(phone_server.events.get(timeout=5))
    assert DevicesChanged(1) in seen
