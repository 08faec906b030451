"""Hostile content packs, generated on demand (nothing big is committed).

Each case is one function decorated with :func:`case`: it returns the files of a
pack as ``{relative path: text or bytes}``. The pack is written beside a canary
file (``CANARY_NAME``) that no command may ever open. To add a case, write one
more function; the fuzz tests pick it up.

Run as a script to write every pack into a folder for trying them by hand::

    python tests/fuzz/hostile_corpus.py /tmp/corpus
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path


class Link(str):
    """A symbolic link (to this target, relative to the link) instead of a file's text."""


Files = dict[str, str | bytes]
CASES: dict[str, Callable[[], Files]] = {}
CANARY_NAME = "canary-secret.png"
"""Lies beside every pack; a picture link may point at it, no command may read it."""


def case(function: Callable[[], Files]) -> Callable[[], Files]:
    CASES[function.__name__] = function
    return function


def module_text(
    module_id: str = "hostile", front: str = "", body: str = "## A slide\n\nSome text.\n"
) -> str:
    """A valid module, with ``front`` added to its settings and ``body`` as its slides."""
    return (
        "+++\n"
        f'id = "{module_id}"\n'
        'title = "Hostile"\n'
        'summary = "From a stranger."\n'
        "minutes = 20\n"
        'part = "Tests"\n'
        "order = 1\n"
        'objectives = ["Survive."]\n'
        'sources = ["Nobody."]\n'
        f"{front}"
        "+++\n\n"
        f"{body}"
    )


def scenario_text(
    extra: str = "", scenario_id: str = "hostile", effects: str = "support = 1"
) -> str:
    """A small valid scenario; ``extra`` is added at the top, ``effects`` to its one tactic."""
    return f"""format = "teachin-scenario"
version = 1
id = "{scenario_id}"
title = "Hostile scenario"
minutes = 20
{extra}
[debrief]
questions = ["Why?"]

[[measure]]
id = "support"
label = "Support"
start = 10

[[tactic]]
id = "leaflet"
label = "Leaflet"
step = "petition"
explain = "Why it works."
concept = "module:from-theory-to-practice"
effects = {{ {effects} }}

[[ending]]
id = "done"
result = "partial"
title = "Done"
text = "It ends."

[[round]]
title = "One"
situation = "Go."
tactics = ["leaflet"]
"""


def plan_text(blocks: str = '[[block]]\nkind = "free"\ntitle = "Hi"\nminutes = 5\n') -> str:
    return f'format = "teachin-plan"\nversion = 1\ntitle = "Hostile plan"\n\n{blocks}'


def glossary_text(terms: str) -> str:
    return terms


def term(term_id: str, definition: str = "A word.") -> str:
    return f'[[term]]\nid = "{term_id}"\nterm = "{term_id}"\ndefinition = "{definition}"\n\n'


DEEP = 8_000
"""Levels of nesting: far above the limit (32), small enough to write quickly."""
LONG_NUMBER = "9" * 5_000
"""More digits than Python's own limit for printing an integer (4,300)."""


# ------------------------------------------------------------ ordinary damage


@case
def unterminated_front_matter() -> Files:
    return {"modules/broken.md": "+++\nid = 'x'\n\n## A slide\n"}


@case
def invalid_utf8_module() -> Files:
    return {"modules/latin1.md": module_text().encode() + b"caf\xe9\n"}


@case
def byte_order_marks() -> Files:
    bom = "\ufeff"
    return {
        "modules/bom.md": bom + module_text("bom"),
        "scenarios/bom.toml": bom + scenario_text(scenario_id="bom"),
        "plans/bom.toml": bom + plan_text(),
    }


@case
def empty_files() -> Files:
    return {"modules/empty.md": "", "scenarios/empty.toml": "", "plans/empty.toml": ""}


# ------------------------------------------------------------ deep nesting


@case
def deep_toml_in_module_front_matter() -> Files:
    return {"modules/deep.md": module_text(front="extra = " + "[" * DEEP + "]" * DEEP + "\n")}


@case
def deep_toml_in_glossary() -> Files:
    return {"glossary.toml": term("base") + "extra = " + "[" * DEEP + "]" * DEEP + "\n"}


@case
def deep_toml_in_plan() -> Files:
    return {"plans/deep.toml": plan_text() + "notes2 = " + "{a=" * DEEP + "1" + "}" * DEEP}


@case
def deep_toml_in_scenario() -> Files:
    return {"scenarios/deep.toml": "x = " + "[" * DEEP + "]" * DEEP + "\n" + scenario_text()}


# ------------------------------------------------------------ long numbers


@case
def long_integer_in_module() -> Files:
    return {"modules/number.md": module_text(front=f"order2 = {LONG_NUMBER}\n")}


@case
def long_integer_as_module_order() -> Files:
    return {"modules/order.md": module_text().replace("order = 1", f"order = {LONG_NUMBER}")}


@case
def long_integer_in_glossary_and_staircase() -> Files:
    return {
        "glossary.toml": term("base") + f"count = {LONG_NUMBER}\n",
        "staircase.toml": f'title = "x"\nsize = {LONG_NUMBER}\n[[step]]\nid = "a"\nlabel = "A"\n',
    }


@case
def long_integer_in_plan_and_scenario() -> Files:
    return {
        "plans/number.toml": plan_text().replace("minutes = 5", f"minutes = {LONG_NUMBER}"),
        "scenarios/number.toml": scenario_text().replace(
            "minutes = 20", f"minutes = {LONG_NUMBER}"
        ),
    }


@case
def long_number_in_expression() -> Files:
    return {"scenarios/expression.toml": scenario_text(effects=f'support = "{"7" * 1_500} * 2"')}


@case
def overflowing_arithmetic() -> Files:
    return {
        "scenarios/inf.toml": scenario_text(scenario_id="inf", effects='support = "1e308 * 10"'),
        "scenarios/nan.toml": scenario_text(
            scenario_id="nan", effects='support = "1e308 * 10 - 1e308 * 10"'
        ),
    }


@case
def huge_minutes() -> Files:
    return {
        "plans/minutes.toml": plan_text().replace("minutes = 5", "minutes = " + "1" + "0" * 32),
        "modules/minutes.md": module_text("minutes").replace("minutes = 20", "minutes = 10000000"),
        "scenarios/minutes.toml": scenario_text().replace("minutes = 20", "minutes = 99999999"),
    }


# ------------------------------------------------------------ wrong shapes


@case
def glossary_term_value_is_a_list() -> Files:
    return {"glossary.toml": 'term = ["not", "a", "table"]\n'}


@case
def glossary_entries_of_wrong_types() -> Files:
    return {
        "glossary.toml": '[[term]]\nid = ["x"]\nterm = 3\ndefinition = {a = 1}\n'
        '[[term]]\nid = "ok"\nterm = "Ok"\ndefinition = "Fine."\nsee_also = "base"\n'
    }


@case
def staircase_of_wrong_types() -> Files:
    return {"staircase.toml": 'step = [1, "two", {id = ["x"]}]\n'}


@case
def expression_that_imports() -> Files:
    return {
        "scenarios/imports.toml": scenario_text(
            effects="support = \"__import__('os').system('x')\""
        )
    }


@case
def event_after_itself() -> Files:
    event = (
        '\n[[event]]\nid = "loop"\nkind = "media"\ntitle = "Loop"\ntext = "Again."\n'
        'after = "loop"\nchance = 1.0\n'
    )
    return {"scenarios/loop.toml": scenario_text() + event}


# ------------------------------------------------------------ too many things


@case
def many_glossary_terms() -> Files:
    return {"glossary.toml": "".join(term(f"t{number}") for number in range(5_000))}


@case
def many_plan_blocks() -> Files:
    block = '[[block]]\nkind = "free"\ntitle = "Hi"\nminutes = 5\n\n'
    return {"plans/many.toml": plan_text(block * 5_000)}


@case
def many_slides() -> Files:
    return {"modules/slides.md": module_text(body="## S\n\nx\n\n---\n\n" * 2_000)}


@case
def many_staircase_steps() -> Files:
    steps = "".join(f'[[step]]\nid = "s{n}"\nlabel = "S{n}"\n' for n in range(1_000))
    return {"staircase.toml": 'title = "x"\n' + steps}


@case
def many_tactics() -> Files:
    tactics = "".join(
        f'\n[[tactic]]\nid = "t{n}"\nlabel = "T"\nstep = "petition"\n' for n in range(1_000)
    )
    return {"scenarios/tactics.toml": scenario_text() + tactics}


@case
def oversized_module() -> Files:
    return {"modules/big.md": module_text(body="## Big\n\n" + ("word " * 20 + "\n") * 20_000)}


# ------------------------------------------------------------ loose layouts


@case
def loose_files_without_folders() -> Files:
    return {
        "loose-module.md": "+++\nid = 'x'\n",
        "loose-scenario.toml": scenario_text().replace("[[round]]", "[[round"),
        "loose-plan.toml": plan_text().replace("minutes = 5", "minutes = -3"),
    }


@case
def replaces_a_builtin_module() -> Files:
    return {"modules/mine.md": module_text("from-theory-to-practice")}


# ------------------------------------------------------------ outside the pack


@case
def picture_outside_the_pack() -> Files:
    body = f"## Look\n\n![secret](../{CANARY_NAME})\n\n![abs](/etc/passwd)\n"
    return {"modules/outside.md": module_text("outside", body=body)}


@case
def links_out_of_the_pack() -> Files:
    return {
        "modules/linked.md": Link(f"../../{CANARY_NAME}"),
        "glossary.toml": Link(f"../{CANARY_NAME}"),
        "scenarios/linked.toml": Link(f"../../{CANARY_NAME}"),
        "plans/linked.toml": Link(f"../../{CANARY_NAME}"),
    }


# ------------------------------------------------------------ Markdown
# Built to hang, crash or leak through the renderer (reader, projector, PDF).


def markdown_module(body: str) -> Files:
    return {"modules/hostile.md": module_text(body="## A slide\n\n" + body)}


@case
def unclosed_links() -> Files:
    return markdown_module("[a](" * 20_000 + "\n")


@case
def unclosed_links_under_the_limits() -> Files:
    return markdown_module("\n\n".join(["[a](" * 1_400] * 2) + "\n")


@case
def backtick_runs() -> Files:
    return markdown_module("\n".join(["`" * 9_000] * 20) + "\n\n" + "`` a " * 1_000 + "\n")


@case
def tight_definition_list() -> Files:
    return markdown_module("\n".join(f"Term {i}\n:   What term {i} means." for i in range(500)))


@case
def nested_emphasis() -> Files:
    return markdown_module("*a " * 1_000 + "x" + " a*" * 1_000 + "\n")


@case
def deeply_nested_list_and_quotes() -> Files:
    deep = "\n".join("    " * i + "- x" for i in range(200))
    return markdown_module(deep + "\n\n" + "> " * 1_000 + "x\n")


@case
def many_footnotes() -> Files:
    return markdown_module("\n\n".join(f"x[^{i}]\n\n[^{i}]: n" for i in range(20_000)))


@case
def long_markdown_line() -> Files:
    return markdown_module("x" * 900_000 + "\n")


@case
def many_code_fences_and_headings() -> Files:
    return markdown_module("\n".join(["```", "x", "```", "## h"] * 20_000))


@case
def attributes_and_html_that_restyle_notes() -> Files:
    return markdown_module(
        "/// notes\n    attrs: {style: 'display:none'}\n\nSecret.\n///\n\n"
        'Text\n{: style="display:none" onclick="alert(1)" .notes #slide-1 }\n\n'
        '<style>td.notes { display: none }</style>\n\n<div style="color:white">x</div>\n\n'
        '```{.python style="x" #y}\ncode\n```\n'
    )


@case
def pictures_from_everywhere() -> Files:
    return markdown_module(
        f"![up](../{CANARY_NAME})\n\n![abs](/etc/hosts)\n\n"
        "![unc](\\\\\\\\host\\\\share\\\\x.png)\n\n![drive](C:/x.png)\n\n"
        "![web](https://example.org/x.png)\n\n![file](file:///etc/hosts)\n\n"
        f"![ref][r]\n\n[r]: ../{CANARY_NAME}\n"
    )


def write_pack(root: Path, files: Files) -> Path:
    """Writes a pack into ``root/pack`` with the canary beside it; returns the pack folder."""
    pack = root / "pack"
    pack.mkdir(parents=True)
    (root / CANARY_NAME).write_bytes(b"\x89PNG canary: never to be read")
    for name, content in files.items():
        target = pack / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Link):
            target.symlink_to(content)
        elif isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_bytes(content)
    return pack


def main(arguments: list[str]) -> int:
    if len(arguments) != 1:
        print("usage: hostile_corpus.py FOLDER", file=sys.stderr)
        return 2
    for name, make in CASES.items():
        write_pack(Path(arguments[0]) / name, make())
        print(name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
