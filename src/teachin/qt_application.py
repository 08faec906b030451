"""The one door to Qt: every QApplication or QGuiApplication teachin makes (the app,
the player alone, ``teachin export``, the tests' ``qapp``) comes from
:func:`qt_application`, which first applies the guard of :mod:`teachin.none_refcount`.

The guard is applied here, on purpose, rather than as a side effect of importing a
package: a new way to start Qt must come through this function to be guarded, and a
test (tests/test_architecture.py) finds any application made elsewhere. An application
that can draw (a QGuiApplication) also gets the fonts that travel with teachin
(:mod:`teachin.export.fonts`), so a window, a slide and a PDF can ask for them by name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import QCoreApplication

from teachin.none_refcount import keep_none_alive

App = TypeVar("App", bound=QCoreApplication)


def qt_application(app_class: type[App], argv: Sequence[str]) -> App:
    """The running application, made with ``argv`` if there is none yet. Raises
    RuntimeError when one of another kind runs (a QGuiApplication where widgets need a
    QApplication): Qt allows only one per process."""
    keep_none_alive()
    existing = QCoreApplication.instance()
    if existing is None:
        app = app_class(list(argv))
    elif isinstance(existing, app_class):
        app = existing
    else:
        raise RuntimeError(
            f"a {type(existing).__name__} already runs; a {app_class.__name__} is needed"
        )
    from PySide6.QtGui import QGuiApplication

    if isinstance(app, QGuiApplication):
        from teachin.export.fonts import load_bundled_fonts

        load_bundled_fonts()
    return app
