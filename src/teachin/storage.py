"""Writing files so that a crash or a power cut never leaves half a file.

Every file teachin writes goes through :func:`atomic_write_text`: the text goes
to a temporary file in the same folder, is flushed to disk, and then replaces
the old file in one step (``os.replace``). Either the old file or the new one
survives; never a mix. Qt-free.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def atomic_write_text(path: Path | str, text: str, encoding: str = "utf-8") -> Path:
    """Writes ``text`` to ``path`` atomically, creating the folder if needed.

    Raises OSError when the file cannot be written; the old file, if any, is
    then left as it was and no temporary file stays behind.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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
