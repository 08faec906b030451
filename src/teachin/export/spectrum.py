"""The spectrum-of-allies worksheet: a blank half circle of five wedges to write groups in.

The power mapping module's activity fills it in: who decides, who they depend on,
where each group stands, then the groups to move one wedge closer and the step of
the staircase that would do it. The drawing is ``teachin.workshop.spectrum_svg``,
printed as vector lines as wide as the text, so the wedges leave room to write.
"""

from __future__ import annotations

from teachin.export.documents import ExportDocument, render_print_template
from teachin.workshop.spectrum_svg import SPECTRUM_IMAGE, SPECTRUM_TITLE, WEDGES, spectrum_svg
from teachin.workshop.themes import PRINT

FIELDS = (
    "Our issue",
    "Who can say yes (the target)",
    "Who the target depends on",
)
PICTURE = SPECTRUM_IMAGE
MOVES = 6
"""Rows on the second page for groups to move one wedge."""
CREDIT = "The spectrum of allies is a tool from George Lakey and Training for Change."


def spectrum_worksheet() -> ExportDocument:
    """A blank spectrum of allies to write groups in, with who decides, and a table
    for the groups to move one wedge closer."""
    title = f"Worksheet: {SPECTRUM_TITLE.lower()}"
    html = render_print_template(
        "export_spectrum.html.j2",
        title=title,
        fields=FIELDS,
        wedges=WEDGES,
        picture=PICTURE,
        moves=range(MOVES),
        credit=CREDIT,
    )
    return ExportDocument(
        kind="spectrum",
        title=title,
        running_title="Worksheet",
        staircase_width=1.0,  # the half circle as wide as the text: room to write in
        parts=(html,),
        pictures={PICTURE: spectrum_svg(PRINT)},
    )
