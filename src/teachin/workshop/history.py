"""Back and forward through the places the reader has shown."""

from __future__ import annotations

from teachin.workshop.pages import Location


class History:
    def __init__(self) -> None:
        self._entries: list[Location] = []
        self._index = -1

    @property
    def current(self) -> Location | None:
        return self._entries[self._index] if self._index >= 0 else None

    def visit(self, location: Location) -> None:
        """A new place: forward entries are dropped."""
        del self._entries[self._index + 1 :]
        self._entries.append(location)
        self._index = len(self._entries) - 1

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._entries) - 1

    def back(self) -> Location | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self._entries[self._index]

    def forward(self) -> Location | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self._entries[self._index]

    def clear(self) -> None:
        self._entries.clear()
        self._index = -1
