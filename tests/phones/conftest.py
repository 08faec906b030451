"""The phone server fixture: one on loopback per test, stopped after it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from phone_client import running_server

from teachin.phones.server import PhoneServer


@pytest.fixture
def phone_server() -> Iterator[PhoneServer]:
    yield from running_server()
