"""The spectrum of allies drawing: five solid wedges in a half circle, each name inside its own wedge."""

from __future__ import annotations

import math
import re

import pytest

from teachin.workshop.spectrum_svg import PICTURE_WIDTH, WEDGES, picture_height, spectrum_svg
from teachin.workshop.themes import PRINT

_WEDGE = re.compile(r'<path d="M ([\d.]+) ([\d.]+) L [^"]*A ([\d.]+) ')
_TEXT = re.compile(r'<text x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]+)</text>')


@pytest.fixture(scope="module")
def svg() -> str:
    return spectrum_svg(PRINT)


def test_five_wedges_in_solid_lines_on_white(svg: str) -> None:
    paths = re.findall(r"<path [^>]*>", svg)
    assert len(paths) == len(WEDGES) == 5
    for path in paths:
        assert f'fill="{PRINT.background}"' in path and f'stroke="{PRINT.text}"' in path
        width = float(re.search(r'stroke-width="([\d.]+)"', path).group(1))
        assert width >= 3  # survives a photocopier
    assert "stroke-dasharray" not in svg
    assert f'height="{picture_height():.0f}"' in svg
    assert picture_height() < PICTURE_WIDTH * 0.6  # fits a page under its heading


def test_each_name_sits_inside_its_own_wedge_from_our_side_to_theirs(svg: str) -> None:
    centre_x, centre_y, radius = map(float, _WEDGE.search(svg).groups())
    texts = _TEXT.findall(svg)
    angles = []
    for index, label in enumerate(WEDGES):
        first_word = label.split()[0]
        # Each wedge's first word, in order: "Active" twice, so take them in turn.
        x, y, _ = next(t for t in texts if t[2] == first_word)
        texts.remove((x, y, first_word))
        dx, dy = float(x) - centre_x, centre_y - float(y)
        assert math.hypot(dx, dy) < radius, label
        angle = math.degrees(math.atan2(dy, dx))
        assert 180 - 36 * (index + 1) < angle < 180 - 36 * index, (label, angle)
        angles.append(angle)
    assert angles == sorted(angles, reverse=True)
    words = {word for _, _, word in _TEXT.findall(svg)}
    assert {word for label in WEDGES for word in label.split()} <= words
    assert "← Our side" in words and "The other side →" in words


def test_the_title_names_every_wedge_for_a_screen_reader(svg: str) -> None:
    title = re.search(r"<title>(.*?)</title>", svg).group(1)
    assert all(label in title for label in WEDGES)


def test_a_spectrum_block_shows_the_picture_with_its_wedges_in_words(tmp_path) -> None:
    from teachin.workshop.check import check_library
    from teachin.workshop.library import load_library
    from teachin.workshop.render import render_module
    from teachin.workshop.spectrum_svg import SPECTRUM_IMAGE
    from teachin.workshop.views import View

    modules = tmp_path / "modules"
    modules.mkdir()
    (modules / "m.md").write_text(
        '+++\nid = "m"\ntitle = "M"\nsummary = "S"\nminutes = 15\npart = "P"\norder = 1\n'
        'objectives = ["O"]\nsources = ["S"]\n+++\n\n## Where they stand\n\n'
        "/// spectrum\n///\n",
        encoding="utf-8",
    )
    library = load_library([tmp_path])
    html = render_module(library.modules["m"], View.PROJECTOR)
    image = re.search(rf'<img alt="([^"]*)" src="{SPECTRUM_IMAGE}"', html)
    assert image is not None, html
    assert all(label in image.group(1) for label in WEDGES)
    refused = [
        p for p in check_library(library) if "picture" in p.message or "spectrum" in p.message
    ]
    assert refused == []
