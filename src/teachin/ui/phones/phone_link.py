"""The phone server's life on the GUI side: started on the address the facilitator
chose, stopped when the session ends, the window closes or the app quits, and its
events drained by a timer of this object (the server's thread never calls Qt).

The server is Qt-free (:mod:`teachin.phones.server`); this is the only place the
GUI starts, feeds or stops it.
"""

from __future__ import annotations

import errno
import queue
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

DRAIN_MS = 50
"""How often the window takes the server's news: quick enough for a live tally,
and each drain is a few microseconds when nothing came."""
PREFERRED_PORT = 8123
"""The same port every time, so an address people typed once still works; any free
port when another program holds it."""


class AddressMemory(Protocol):
    phone_address: str


class PhoneServerLike(Protocol):
    events: queue.SimpleQueue[Any]

    def start(self) -> str: ...

    def stop(self) -> None: ...

    @property
    def code(self) -> str: ...

    @property
    def url(self) -> str: ...

    def show(self, state: Any) -> None: ...


def start_failed_words(ip: str, error: OSError) -> str:
    """What the facilitator reads when phones cannot be turned on at ``ip``."""
    return (
        f"Phones could not be turned on at {ip}: {error.strerror or error}. "
        "Choose another address, or count hands."
    )


def default_server(host: str, port: int) -> PhoneServerLike:
    from teachin.phones.server import PhoneServer

    return PhoneServer(host, port)


class PhoneLink(QObject):
    """One phone server at a time, and what it last reported."""

    changed = Signal()
    """Phones were turned on or off, or connected, or voted."""
    reported = Signal(object)
    """Every event the server reported (groups mode listens to the tables' news)."""

    def __init__(
        self,
        make_server: Callable[[str, int], PhoneServerLike] = default_server,
        port: int = PREFERRED_PORT,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._make_server = make_server
        self.port = port
        self.server: PhoneServerLike | None = None
        self.host = ""
        self.devices = 0
        """Phones connected now."""
        self.voters = 0
        """Phones that have voted in the round being voted on."""
        self.tallies: dict[int, dict[str, int]] = {}
        """Phone votes per option, by round, as the server last counted them."""
        self._drain = QTimer(self)
        self._drain.setInterval(DRAIN_MS)
        self._drain.timeout.connect(self.drain)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    @property
    def on(self) -> bool:
        return self.server is not None

    @property
    def url(self) -> str:
        return self.server.url if self.server is not None else ""

    @property
    def code(self) -> str:
        return self.server.code if self.server is not None else ""

    def start(self, host: str) -> str:
        """Phones on, on ``host``: the join URL. OSError (with the reason) if it cannot
        listen there; the preferred port taken falls back to any free one."""
        self.stop()
        try:
            server = self._started(host, self.port)
        except OSError as exc:
            if self.port == 0 or exc.errno != errno.EADDRINUSE:
                raise
            server = self._started(host, 0)
        self.server, self.host = server, host
        self.devices, self.voters, self.tallies = 0, 0, {}
        self._drain.start()
        self.changed.emit()
        return server.url

    def try_start(self, ip: str, memory: AddressMemory) -> str:
        """Phones on at ``ip``, remembered in ``memory``: "" when on, else what went wrong."""
        try:
            self.start(ip)
        except OSError as exc:
            return start_failed_words(ip, exc)
        memory.phone_address = ip
        return ""

    def _started(self, host: str, port: int) -> PhoneServerLike:
        server = self._make_server(host, port)
        server.start()
        return server

    @Slot()
    def stop(self) -> None:
        """Phones off: the port closes and every device is forgotten (idempotent)."""
        server, self.server = self.server, None
        self._drain.stop()
        if server is None:
            return
        try:
            server.stop()
        finally:
            self.devices, self.voters, self.tallies = 0, 0, {}
            self.changed.emit()

    def show(self, state: Any) -> None:
        """What the phones should show now (the server pushes it to every phone)."""
        if self.server is not None:
            self.server.show(state)

    @Slot()
    def drain(self) -> None:
        """Takes every event the server queued since the last drain; one ``changed`` for all."""
        server = self.server
        if server is None:
            return
        from teachin.phones.protocol import DevicesChanged, VoteTally

        news = False
        while True:
            try:
                item = server.events.get_nowait()
            except queue.Empty:
                break
            if isinstance(item, VoteTally):
                self.tallies[item.round] = dict(item.counts)
                self.voters = item.devices
            elif isinstance(item, DevicesChanged):
                self.devices = item.connected
            self.reported.emit(item)
            news = True
        if news:
            self.changed.emit()
