"""Facts the shipped curriculum states more than once agree, and each is credited to a source
that covers it.

The two-page source text credits only the staircase image to Mehreen and Gray-Donald's 2015
article; the events of 2010-2012 are sourced to histories of the strike. A count repeated in two
modules (Robinson's leaflets) is the same count everywhere, so a facilitator never reads two.
"""

import re

import pytest

from teachin.locations import builtin_content_dir
from teachin.workshop.library import load_library

EXAMPLE_BLOCK = re.compile(r"^/// example \|(.*?)^///$", re.MULTILINE | re.DOTALL)
LEAFLET_COUNT = re.compile(r"\b((?:tens of |hundreds of )?thousands of|\d[\d,]*) leaflets")
STAIRCASE_ARTICLE = "Gray-Donald"


@pytest.fixture(scope="module")
def library():
    return load_library([builtin_content_dir()])


def test_no_example_is_sourced_to_the_staircase_article(library):
    credited = [
        f"{module.path}: example{example.splitlines()[0]}"
        for module in library.modules.values()
        for example in EXAMPLE_BLOCK.findall(module.body)
        if STAIRCASE_ARTICLE in example
    ]
    assert credited == []


def test_the_montgomery_leaflet_count_is_the_same_wherever_it_is_told(library):
    counts = {
        (module.id, count)
        for module in library.modules.values()
        for passage in re.split(r"\n\s*\n", module.body)
        if "Montgomery" in passage or "Robinson" in passage
        for count in LEAFLET_COUNT.findall(passage)
    }
    assert len({module_id for module_id, _ in counts}) >= 2, counts
    assert len({count for _, count in counts}) == 1, sorted(counts)
