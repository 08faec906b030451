"""The truth behind the group's estimates, told at the end as rich text: the player's
debrief, the room's end screen and the debrief board's cards say it the same way."""

from __future__ import annotations

from html import escape

from teachin.debrief.model import RunStory


def truth_html(story: RunStory, voice: str = "you") -> str:
    """The estimates revealed (told to ``"you"`` or by the room, ``"we"``): the end
    first, then the key moments; "" when the scenario estimates nothing."""
    if not story.reveals:
        return ""
    end = [r for r in story.reveals if not r.round]
    moments = [r for r in story.reveals if r.round]
    text = "".join(f"<p><b>{escape(r.told(voice))}</b></p>" for r in end)
    if moments:
        text += "<ul>" + "".join(f"<li>{escape(r.told(voice))}</li>" for r in moments) + "</ul>"
    return text
