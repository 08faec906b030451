"""Every theme's colour pairs, checked in plain Python by the WCAG 2 contrast ratio."""

from __future__ import annotations

import pytest

from teachin.workshop.contrast import (
    HIGH_MINIMUM,
    NORMAL_MINIMUM,
    contrast_problems,
    contrast_ratio,
    every_theme,
    minimum_for,
    theme_pairs,
)
from teachin.workshop.themes import DARK, HIGH_CONTRAST, LIGHT


def test_the_ratio_is_wcags() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    # Values from WebAIM's contrast checker.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#1d1f21", "#000000") == pytest.approx(1.27, abs=0.01)
    with pytest.raises(ValueError):
        contrast_ratio("#fff", "#000000")


@pytest.mark.parametrize("theme", every_theme(), ids=lambda theme: theme.id)
def test_every_theme_pairs_its_colours_readably(theme) -> None:
    assert len(theme_pairs(theme)) > 20
    assert contrast_problems(theme) == []


def test_high_contrast_promises_more() -> None:
    assert minimum_for(HIGH_CONTRAST) == HIGH_MINIMUM > minimum_for(LIGHT) == NORMAL_MINIMUM


def test_a_faint_theme_is_named_with_its_pair() -> None:
    from dataclasses import replace

    faint = replace(DARK, text="#1d1f21", background="#000000")  # the old board's pair
    problems = contrast_problems(faint)
    assert any(
        "body text on the page is 1.27:1 (#1d1f21 on #000000), below 4.5:1" in p for p in problems
    ), problems
