"""The font families teachin ships (DejaVu, in ``resources/fonts/``) and draws its
printed and projected documents in, named here for the core's pictures (no Qt);
:mod:`teachin.export.fonts` loads the files into Qt."""

from __future__ import annotations

FAMILY = "DejaVu Sans"
"""The family of every PDF and slide, and of the pictures drawn in them."""
MONO_FAMILY = "DejaVu Sans Mono"
"""For code (a backquoted word in a module), in PDFs."""
FONT_FILES = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
    "DejaVuSansMono.ttf",
)
"""The files in ``resources/fonts/``: the four styles of the family and the mono one."""
