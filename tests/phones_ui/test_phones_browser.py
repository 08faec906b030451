"""A real browser on a phone-sized screen: Debian's Chromium, driven by Playwright,
joins the room, waits, votes, and the projector counts the vote; the page's
accessibility is checked from the browser's own accessibility tree.

One browser is launched for the module. The test is skipped only when Chromium is
missing (``.ci/run`` installs it, so CI runs it)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from teachin.runs.runfile import read_run
from teachin.ui.phones.join_panel import TallyRow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
Key = Qt.Key

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"Debian's chromium is not installed ({CHROMIUM}); .ci/run installs it",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def unnamed_buttons(snapshot: str) -> list[str]:
    """Lines of an ARIA snapshot that are buttons without a name."""
    return [line for line in snapshot.splitlines() if re.match(r"\s*- button\s*(:|$)", line)]


def test_a_phone_joins_votes_and_the_projector_counts_it(qtbot, room, browser):
    from playwright.sync_api import expect

    console, phones = room.console, room.phones
    qtbot.keyClick(console, Key.Key_J)  # phones on before the game: they wait
    page = browser.new_page(viewport=PHONE)
    try:
        page.goto(phones.link.url)
        expect(page.get_by_role("heading", name="Waiting for the facilitator")).to_be_visible()
        assert page.locator("[aria-live]").count() == 1  # the round's change is announced

        qtbot.keyClick(console, Key.Key_R)
        qtbot.keyClick(console, Key.Key_PageDown)  # round 1's choices on the projector
        expect(page.get_by_role("heading", name="Round 1")).to_be_visible()
        expect(page.locator("[aria-live]")).to_contain_text("Round 1")  # read out, unasked
        options = room.controller.room.options()
        buttons = page.get_by_role("group", name="Choices").get_by_role("button")
        expect(buttons).to_have_count(len(options))
        for number, option in enumerate(options, start=1):
            name = re.compile(f"^{number} {re.escape(option.label)}")  # each begins with its number
            expect(buttons.nth(number - 1)).to_have_accessible_name(name)
        assert unnamed_buttons(page.locator("body").aria_snapshot()) == []

        choice = buttons.nth(1)
        choice.click()
        expect(choice).to_have_attribute("aria-pressed", "true")
        expect(page.get_by_role("status")).to_contain_text(f"Your vote: 2 {options[1].label}")
        qtbot.waitUntil(lambda: phones.votes() == {options[1].id: 1})
        panel = room.audience.join_panel
        assert panel.tally.rows == [TallyRow("2", 1, 0)]
        assert panel.devices.text() == "1 phone connected"

        # The phone locks and comes back (a reload): its vote is still marked.
        page.reload()
        expect(page.get_by_role("status")).to_contain_text(f"Your vote: 2 {options[1].label}")
        expect(buttons.nth(1)).to_have_attribute("aria-pressed", "true")
        assert phones.votes() == {options[1].id: 1}
    finally:
        page.close()


def test_a_table_joins_by_name_and_plays_a_round_in_the_browser(qtbot, groups_window, browser):
    from playwright.sync_api import expect

    qtbot.mouseClick(groups_window.start_button, Qt.MouseButton.LeftButton)
    page = browser.new_page(viewport=PHONE)
    try:
        page.goto(groups_window.link.url)
        expect(page.get_by_role("heading", name="Which table are you?")).to_be_visible()
        page.get_by_label("A new table's name").fill("Tigers")
        page.get_by_role("button", name="Start this table").click()
        qtbot.waitUntil(lambda: "Tigers: round 1 of 12" in groups_window.tables.text())
        expect(page.get_by_role("heading", name="Round 1 of 12")).to_be_visible()
        assert unnamed_buttons(page.locator("body").aria_snapshot()) == []
        run = groups_window.play.tables["Tigers"].run
        option = run.options()[1]
        page.get_by_role("button", name=re.compile(f"^2 {re.escape(option.label)}")).click()
        qtbot.waitUntil(lambda: "Tigers: round 2 of 12" in groups_window.tables.text())
        expect(page.get_by_role("heading", name="What happened")).to_be_visible()
        expect(page.get_by_role("heading", name="Round 2 of 12")).to_be_visible()
        (path,) = groups_window.play.paths()
        assert [step["choice"] for step in read_run(path)["steps"]] == [option.id]
    finally:
        page.close()
