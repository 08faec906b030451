"""The limits every reader checks before parsing: nesting depth and long numbers."""

from pathlib import Path

import pytest

from teachin.limits import MAX_DIGITS, MAX_NESTING, count_problem, size_problem, structure_problem

PATH = Path("pack/file.toml")


def test_deep_nesting_is_refused_with_its_line():
    text = "title = 'x'\n\nvalue = " + "[" * 10_000 + "]" * 10_000
    problem = structure_problem(text, PATH, first_line=5)
    assert problem is not None
    assert (problem.path, problem.line) == (PATH, 7)
    assert "nested too deeply" in problem.message


def test_nesting_up_to_the_limit_is_accepted():
    text = "value = " + "[" * MAX_NESTING + "]" * MAX_NESTING
    assert structure_problem(text, PATH) is None


def test_a_number_with_too_many_digits_is_refused_with_its_line():
    problem = structure_problem('a = 1\nb = "x"\nseed = ' + "7" * 5_000, PATH)
    assert problem is not None
    assert problem.line == 3
    assert f"more than {MAX_DIGITS} digits" in problem.message


@pytest.mark.parametrize(
    "text",
    [
        'text = "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["',
        "text = '''" + "{" * 100 + "'''",
        "# a comment [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\nx = 1",
        'phone = "' + "5" * 100 + '"',
        '{"a": "\\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}',
    ],
)
def test_brackets_and_digits_inside_strings_and_comments_do_not_count(text):
    assert structure_problem(text, PATH) is None


def test_size_and_count_problems_name_the_limit():
    assert size_problem(PATH, 1_000) is None
    assert "too big" in str(size_problem(PATH, 50_000_000))
    assert count_problem(PATH, 4, 10, 10, "slides") is None
    problem = count_problem(PATH, 4, 100_000, 300, "slides")
    assert str(problem) == f"{PATH}:4: error: too many slides: 100,000 (the limit is 300)"
