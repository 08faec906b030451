"""Writing files so that a crash or a power cut never leaves half a file.

Every file teachin writes goes through :func:`atomic_write_text`: the text goes
to a temporary file in the same folder, is flushed to disk, and then replaces
the old file in one step (``os.replace``). Either the old file or the new one
survives; never a mix. Qt-free.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import tempfile
import time
from pathlib import Path

_log = logging.getLogger(__name__)

TEMPORARY_PREFIX, TEMPORARY_SUFFIX = ".", ".tmp"
_TEMPORARY = re.compile(r"^\..+\.[A-Za-z0-9_]+\.tmp$")
"""What :func:`atomic_write_text` names its temporary files: ``.NAME.RANDOM.tmp``."""
STALE_AFTER_SECONDS = 24 * 60 * 60


def atomic_write_text(path: Path | str, text: str, encoding: str = "utf-8") -> Path:
    """Writes ``text`` to ``path`` atomically, creating the folder if needed.

    Raises OSError when the file cannot be written; the old file, if any, is
    then left as it was and no temporary file stays behind.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=f"{TEMPORARY_PREFIX}{path.name}.", suffix=TEMPORARY_SUFFIX, dir=path.parent
    )
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            # Keep the old file's permissions (mkstemp creates the file as 0600).
            with contextlib.suppress(OSError):
                Path(temporary).chmod(path.stat().st_mode & 0o7777)
        else:
            with contextlib.suppress(OSError):
                umask = os.umask(0)
                os.umask(umask)
                Path(temporary).chmod(0o666 & ~umask)
        Path(temporary).replace(path)  # atomic: os.replace
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise
    _sync_folder(path.parent)
    return path


def _sync_folder(folder: Path) -> None:
    """Makes the rename itself durable, where the platform allows it."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def remove_stale_temporaries(folders: list[Path], now: float | None = None) -> int:
    """Removes the temporary files of atomic writes older than a day under ``folders``.

    A save killed half-way (a power cut, a crash) leaves its temporary file; a
    day later no save can still be writing it. Returns how many were removed.
    """
    cutoff = (time.time() if now is None else now) - STALE_AFTER_SECONDS
    removed = 0
    for folder in folders:
        for directory, _folders, names in os.walk(folder):
            for name in names:
                path = Path(directory) / name
                with contextlib.suppress(OSError):
                    if _TEMPORARY.match(name) and path.stat().st_mtime < cutoff:
                        path.unlink()
                        removed += 1
    if removed:
        _log.warning("removed %d temporary file(s) left by interrupted saves", removed)
    return removed
