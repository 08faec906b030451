"""The phones' GUI tests borrow the server tests' phone (tests/phones/phone_client.py)
and the presentation tests' helpers (tests/present/present_fakes.py) rather than
copy them: their folders are put on the import path here."""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
for folder in ("phones", "present"):
    if str(TESTS / folder) not in sys.path:
        sys.path.append(str(TESTS / folder))
