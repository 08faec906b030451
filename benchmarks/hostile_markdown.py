"""Benchmark: the renderer's worst cases, just inside the Markdown limits and beyond them.

    python benchmarks/hostile_markdown.py [--only NAME]

Each case is a module body built to be slow for Python-Markdown (many marks,
unclosed links and backticks, long runs of lines, nesting, footnotes), sized to
stay inside ``teachin.limits`` (these render) or to exceed them (these are
refused before parsing, or stopped by the scan budget or the depth guard, and
show a placeholder). Prints wall and CPU time for the limits check and the
facilitator rendering of each. Target: every case under 2 s of CPU.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from teachin.limits import (
    MAX_FOOTNOTES,
    MAX_LINE_CHARS,
    MAX_MARKDOWN_CHARS,
    MAX_MARKUP_NESTING,
    MAX_MARKUP_PIECES,
    MAX_RUN_LINES,
)
from teachin.workshop.module import parse_module
from teachin.workshop.render import module_body_html
from teachin.workshop.views import View

FRONT = (
    '+++\nid = "x"\ntitle = "X"\nsummary = "s"\nminutes = 5\npart = "p"\norder = 1\n'
    'objectives = ["o"]\nsources = ["s"]\n+++\n\n## Slide\n\n'
)
PIECES = MAX_MARKUP_PIECES - 10


def paragraphs(unit: str, marks_per_unit: int) -> str:
    """Paragraphs of one line each, as many marks in all as the limit allows."""
    per_line = 100
    lines = PIECES // (per_line * marks_per_unit + 1)
    return "\n\n".join([unit * per_line] * lines)


CASES: dict[str, Callable[[], str]] = {
    # Inside the limits: these render.
    "empty paragraphs": lambda: "a\n\n" * PIECES,
    "emphasis": lambda: paragraphs("*a* ", 2),
    "code spans": lambda: paragraphs("`a` ", 2),
    "links": lambda: paragraphs("[a](b) ", 1),
    "unclosed links": lambda: paragraphs("[a](", 1),
    "unclosed backticks": lambda: paragraphs("`` a", 2),
    "smart quotes": lambda: "\n\n".join(["'a' \"b\" " * 400] * 20),
    "tight glossary": lambda: "\n\n".join(
        "\n".join(f"Term {i}\n: means {i}" for i in range(MAX_RUN_LINES // 2))
        for _ in range(PIECES // MAX_RUN_LINES)
    ),
    "headings in runs": lambda: "\n\n".join(
        ["\n".join(["## h"] * MAX_RUN_LINES)] * (PIECES // MAX_RUN_LINES)
    ),
    "table rows": lambda: "\n\n".join(
        ["| a | b |\n|---|---|\n" + "\n".join(["| c | d |"] * (MAX_RUN_LINES - 2))]
        * (PIECES // MAX_RUN_LINES)
    ),
    "nested lists": lambda: "\n\n".join(
        ["\n".join("    " * i + "- x" for i in range(MAX_MARKUP_NESTING))] * 150
    ),
    "footnotes": lambda: "\n\n".join(f"x[^{i}]\n\n[^{i}]: note {i}" for i in range(MAX_FOOTNOTES)),
    "long plain lines": lambda: "\n\n".join(
        ["w " * (MAX_LINE_CHARS // 2)] * (MAX_MARKDOWN_CHARS // MAX_LINE_CHARS - 1)
    ),
    "code fences": lambda: "\n\n".join(["```\nx\n```"] * (PIECES // 2)),
    # Beyond them: refused before parsing, or stopped while rendering.
    "[a]( x 20,000": lambda: "[a](" * 20_000,
    "2 MB line": lambda: "x" * 2_000_000,
    "1,000-level list": lambda: "\n".join("  " * i + "- x" for i in range(1_000)),
    "1,000 nested emphasis": lambda: "*a " * 1_000 + "x" + " a*" * 1_000,
    "20,000 footnotes": lambda: "\n\n".join(f"x[^{i}]\n\n[^{i}]: n" for i in range(20_000)),
    "500 KB of text": lambda: "word " * 100_000,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", help="run the cases whose name contains this")
    args = parser.parse_args()
    print(f"{'case':24} {'size':>8} {'wall s':>7} {'cpu s':>6}  result")
    for name, make in CASES.items():
        if args.only and args.only not in name:
            continue
        text = FRONT + make()
        wall, cpu = time.perf_counter(), time.process_time()
        module, problems = parse_module(text, Path("/nonexistent/modules/x.md"))
        if module is None:
            result = f"not loaded: {problems[0].message[:50]}"
        else:
            html = module_body_html(module, View.FACILITATOR)
            shown = (
                "box, not shown" if "cannot be shown" in html or "too large" in html else "rendered"
            )
            result = f"{shown} ({len(html) // 1000} KB of HTML)"
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"{name:24} {len(text) // 1000:6} KB {wall:7.2f} {cpu:6.2f}  {result}", flush=True)


if __name__ == "__main__":
    main()
