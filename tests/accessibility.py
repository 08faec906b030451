"""What a screen-reader or keyboard user meets in a window: its controls, the name Qt's
accessibility interface gives each, and where Tab and Shift+Tab take the focus.

Qt's offscreen platform builds the accessibility interfaces but not the whole tree a
screen reader would walk (no platform bridge), so the controls are found from the
widget tree and each is asked for its own ``QAccessibleInterface``: the name there is
what a screen reader reads (the accessible name, or the visible text, or a buddy
label's text, as Qt decides)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

ALWAYS_INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
    QTabBar,
)
"""Controls a user acts on. Text views (QTextEdit and friends) count when they take focus."""


def _part_of_another_control(widget: QWidget) -> bool:
    """Pieces Qt builds inside a control and names through it: a combo box's or spin
    box's line edit, a tab bar's scroll arrows, scroll bars, a toolbar's overflow arrow."""
    parent = widget.parentWidget()
    if isinstance(widget, QScrollBar | QHeaderView):
        return True
    if isinstance(parent, QComboBox | QAbstractSpinBox | QTabBar):
        return True
    return isinstance(parent, QToolBar) and widget.objectName() == "qt_toolbar_ext_button"


def is_control(widget: QWidget) -> bool:
    if _part_of_another_control(widget):
        return False
    if isinstance(widget, ALWAYS_INTERACTIVE):
        return True
    text_view = isinstance(widget, QTextEdit | QPlainTextEdit)
    return text_view and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def accessible_widgets(window: QWidget) -> list[QWidget]:
    """The widgets in ``window``'s accessibility tree, as a screen reader walks it from
    the window down (items of lists and tables have no widget: they are left out)."""
    found: list[QWidget] = []
    pending = [QAccessible.queryAccessibleInterface(window)]
    while pending:
        interface = pending.pop()
        if interface is None or not interface.isValid():
            continue
        thing = interface.object()
        if isinstance(thing, QWidget):
            if thing.window() is not window:  # a combo box's popup list, a tool tip
                continue
            found.append(thing)
        pending.extend(interface.child(i) for i in range(interface.childCount()))
    return found


def visible_controls(window: QWidget) -> list[QWidget]:
    """The controls a user can see in ``window`` now (a hidden page's are not there),
    and whatever else Tab stops at (a scroll area, a picture that takes keys): when the
    focus lands there a screen reader says its name."""
    return [
        widget
        for widget in accessible_widgets(window)
        if widget.isVisible()
        and (is_control(widget) or (takes_tab(widget) and not _part_of_another_control(widget)))
    ]


def accessible_name(widget: QWidget) -> str:
    """What a screen reader announces as the control's name. On Linux Qt gives a
    combo box's current item as its name (whatever its accessible name) and names it
    through the label relation its buddy label makes; so a combo box is named by that
    label, or else by an accessible name some other platform would read."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.isValid(), f"{describe(widget)}: no interface"
    if isinstance(widget, QComboBox):
        labels = interface.relations(QAccessible.RelationFlag.Label)
        label = " ".join(other.text(QAccessible.Text.Name) for other, _flag in labels)
        return (label or widget.accessibleName()).strip()
    return interface.text(QAccessible.Text.Name).strip()


def describe(widget: QWidget) -> str:
    """Enough to find the widget in the code: its class, object name and text."""
    text = widget.text() if isinstance(widget, QAbstractButton | QLineEdit | QLabel) else ""
    said = widget.accessibleName() or text[:40]
    parent = widget.parentWidget()
    where = f" in {type(parent).__name__} {parent.objectName()!r}" if parent else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {said!r}{where}"


def unnamed_controls(window: QWidget) -> list[str]:
    return [describe(w) for w in visible_controls(window) if not accessible_name(w)]


def repeated_names(window: QWidget) -> dict[str, list[str]]:
    """Names two or more visible controls share: a screen-reader user can't tell them apart."""
    controls = visible_controls(window)
    names = Counter(accessible_name(w) for w in controls)
    return {
        name: [describe(w) for w in controls if accessible_name(w) == name]
        for name, count in names.items()
        if name and count > 1
    }


# ---------------------------------------------------------------------- keyboard


def takes_tab(widget: QWidget) -> bool:
    """A widget Tab should stop at: it takes focus by Tab, is shown, enabled and no
    other widget takes the focus in its place."""
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.isVisible()
        and widget.isEnabled()
        and widget.focusProxy() is None
    )


def tab_stops(window: QWidget) -> list[QWidget]:
    return [
        w
        for w in window.findChildren(QWidget)
        if w.window() is window and takes_tab(w) and not _part_of_another_control(w)
    ]


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def activate(window: QWidget) -> None:
    """Makes ``window`` the one keys go to, and waits until the application knows it."""
    window.activateWindow()
    for _ in range(200):
        if QApplication.activeWindow() is window:
            return
        QTest.qWait(10)
    raise AssertionError(f"{describe(window)} never became the active window")


def tab_cycle(window: QWidget, start: QWidget, backwards: bool = False) -> list[QWidget]:
    """The widgets the focus visits, pressing Tab (or Shift+Tab) from ``start`` until it
    comes back there (or visits a widget twice, or leaves the window, or stays in one
    widget for good: a keyboard trap)."""
    activate(window)
    start.setFocus(Qt.FocusReason.TabFocusReason)
    assert focused() is start, (
        f"{describe(start)} does not take the focus ({describe(focused())} has it; active {QApplication.activeWindow()})"
    )
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    visited = [start]
    stayed = 0
    while len(visited) < 200 and stayed < 5:
        QTest.keyClick(focused(), key, modifier)
        now = focused()
        if now is visited[-1]:  # a time edit's Tab goes to its next field first
            stayed += 1
            continue
        if now is start or now in visited or now.window() is not window:
            break
        visited.append(now)
        stayed = 0
    return visited


def _above(upper: QRect, lower: QRect) -> bool:
    """``upper`` wholly above ``lower``, in the same column (their spans across overlap)."""
    same_column = upper.left() < lower.right() and lower.left() < upper.right()
    return same_column and upper.bottom() < lower.top()


def _left_of(left: QRect, right: QRect) -> bool:
    """``left`` wholly left of ``right``, on the same row (their spans down overlap)."""
    same_row = left.top() < right.bottom() and right.top() < left.bottom()
    return same_row and left.right() < right.left()


def _ancestors(widget: QWidget) -> list[QWidget]:
    """``widget``, its parent, and so on up to its window."""
    chain = [widget]
    while not chain[-1].isWindow() and chain[-1].parentWidget() is not None:
        chain.append(chain[-1].parentWidget())
    return chain


def _must_precede(first: QWidget, second: QWidget) -> bool:
    """Reading order puts ``first`` before ``second``: where their branches of the
    widget tree part, ``first``'s branch is above ``second``'s in one column or left
    of it on one row. Compared there, not on the screen, so that what a scroll area
    holds is read in its own order however far it is scrolled; a container and what
    it holds are in no order."""
    up_first, up_second = _ancestors(first), _ancestors(second)
    if first in up_second or second in up_first:
        return False
    common = next(w for w in up_first if w in up_second)
    branch_first = up_first[up_first.index(common) - 1]
    branch_second = up_second[up_second.index(common) - 1]
    box_first, box_second = branch_first.geometry(), branch_second.geometry()
    return _above(box_first, box_second) or _left_of(box_first, box_second)


def out_of_reading_order(cycle: list[QWidget]) -> list[str]:
    """Pairs of stops that Tab visits against reading order: a stop visited after one
    that reading order puts after it. Tab order is a cycle; it is read from the
    rotation with the fewest such pairs (reading may start anywhere: the focus starts
    where the window puts it)."""
    count = len(cycle)
    before = [[_must_precede(a, b) for b in cycle] for a in cycle]
    best: list[str] | None = None
    for shift in range(count):
        order = [(shift + i) % count for i in range(count)]
        wrong = [
            f"{describe(cycle[later])} comes after {describe(cycle[earlier])}"
            for i, earlier in enumerate(order)
            for later in order[i + 1 :]
            if before[later][earlier]
        ]
        if best is None or len(wrong) < len(best):
            best = wrong
    return best or []


def keyboard_problems(window: QWidget, start: QWidget) -> list[str]:
    """What keeps a keyboard user from ``window``'s controls, in reading order: stops
    Tab never reaches from ``start``, stops out of reading order, and Shift+Tab not
    going back the same way."""
    forward = tab_cycle(window, start)
    problems = [f"Tab never reaches {describe(w)}" for w in tab_stops(window) if w not in forward]
    problems += out_of_reading_order(forward)
    backward = tab_cycle(window, start, backwards=True)
    if backward != [start, *reversed(forward[1:])]:
        problems.append(
            "Shift+Tab does not go back the way Tab came: "
            f"{[describe(w) for w in forward]} then {[describe(w) for w in backward]}"
        )
    return problems


def _has_a_key(widget: QWidget) -> bool:
    """A button with a shortcut of its own (an underlined letter), or a toolbar button
    whose action has a shortcut or sits in a menu (reached with Alt and the arrows)."""
    if isinstance(widget, QAbstractButton) and not widget.shortcut().isEmpty():
        return True
    action = widget.defaultAction() if isinstance(widget, QToolButton) else None
    if action is None:
        return False
    in_a_menu = any(isinstance(o, QMenu) for o in action.associatedObjects())
    return in_a_menu or not action.shortcut().isEmpty()


def _reached_by_arrows(widget: QWidget) -> bool:
    """A button of a button group: Qt keeps one Tab stop for the group (the button
    last focused) and the arrow keys move between its buttons."""
    group = widget.group() if isinstance(widget, QAbstractButton) else None
    return group is not None and any(takes_tab(other) for other in group.buttons())


def out_of_tab_reach(window: QWidget) -> list[str]:
    """The names of ``window``'s shown, enabled controls that Tab never stops at and
    that have no key of their own: each needs another way in (a window's own key)."""
    return sorted(
        accessible_name(widget)
        for widget in visible_controls(window)
        if widget.isEnabled()
        and not takes_tab(widget)
        and widget.focusProxy() is None
        and not _has_a_key(widget)
        and not _reached_by_arrows(widget)
    )


def naming_problems(window: QWidget) -> list[str]:
    """Controls with no name, and names two controls share."""
    problems = [f"no name: {what}" for what in unnamed_controls(window)]
    problems += [
        f"{name!r} names {', '.join(them)}" for name, them in repeated_names(window).items()
    ]
    return problems


def check_window(window: QWidget, start: QWidget | None = None, keys: tuple[str, ...] = ()) -> None:
    """``window`` as it is now: every control named, no two alike; Tab from ``start``
    (else the first stop) reaching every stop in reading order and Shift+Tab coming
    back; and every control Tab does not reach is one of ``keys``, the controls the
    window has a key of its own for (its tests press those keys)."""
    activate(window)
    problems = naming_problems(window)
    stops = tab_stops(window)
    if stops:
        problems += keyboard_problems(window, start or stops[0])
    missing = sorted(set(out_of_tab_reach(window)) - set(keys))
    problems += [f"no key or Tab reaches {name!r}" for name in missing]
    assert not problems, "\n".join(problems)
