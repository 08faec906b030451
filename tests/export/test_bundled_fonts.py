"""The fonts that travel with teachin: they cover every character of the built-in
content (French included), and a PDF made on a machine with no fonts at all embeds them
and only them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.export.pdf_helpers import page_texts, squash

from teachin.locations import builtin_content_dir, resources_dir
from teachin.typefaces import FAMILY, FONT_FILES, MONO_FAMILY

pytestmark = pytest.mark.usefixtures("qapp")

FRENCH = "àâæçéèêëîïôœùûüÿÀÂÆÇÉÈÊËÎÏÔŒÙÛÜŸ«»’€"
BUNDLED_NAMES = {Path(name).stem for name in FONT_FILES}
"""The PostScript names of the bundled files (DejaVuSans-Bold, ...), as a PDF names them."""

NO_FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig></fontconfig>
"""


def _content_characters() -> set[str]:
    text = "".join(
        path.read_text(encoding="utf-8")
        for path in sorted(builtin_content_dir().rglob("*"))
        if path.suffix in (".md", ".toml")
    )
    return {char for char in text + FRENCH if char.isprintable() and not char.isspace()}


def test_the_application_has_the_bundled_families():
    from teachin.export.fonts import load_bundled_fonts

    assert load_bundled_fonts() == (FAMILY, MONO_FAMILY)


@pytest.mark.parametrize("name", [n for n in FONT_FILES if "Mono" not in n])
def test_every_character_of_the_content_is_in_each_style(name):
    from PySide6.QtGui import QRawFont

    font = QRawFont(str(resources_dir() / "fonts" / name), 12)
    assert font.isValid()
    assert font.familyName() == FAMILY
    missing = sorted(
        char for char in _content_characters() if not font.supportsCharacter(ord(char))
    )
    assert missing == []


def test_a_pdf_made_where_the_machine_has_no_fonts_embeds_only_the_bundled_ones(tmp_path):
    (tmp_path / "fonts.conf").write_text(NO_FONTS_CONF, encoding="utf-8")
    modules = tmp_path / "pack" / "modules"
    modules.mkdir(parents=True)
    (modules / "francais.md").write_text(
        '+++\nid = "francais"\ntitle = "Une grève à l’hôpital"\nsummary = "Résumé."\n'
        'minutes = 10\npart = "Essais"\norder = 1\nobjectives = ["Lire."]\n'
        'sources = ["Personne (2020)."]\n+++\n\n'
        f"## Ça commence\n\n/// handout | À retenir\n"  # what the handout prints
        f"Les préposées *votent* la **grève** : {FRENCH} `code`.\n///\n",
        encoding="utf-8",
    )
    out = tmp_path / "handout.pdf"
    env = {
        **os.environ,
        "FONTCONFIG_FILE": str(tmp_path / "fonts.conf"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    command = [sys.executable, "-m", "teachin", "--content", str(tmp_path / "pack")]
    subprocess.run(
        [*command, "export", "handout", "francais", "-o", str(out)],
        env=env,
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=60,
    )
    fonts = {
        str(font["/BaseFont"]).lstrip("/").split("+")[-1]
        for page in PdfReader(out).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSansMono"} <= fonts
    assert fonts <= BUNDLED_NAMES
    text = squash("".join(page_texts(out)))
    assert squash(f"Les préposées votent la grève : {FRENCH} code.") in text
