"""The phone server never outlives the app: quitting the app (whatever window was
open) stops it; the port refuses and the server's thread has ended. Run in a
program of its own, since quitting ends the Qt application."""

from __future__ import annotations

import socket
import subprocess
import sys

from teachin.ui.phones.phone_link import PhoneLink

QUITS = """
import socket, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from teachin.qt_application import qt_application
from teachin.ui.phones.phone_link import PhoneLink

app = qt_application(QApplication, [])
link = PhoneLink(port=0)
url = link.start("127.0.0.1")
port = int(url.removeprefix("http://").split("/")[0].split(":")[1])
socket.create_connection(("127.0.0.1", port), timeout=2).close()  # it answers
QTimer.singleShot(0, app.quit)
app.exec()
try:
    socket.create_connection(("127.0.0.1", port), timeout=2).close()
    port_state = "answers"
except ConnectionRefusedError:
    port_state = "refused"
threads = [t.name for t in threading.enumerate() if t.name == "teachin-phones"]
print("on" if link.on else "off", port_state, threads, flush=True)
"""


def test_quitting_the_app_stops_the_phone_server():
    result = subprocess.run(
        [sys.executable, "-c", QUITS], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "off refused []"


def test_a_preferred_port_in_use_falls_back_to_a_free_one(qapp):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    link = PhoneLink(port=port)
    try:
        url = link.start("127.0.0.1")
        assert url.startswith("http://127.0.0.1:") and f":{port}/" not in url
        assert link.on
    finally:
        link.stop()
        taken.close()
    assert not link.on
