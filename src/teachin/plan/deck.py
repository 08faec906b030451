"""What the projector shows for a plan: one frame per slide, break or free block.

Qt-free. A frame is one screenful; a slide with the staircase on it has as many
reveal steps as the staircase has steps, and moving forward reveals one step at
a time before going to the next frame.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from teachin.plan.model import KIND_LABELS, Block, BlockKind, Plan
from teachin.workshop.library import Library
from teachin.workshop.module import Module
from teachin.workshop.render import slide_html, slide_notes_html
from teachin.workshop.views import View


@dataclass(frozen=True)
class Frame:
    block: int
    """Index of the plan block this frame belongs to."""
    kind: BlockKind
    title: str
    module: Module | None = None
    slide: int | None = None
    """The slide's index in its module, for module frames."""
    steps: int = 0
    """How many staircase steps this frame reveals one by one (0: no staircase)."""
    missing: str = ""
    """Why the frame has nothing to show (a module not in the library)."""


def plan_for_module(module: Module) -> Plan:
    """A one-block plan, for presenting a single module."""
    block = Block(BlockKind.MODULE, module.minutes, ref=module.id)
    return Plan(id=module.id, title=module.title, blocks=[block])


def build_deck(
    plan: Plan, library: Library, scenario_titles: Mapping[str, str] | None = None
) -> list[Frame]:
    titles = {module.id: module.title for module in library.modules.values()}
    titles.update(scenario_titles or {})
    step_count = len(library.staircase.steps) if library.staircase is not None else 0
    frames: list[Frame] = []
    for index, block in enumerate(plan.blocks):
        title = block.display_title(titles)
        if block.kind == BlockKind.MODULE:
            module = library.modules.get(block.ref)
            if module is None or not module.slides:
                frames.append(
                    Frame(
                        index,
                        block.kind,
                        title,
                        missing=f"module '{block.ref}' is not in the library",
                    )
                )
                continue
            for slide in module.slides:
                if block.skips(slide.title):
                    continue
                steps = step_count if "staircase" in slide.block_kinds() else 0
                frames.append(Frame(index, block.kind, slide.title, module, slide.index, steps))
        else:
            frames.append(Frame(index, block.kind, title))
    return frames


@dataclass
class Position:
    """Where the presentation is: a frame, and how many staircase steps are shown on it."""

    frame: int = 0
    revealed: int = 0


class Navigator:
    """Moves through a deck like a clicker: forward, back, first, last, to a number."""

    def __init__(self, frames: list[Frame]) -> None:
        self.frames = frames
        self.position = Position(0, self._first_reveal(0))

    @property
    def count(self) -> int:
        return len(self.frames)

    @property
    def current(self) -> Frame | None:
        return self.frames[self.position.frame] if self.frames else None

    def _first_reveal(self, index: int) -> int:
        return 1 if self.frames and self.frames[index].steps else 0

    def _all_revealed(self, index: int) -> int:
        return self.frames[index].steps if self.frames else 0

    def forward(self) -> bool:
        if not self.frames:
            return False
        frame = self.frames[self.position.frame]
        if frame.steps and self.position.revealed < frame.steps:
            self.position.revealed += 1
            return True
        return self.go_to(self.position.frame + 1)

    def back(self) -> bool:
        if not self.frames:
            return False
        if self.position.revealed > 1:
            self.position.revealed -= 1
            return True
        if self.position.frame == 0:
            return False
        index = self.position.frame - 1
        self.position = Position(index, self._all_revealed(index))
        return True

    def go_to(self, index: int) -> bool:
        """To the start of frame ``index`` (0-based); False if there is no such frame."""
        if not 0 <= index < len(self.frames) or (
            index == self.position.frame and not self.frames[index].steps
        ):
            return False
        self.position = Position(index, self._first_reveal(index))
        return True

    def first(self) -> bool:
        return (
            self.go_to(0)
            if self.frames and self.position != Position(0, self._first_reveal(0))
            else False
        )

    def last(self) -> bool:
        if not self.frames:
            return False
        index = len(self.frames) - 1
        target = Position(index, self._all_revealed(index))
        if self.position == target:
            return False
        self.position = target
        return True

    def next_frame(self) -> Frame | None:
        """What comes after the current frame (for the console's preview)."""
        index = self.position.frame + 1
        return self.frames[index] if index < len(self.frames) else None

    def first_frame_of_block(self, block: int) -> int | None:
        return next((i for i, frame in enumerate(self.frames) if frame.block == block), None)


def frame_html(frame: Frame, plan: Plan, until: str | None = None, summary: str = "") -> str:
    """The frame's HTML body for the audience screen (no notes, nothing only the facilitator needs).

    ``until``: the clock time the block ends (a break's "back at"), if known.
    ``summary``: a scenario's one-line summary.
    """
    if frame.module is not None and frame.slide is not None:
        return slide_html(frame.module, frame.slide, View.PROJECTOR)
    block = plan.blocks[frame.block]
    title = escape(frame.title)
    if frame.kind == BlockKind.BREAK:
        back = f'<p class="frame-big">Back at {escape(until)}</p>' if until else ""
        return f'<h1 class="frame-title">{title}</h1>{back}'
    if frame.kind == BlockKind.SCENARIO:
        lines = [f'<h1 class="frame-title">Scenario: {title}</h1>']
        if summary:
            lines.append(f"<p>{escape(summary)}</p>")
        lines.append(
            "<p>Play it in your groups: open teachin on your group's laptop and choose "
            f"“{title}” from the scenarios.</p>"
        )
        if until:
            lines.append(f'<p class="frame-big">Until {escape(until)}</p>')
        return "".join(lines)
    if frame.missing:
        return f'<h1 class="frame-title">{title}</h1>'
    until_text = f'<p class="frame-big">Until {escape(until)}</p>' if until else ""
    return f'<h1 class="frame-title">{title}</h1>{until_text}' + (
        f"<p>{escape(KIND_LABELS[block.kind])}</p>" if block.kind != BlockKind.FREE else ""
    )


def frame_notes_html(frame: Frame, plan: Plan, room: bool = False) -> str:
    """What the console shows under "Notes" for a frame: facilitator notes, or the block's own notes.

    ``room``: the presentation can play this frame's scenario with the whole room.
    """
    block = plan.blocks[frame.block]
    parts = []
    if frame.missing:
        parts.append(f"<p><b>Cannot show this block:</b> {escape(frame.missing)}.</p>")
    if frame.module is not None and frame.slide is not None:
        notes = slide_notes_html(frame.module, frame.slide)
        if notes:
            parts.append(notes)
    if block.notes and (frame.slide in (None, 0)):
        lines = "<br />".join(escape(line) for line in block.notes.splitlines() if line.strip())
        parts.append(f"<p><b>Plan notes:</b> {lines}</p>")
    if frame.kind == BlockKind.SCENARIO:
        if room:
            parts.append(
                "<p>The groups play this scenario on their own laptops, or the whole room "
                "plays it together on this screen: press R (“Play with the room”).</p>"
            )
        else:
            parts.append(
                "<p>The groups play this scenario on their own laptops. "
                "Playing it with the whole room on this screen is not available yet.</p>"
            )
    return "".join(parts)
