"""Pages made ahead of time: opening a module never waits for Markdown."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import teachin.workshop.pages as pages_module
from teachin.locations import builtin_content_dir
from teachin.ui.main_window import MainWindow
from teachin.workshop.library import Library, load_library
from teachin.workshop.pages import PageCache
from teachin.workshop.render import Style, render_module
from teachin.workshop.views import View


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([builtin_content_dir()])


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The modules rendered from Markdown, in order."""
    made: list[str] = []

    def counting(module, view, style):
        made.append(module.id)
        return render_module(module, view, style)

    monkeypatch.setattr(pages_module, "render_module", counting)
    return made


def test_prepare_makes_every_page_once(library: Library, renders: list[str]) -> None:
    cache = PageCache(library)
    made = cache.prepare(View.FACILITATOR, Style(), keep_going=lambda: True)
    assert made == len(library.modules) + 2  # and the glossary and the welcome page
    assert sorted(renders) == sorted(library.modules)
    for location in cache.locations():
        cache.html(location, View.FACILITATOR, Style())
    assert len(renders) == len(library.modules)  # nothing made twice
    assert cache.prepare(View.FACILITATOR, Style(), keep_going=lambda: True) == 0


def test_prepare_stops_when_told(library: Library, renders: list[str]) -> None:
    asked = []

    def keep_going() -> bool:
        asked.append(True)
        return len(asked) <= 2

    assert PageCache(library).prepare(View.FACILITATOR, Style(), keep_going) == 2
    assert len(renders) == 2


def test_pages_made_in_threads_match_pages_made_one_by_one(library: Library) -> None:
    module = library.modules["militancy-and-escalation"]
    expected = render_module(module, View.FACILITATOR, Style())
    start = threading.Barrier(4)
    results: list[str] = []

    def work() -> None:
        start.wait()
        for _ in range(3):
            results.append(render_module(module, View.FACILITATOR, Style()))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 12
    assert all(result == expected for result in results)


def test_opening_a_module_after_start_up_renders_nothing(
    qtbot: QtBot, make_window, renders: list[str], tmp_path: Path
) -> None:
    window: MainWindow = make_window(base=[builtin_content_dir()])
    with qtbot.waitSignal(window.pages_prepared, timeout=30_000):
        window.content.prepare_timer.setInterval(0)
        window.content.prepare_timer.start()
    before = list(renders)
    window.open_href("module:militancy-and-escalation")
    window.open_href("module:solidarity")
    assert "Solidarity" in window.reader.toPlainText()
    assert renders == before


@pytest.mark.parametrize(
    "damage",
    [lambda page: page[: len(page) // 2], lambda _page: "[" * 100_000, lambda _page: ""],
    ids=["cut off", "nested brackets", "empty"],
)
def test_a_damaged_page_on_disk_is_rendered_again(
    library: Library, renders: list[str], tmp_path: Path, caplog, damage
) -> None:
    location = pages_module.Location.parse("module:solidarity")
    assert location is not None
    whole = PageCache(library, disk=tmp_path).html(location, View.FACILITATOR, Style())
    assert renders == ["solidarity"]
    (stored,) = tmp_path.glob("*.html")
    assert PageCache(library, disk=tmp_path).html(location, View.FACILITATOR, Style()) == whole
    assert renders == ["solidarity"]  # the next start reads it from disk
    stored.write_text(damage(stored.read_text(encoding="utf-8")), encoding="utf-8")
    assert PageCache(library, disk=tmp_path).html(location, View.FACILITATOR, Style()) == whole
    assert renders == ["solidarity", "solidarity"]
    assert "is damaged: rendering it again" in caplog.text
    assert PageCache(library, disk=tmp_path).html(location, View.FACILITATOR, Style()) == whole
    assert len(renders) == 2  # stored whole again
