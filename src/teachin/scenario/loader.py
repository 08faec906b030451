"""Read scenario files (TOML) into :class:`Scenario` objects.

Every mistake becomes a :class:`Problem` with the file and line; nothing here
raises on bad content. A file with errors is skipped, the rest still load.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from teachin.limits import MAX_MINUTES, MAX_TACTICS, count_problem
from teachin.locations import files_inside, is_inside
from teachin.problems import Problem, error, info, line_of, warning
from teachin.scenario.expressions import Expression, ExpressionError, compile_expression
from teachin.scenario.model import (
    ENGINE_NAMES,
    RESULTS,
    STRATEGIES,
    TACTIC_KINDS,
    Effect,
    Ending,
    Event,
    Measure,
    Need,
    Round,
    Scenario,
    Setting,
    Tactic,
    scenario_names,
)
from teachin.tomlfile import parse_toml, read_text

# The staircase order, used when no staircase.toml is found in the content folders.
DEFAULT_STEPS = (
    "popular-education",
    "petition",
    "symbolic-actions",
    "local-actions",
    "small-demonstrations",
    "large-demonstrations",
    "one-day-strike",
    "direct-actions",
    "week-strike",
    "general-strike",
)

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_MEASURE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_DIFFICULTIES = ("introductory", "intermediate", "advanced")
EVENT_KINDS = (
    "target",
    "police",
    "repression",
    "media",
    "politicians",
    "allies",
    "base",
    "other",
)

_TOP_KEYS = {
    "format",
    "version",
    "id",
    "title",
    "summary",
    "minutes",
    "difficulty",
    "concepts",
    "setting",
    "measure",
    "tactic",
    "event",
    "ending",
    "round",
    "every_round",
    "debrief",
}
_MEASURE_KEYS = {
    "id",
    "label",
    "meaning",
    "start",
    "spread",
    "min",
    "max",
    "visible",
    "estimate_by",
}
_TACTIC_KEYS = {
    "id",
    "label",
    "kind",
    "description",
    "strategy",
    "strategy_unready",
    "step",
    "builds",
    "need",
    "available",
    "effects",
    "narrative",
    "narrative_unready",
    "explain",
    "explain_unready",
    "concept",
    "concept_unready",
    "ends",
}
_EVENT_KEYS = {
    "id",
    "kind",
    "title",
    "text",
    "explain",
    "concept",
    "when",
    "chance",
    "once",
    "effects",
    "after",
    "ends",
}
_ENDING_KEYS = {"id", "result", "title", "text", "explain", "concept", "when", "early"} | {
    "handed_title",
    "handed_text",
    "handed_explain",
}
_ROUND_KEYS = {"title", "situation", "tactics", "effects"}
_SETTING_KEYS = {"place", "affected", "target", "demand", "deadline", "situation"}


class _Locator:
    """Finds the line of a table and of a key inside it (tomllib gives no positions)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers: dict[str, list[int]] = {}
        for number, line in enumerate(self.lines, start=1):
            stripped = line.strip()
            if stripped.startswith("["):
                name = stripped.strip("[]").split("#")[0].strip().strip("[]").strip()
                self.headers.setdefault(name, []).append(number)

    def table(self, name: str, index: int = 0) -> int:
        found = self.headers.get(name, [])
        if index < len(found):
            return found[index]
        return found[-1] if found else 1

    def key(self, start: int, key: str, default: int | None = None) -> int:
        """Line of ``key = ...`` at or after line ``start``, within the same table."""
        pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for number in range(start, len(self.lines) + 1):
            line = self.lines[number - 1]
            if number > start and line.strip().startswith("[["):
                break
            if pattern.match(line):
                return number
        return default if default is not None else start

    def needle(self, start: int, needle: str) -> int:
        for number in range(start, len(self.lines) + 1):
            if needle in self.lines[number - 1]:
                return number
        return start

    def sub_table(self, parent_line: int, name: str, index: int) -> int:
        """Line of the ``index``-th ``[[name]]`` header after ``parent_line``."""
        count = 0
        for number in self.headers.get(name, []):
            if number > parent_line:
                if count == index:
                    return number
                count += 1
        return parent_line


class _Fields:
    """Reading one file's typed fields, each problem reported at its file:line."""

    def __init__(self, path: Path, text: str, steps: tuple[str, ...]) -> None:
        self.path = path
        self.text = text
        self.at = _Locator(text)
        self.steps = steps
        self.problems: list[Problem] = []
        self.names: dict[str, int] = {}

    # -- helpers -------------------------------------------------------------------------
    def err(self, line: int, message: str) -> None:
        self.problems.append(error(self.path, line, message))

    def warn(self, line: int, message: str) -> None:
        self.problems.append(warning(self.path, line, message))

    def text_field(
        self, raw: dict[str, Any], key: str, line: int, *, required: bool = False
    ) -> str:
        value = raw.get(key, "")
        if not isinstance(value, str):
            self.err(self.at.key(line, key), f"'{key}' must be text in quotes")
            return ""
        if required and not value.strip():
            self.err(line, f"'{key}' is missing")
        return value.strip()

    def unknown_keys(self, raw: dict[str, Any], allowed: set[str], line: int, what: str) -> None:
        for key in sorted(set(raw) - allowed):
            self.err(self.at.key(line, key), f"unknown {what} field '{key}'")

    def expression(self, source: Any, line: int, what: str) -> Expression | None:
        try:
            return compile_expression(source, self.names)
        except ExpressionError as exc:
            self.err(line, f"{what}: {exc}")
            return None

    def effects(self, raw: Any, line: int, what: str) -> tuple[Effect, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, dict):
            self.err(line, f"{what} effects must be a table of measure = change")
            return ()
        effects = []
        for measure, source in raw.items():
            where = self.at.key(line, measure)
            if measure not in self.names or measure in ENGINE_NAMES:
                self.err(where, f"{what} changes unknown measure '{measure}'")
                continue
            compiled = self.expression(source, where, f"{what} effect on '{measure}'")
            if compiled is not None:
                effects.append(Effect(measure, self.names[measure], compiled, where))
        return tuple(effects)

    def table_list(self, data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
        raw = data.get(key, [])
        if not isinstance(raw, list):
            self.err(self.at.key(1, key), f"'{key}' must be written as [[{key}]] sections")
            return []
        result = []
        for index, item in enumerate(raw):
            line = self.at.table(key, index)
            if not isinstance(item, dict):
                self.err(line, f"each '{key}' must be a [[{key}]] section")
                continue
            result.append((line, item))
        return result

    def identifier(
        self, raw: dict[str, Any], line: int, what: str, pattern: re.Pattern[str]
    ) -> str:
        value = raw.get("id")
        if not isinstance(value, str) or not value:
            self.err(line, f"{what} has no id")
            return ""
        if not pattern.match(value):
            hint = (
                "lower-case letters, digits and '_'"
                if pattern is _MEASURE_ID
                else "lower-case letters, digits and '-'"
            )
            self.err(self.at.key(line, "id"), f"{what} id '{value}' may only use {hint}")
            return ""
        return value

    def flag(self, raw: dict[str, Any], key: str, line: int, default: bool) -> bool:
        value = raw.get(key, default)
        if not isinstance(value, bool):
            self.err(self.at.key(line, key), f"'{key}' must be true or false")
            return default
        return value


class _Sections(_Fields):
    """A scenario file's sections: measures, tactics, events, endings and rounds.
    References between them are collected in ``refs`` and checked at the end."""

    refs: list[tuple[int, str, Any, str]]

    # -- sections ------------------------------------------------------------------------
    def measures(self, data: dict[str, Any]) -> list[Measure]:
        result: list[Measure] = []
        seen: set[str] = set()
        for line, raw in self.table_list(data, "measure"):
            self.unknown_keys(raw, _MEASURE_KEYS, line, "measure")
            measure_id = self.identifier(raw, line, "measure", _MEASURE_ID)
            if not measure_id:
                continue
            if measure_id in ENGINE_NAMES:
                self.err(self.at.key(line, "id"), f"'{measure_id}' is a reserved name")
                continue
            if measure_id in seen:
                self.err(self.at.key(line, "id"), f"measure '{measure_id}' is defined twice")
                continue
            seen.add(measure_id)
            numbers = {}
            for key, default in (("start", None), ("spread", 0.0), ("min", 0.0), ("max", 100.0)):
                value = raw.get(key, default)
                if isinstance(value, bool) or not isinstance(value, int | float):
                    self.err(
                        self.at.key(line, key), f"measure '{measure_id}': '{key}' must be a number"
                    )
                    value = default if default is not None else 0.0
                numbers[key] = float(value)
            if numbers["min"] >= numbers["max"]:
                self.err(self.at.key(line, "max"), f"measure '{measure_id}': max must be above min")
            elif not numbers["min"] <= numbers["start"] <= numbers["max"]:
                self.err(
                    self.at.key(line, "start"), f"measure '{measure_id}': start is outside min..max"
                )
            visible = self.flag(raw, "visible", line, True)
            estimate_by = raw.get("estimate_by")
            if estimate_by is not None and not isinstance(estimate_by, str):
                self.err(
                    self.at.key(line, "estimate_by"),
                    f"measure '{measure_id}': 'estimate_by' must be a measure id in quotes",
                )
                estimate_by = None
            result.append(
                Measure(
                    id=measure_id,
                    label=self.text_field(raw, "label", line) or measure_id,
                    meaning=self.text_field(raw, "meaning", line),
                    start=numbers["start"],
                    spread=abs(numbers["spread"]),
                    low=numbers["min"],
                    high=numbers["max"],
                    visible=visible,
                    estimate_by=estimate_by,
                    line=line,
                )
            )
        if not result:
            self.err(1, "the scenario has no [[measure]] sections")
        return self.checked_estimates(result)

    def checked_estimates(self, measures: list[Measure]) -> list[Measure]:
        """``estimate_by`` must name another, hidden measure that is not itself
        estimated; a wrong one is reported and dropped (the measure is then shown
        exactly)."""
        by_id = {m.id: m for m in measures}
        result = []
        for m in measures:
            doubt = by_id.get(m.estimate_by) if m.estimate_by else None
            problem = ""
            if m.estimate_by is None:
                pass
            elif doubt is None:
                problem = f"unknown measure '{m.estimate_by}'"
            elif doubt.id == m.id or doubt.estimate_by:
                problem = f"'{doubt.id}' must be another measure, not itself estimated"
            elif doubt.visible:
                problem = f"'{doubt.id}' must be hidden (visible = false): the range shows it"
            elif not m.visible:
                problem = "a hidden measure is never shown, so it has no estimate"
            if problem:
                self.err(
                    self.at.key(m.line, "estimate_by"),
                    f"measure '{m.id}': estimate_by: {problem}",
                )
                m = replace(m, estimate_by=None)
            result.append(m)
        return result

    def tactics(self, data: dict[str, Any]) -> list[Tactic]:
        result: list[Tactic] = []
        seen: set[str] = set()
        for line, raw in self.table_list(data, "tactic"):
            self.unknown_keys(raw, _TACTIC_KEYS, line, "tactic")
            tactic_id = self.identifier(raw, line, "tactic", _ID)
            if not tactic_id:
                continue
            if tactic_id in seen:
                self.err(self.at.key(line, "id"), f"tactic '{tactic_id}' is defined twice")
                continue
            seen.add(tactic_id)
            result.append(self.tactic(raw, line, tactic_id))
        if not result:
            self.err(1, "the scenario has no [[tactic]] sections")
        return result

    def tactic(self, raw: dict[str, Any], line: int, tactic_id: str) -> Tactic:
        kind = raw.get("kind", "organizing")
        if kind not in TACTIC_KINDS:
            self.err(
                self.at.key(line, "kind"),
                f"tactic '{tactic_id}': unknown kind '{kind}' (use {', '.join(TACTIC_KINDS)})",
            )
            kind = "organizing"
        step, step_index = self.tactic_step(raw, line, tactic_id, kind)
        strategy, strategy_unready = self.tactic_strategies(raw, line, tactic_id, step_index)
        available = None
        if "available" in raw:
            available = self.expression(
                raw["available"],
                self.at.key(line, "available"),
                f"tactic '{tactic_id}' 'available'",
            )
        effects_line = self.at.sub_table(line, "tactic.effects", 0)
        if "effects" not in raw:
            effects_line = line
        effects = self.effects(raw.get("effects"), effects_line, f"tactic '{tactic_id}'")
        ends = raw.get("ends")
        if ends is not None:
            self.refs.append((self.at.key(line, "ends"), "ending", ends, f"tactic '{tactic_id}'"))
        explain = self.text_field(raw, "explain", line)
        concept = self.text_field(raw, "concept", line)
        if not explain:
            self.warn(line, f"tactic '{tactic_id}' has no 'explain'")
        if not concept:
            self.warn(line, f"tactic '{tactic_id}' has no 'concept' link")
        narrative = self.text_field(raw, "narrative", line)
        return Tactic(
            id=tactic_id,
            label=self.text_field(raw, "label", line, required=True) or tactic_id,
            kind=kind,
            description=self.text_field(raw, "description", line),
            strategy=strategy,
            strategy_unready=strategy_unready,
            step=step,
            step_index=step_index,
            builds=self.tactic_builds(raw, line, tactic_id),
            needs=self.tactic_needs(raw, line, tactic_id),
            available=available,
            effects=effects,
            narrative=narrative,
            narrative_unready=self.text_field(raw, "narrative_unready", line) or narrative,
            explain=explain,
            explain_unready=self.text_field(raw, "explain_unready", line) or explain,
            concept=concept,
            concept_unready=self.text_field(raw, "concept_unready", line) or concept,
            ends=ends if isinstance(ends, str) else None,
            line=line,
        )

    def tactic_step(
        self, raw: dict[str, Any], line: int, tactic_id: str, kind: str
    ) -> tuple[str | None, int]:
        """The staircase step a tactic stands on, and its number (0: none)."""
        step = raw.get("step")
        if step is None:
            if kind == "step":
                self.err(line, f"tactic '{tactic_id}' has kind \"step\" but no 'step'")
            return None, 0
        if not isinstance(step, str) or step not in self.steps:
            self.err(
                self.at.key(line, "step"),
                f"tactic '{tactic_id}': unknown staircase step '{step}'",
            )
            return None, 0
        return step, self.steps.index(step) + 1

    def tactic_strategies(
        self, raw: dict[str, Any], line: int, tactic_id: str, step_index: int
    ) -> tuple[str, str]:
        """The strategy a tactic resembles, ready and not ready (a high step taken
        too early is by default the ultra-left's shortcut)."""
        strategy = raw.get("strategy", "mass-action")
        if strategy not in STRATEGIES:
            self.err(
                self.at.key(line, "strategy"),
                f"tactic '{tactic_id}': unknown strategy '{strategy}' "
                f"(use {', '.join(STRATEGIES)})",
            )
            strategy = "mass-action"
        default_unready = "ultra-left" if step_index >= 7 else strategy
        strategy_unready = raw.get("strategy_unready", default_unready)
        if strategy_unready not in STRATEGIES:
            self.err(
                self.at.key(line, "strategy_unready"),
                f"tactic '{tactic_id}': unknown strategy '{strategy_unready}'",
            )
            strategy_unready = default_unready
        return strategy, strategy_unready

    def tactic_builds(self, raw: dict[str, Any], line: int, tactic_id: str) -> tuple[str, ...]:
        builds_raw = raw.get("builds", [])
        if not isinstance(builds_raw, list):
            self.err(self.at.key(line, "builds"), "'builds' must be a list of measure ids")
            return ()
        builds: list[str] = []
        for item in builds_raw:
            if item not in self.names or item in ENGINE_NAMES:
                self.err(
                    self.at.key(line, "builds"),
                    f"tactic '{tactic_id}': 'builds' names unknown measure '{item}'",
                )
            else:
                builds.append(item)
        return tuple(builds)

    def tactic_needs(self, raw: dict[str, Any], line: int, tactic_id: str) -> tuple[Need, ...]:
        raw_needs = raw.get("need", [])
        if not isinstance(raw_needs, list):
            self.err(line, f"tactic '{tactic_id}': write needs as [[tactic.need]] sections")
            return ()
        needs: list[Need] = []
        for n, need in enumerate(raw_needs):
            need_line = self.at.sub_table(line, "tactic.need", n)
            if not isinstance(need, dict) or "when" not in need:
                self.err(need_line, f"tactic '{tactic_id}': each need has a 'when'")
                continue
            self.unknown_keys(need, {"when", "text"}, need_line, "need")
            compiled = self.expression(
                need["when"], self.at.key(need_line, "when"), f"tactic '{tactic_id}' need"
            )
            if compiled is not None:
                text = need.get("text", "")
                needs.append(Need(compiled, str(text) or compiled.source, need_line))
        return tuple(needs)

    def events(self, data: dict[str, Any]) -> list[Event]:
        result: list[Event] = []
        seen: set[str] = set()
        for line, raw in self.table_list(data, "event"):
            self.unknown_keys(raw, _EVENT_KEYS, line, "event")
            event_id = self.identifier(raw, line, "event", _ID)
            if not event_id:
                continue
            if event_id in seen:
                self.err(self.at.key(line, "id"), f"event '{event_id}' is defined twice")
                continue
            seen.add(event_id)
            kind = raw.get("kind", "other")
            if kind not in EVENT_KINDS:
                self.err(
                    self.at.key(line, "kind"),
                    f"event '{event_id}': unknown kind '{kind}' (use {', '.join(EVENT_KINDS)})",
                )
            when = None
            if "when" in raw:
                when = self.expression(
                    raw["when"], self.at.key(line, "when"), f"event '{event_id}' 'when'"
                )
            if "chance" not in raw:
                self.err(line, f"event '{event_id}' has no 'chance'")
            chance = self.expression(
                raw.get("chance", 0), self.at.key(line, "chance"), f"event '{event_id}' 'chance'"
            )
            once = self.flag(raw, "once", line, False)
            effects_line = self.at.sub_table(line, "event.effects", 0) if "effects" in raw else line
            effects = self.effects(raw.get("effects"), effects_line, f"event '{event_id}'")
            if chance is None:
                continue
            result.append(
                Event(
                    id=event_id,
                    kind=str(kind),
                    title=self.text_field(raw, "title", line, required=True) or event_id,
                    text=self.text_field(raw, "text", line),
                    explain=self.text_field(raw, "explain", line),
                    concept=self.text_field(raw, "concept", line),
                    when=when,
                    chance=chance,
                    once=once,
                    effects=effects,
                    after=raw["after"] if isinstance(raw.get("after"), str) else None,
                    ends=raw["ends"] if isinstance(raw.get("ends"), str) else None,
                    line=line,
                )
            )
            for key, kind in (("after", "event"), ("ends", "ending")):
                if key in raw:
                    self.refs.append(
                        (self.at.key(line, key), kind, raw[key], f"event '{event_id}'")
                    )
        return result

    def endings(self, data: dict[str, Any]) -> list[Ending]:
        result: list[Ending] = []
        seen: set[str] = set()
        for line, raw in self.table_list(data, "ending"):
            self.unknown_keys(raw, _ENDING_KEYS, line, "ending")
            ending_id = self.identifier(raw, line, "ending", _ID)
            if not ending_id:
                continue
            if ending_id in seen:
                self.err(self.at.key(line, "id"), f"ending '{ending_id}' is defined twice")
                continue
            seen.add(ending_id)
            outcome = raw.get("result")
            if outcome not in RESULTS:
                self.err(
                    self.at.key(line, "result"),
                    f"ending '{ending_id}': 'result' must be one of {', '.join(RESULTS)}",
                )
                outcome = "loss"
            when = self.expression(
                raw.get("when", "true"), self.at.key(line, "when"), f"ending '{ending_id}' 'when'"
            )
            early = self.flag(raw, "early", line, False)
            if when is None:
                continue
            result.append(
                Ending(
                    id=ending_id,
                    result=str(outcome),
                    title=self.text_field(raw, "title", line, required=True) or ending_id,
                    text=self.text_field(raw, "text", line),
                    explain=self.text_field(raw, "explain", line),
                    concept=self.text_field(raw, "concept", line),
                    when=when,
                    early=early,
                    line=line,
                    handed_title=self.text_field(raw, "handed_title", line),
                    handed_text=self.text_field(raw, "handed_text", line),
                    handed_explain=self.text_field(raw, "handed_explain", line),
                )
            )
        if not result:
            self.err(1, "the scenario has no [[ending]] sections")
        elif not any(not e.early and e.when.constant for e in result):
            self.warn(
                result[-1].line,
                'no ending has when = "true"; a run may finish without any ending '
                "(it will count as a loss)",
            )
        return result

    def rounds(self, data: dict[str, Any]) -> list[Round]:
        result: list[Round] = []
        for number, (line, raw) in enumerate(self.table_list(data, "round"), start=1):
            self.unknown_keys(raw, _ROUND_KEYS, line, "round")
            tactics = raw.get("tactics", [])
            if not isinstance(tactics, list) or not all(isinstance(t, str) for t in tactics):
                self.err(self.at.key(line, "tactics"), "'tactics' must be a list of tactic ids")
                tactics = []
            self.refs.extend(
                (self.at.key(line, "tactics"), "tactic", t, f"round {number}") for t in tactics
            )
            effects_line = self.at.sub_table(line, "round.effects", 0) if "effects" in raw else line
            result.append(
                Round(
                    number=number,
                    title=self.text_field(raw, "title", line) or f"Round {number}",
                    situation=self.text_field(raw, "situation", line, required=True),
                    tactics=tuple(tactics),
                    effects=self.effects(raw.get("effects"), effects_line, f"round {number}"),
                    line=line,
                )
            )
        if not 1 <= len(result) <= 30:
            self.err(1, f"a scenario needs between 1 and 30 [[round]] sections, not {len(result)}")
        return result


class _Reader(_Sections):
    """One scenario file as a whole: its settings, its sections, then the checks
    across them."""

    def too_many(self, data: dict[str, Any]) -> bool:
        """More tactics, events or endings than a scenario may have (a problem says so)."""
        for key in ("tactic", "event", "ending"):
            entries = data.get(key)
            count = len(entries) if isinstance(entries, list) else 0
            too_many = count_problem(self.path, 1, count, MAX_TACTICS, f"[[{key}]] entries")
            if too_many is not None:
                self.problems.append(too_many)
                return True
        return False

    def size(self, data: dict[str, Any]) -> tuple[int, str]:
        """The minutes a scenario takes and its difficulty."""
        minutes = data.get("minutes", 45)
        if (
            isinstance(minutes, bool)
            or not isinstance(minutes, int)
            or not 0 < minutes <= MAX_MINUTES
        ):
            self.err(
                self.at.key(1, "minutes"),
                f"'minutes' must be a whole number from 1 to {MAX_MINUTES}",
            )
            minutes = 45
        difficulty = data.get("difficulty", "introductory")
        if difficulty not in _DIFFICULTIES:
            self.err(
                self.at.key(1, "difficulty"),
                f"'difficulty' must be one of {', '.join(_DIFFICULTIES)}",
            )
            difficulty = "introductory"
        return minutes, str(difficulty)

    def setting(self, data: dict[str, Any]) -> Setting:
        raw_setting = data.get("setting", {})
        if not isinstance(raw_setting, dict):
            self.err(self.at.key(1, "setting"), "'setting' must be a [setting] table")
            return Setting()
        line = self.at.table("setting")
        self.unknown_keys(raw_setting, _SETTING_KEYS, line, "setting")
        return Setting(**{k: self.text_field(raw_setting, k, line) for k in _SETTING_KEYS})

    def questions(self, data: dict[str, Any]) -> list[str]:
        """The debrief's questions (a warning when there are none)."""
        debrief = data.get("debrief", {})
        questions: list[str] = []
        if isinstance(debrief, dict):
            raw_q = debrief.get("questions", [])
            if isinstance(raw_q, list) and all(isinstance(q, str) for q in raw_q):
                questions = [q.strip() for q in raw_q]
            else:
                self.err(
                    self.at.key(self.at.table("debrief"), "questions"),
                    "debrief 'questions' must be a list of texts",
                )
        if not questions:
            self.warn(self.at.table("debrief"), "the scenario has no debrief questions")
        return questions

    def check_references(
        self, tactics: list[Tactic], events: list[Event], endings: list[Ending]
    ) -> None:
        """Every tactic, event and ending named inside the file exists."""
        known = {
            "tactic": {t.id for t in tactics},
            "event": {e.id for e in events},
            "ending": {e.id for e in endings},
        }
        for line, kind, value, owner in self.refs:
            if not isinstance(value, str) or value not in known[kind]:
                self.err(line, f"{owner}: unknown {kind} '{value}'")
        for event, chain in _events_after_themselves(events):
            self.err(
                self.at.key(event.line, "after"),
                f"event '{event.id}' can never happen: it must come after itself ({chain})",
            )

    def read(self) -> Scenario | None:
        data, problem = parse_toml(self.text, self.path)
        if data is None:
            self.problems.extend([problem] if problem else [])
            return None
        if self.too_many(data):
            return None
        self.refs: list[tuple[int, str, Any, str]] = []
        self.unknown_keys(data, _TOP_KEYS, 1, "scenario")
        if data.get("format", "teachin-scenario") != "teachin-scenario":
            self.err(self.at.key(1, "format"), "'format' must be \"teachin-scenario\"")
        version = data.get("version", 1)
        if version != 1:
            self.err(self.at.key(1, "version"), f"unsupported scenario format version {version!r}")
            return None
        # The first top-level 'id' (before any table) is the scenario's own.
        scenario_id = self.identifier(data, 1, "scenario", _ID)
        title = self.text_field(data, "title", 1, required=True)
        minutes, difficulty = self.size(data)
        setting = self.setting(data)
        measures = self.measures(data)
        self.names = scenario_names([m.id for m in measures])
        tactics = self.tactics(data)
        events = self.events(data)
        endings = self.endings(data)
        rounds = self.rounds(data)
        every_line = self.at.table("every_round") if "every_round" in data else 1
        every_round = self.effects(data.get("every_round"), every_line, "every_round")
        questions = self.questions(data)
        concepts = data.get("concepts", [])
        if not isinstance(concepts, list) or not all(isinstance(c, str) for c in concepts):
            self.err(self.at.key(1, "concepts"), "'concepts' must be a list of links")
            concepts = []
        self.check_references(tactics, events, endings)
        if any(p.severity == "error" for p in self.problems) or not scenario_id:
            return None
        scenario = Scenario(
            id=scenario_id,
            title=title,
            path=self.path,
            minutes=minutes,
            difficulty=difficulty,
            summary=self.text_field(data, "summary", 1),
            setting=setting,
            measures=tuple(measures),
            tactics=tuple(tactics),
            events=tuple(events),
            endings=tuple(endings),
            rounds=tuple(rounds),
            every_round=every_round,
            questions=tuple(questions),
            concepts=tuple(concepts),
            text=self.text,
        )
        return scenario


def _events_after_themselves(events: list[Event]) -> list[tuple[Event, str]]:
    """Each event whose ``after`` chain leads back to it, with the chain in words."""
    after = {event.id: event.after for event in events}
    found = []
    for event in events:
        chain = [event.id]
        current = event.after
        while current is not None and current not in chain:
            chain.append(current)
            current = after.get(current)
        if current == event.id:
            found.append((event, " after ".join([*chain, event.id])))
    return found


def parse_scenario(
    text: str, path: Path, steps: tuple[str, ...] = DEFAULT_STEPS
) -> tuple[Scenario | None, list[Problem]]:
    """Parse one scenario file's text. Never raises on bad content."""
    reader = _Reader(Path(path), text, steps)
    try:
        scenario = reader.read()
    except RecursionError:
        reader.err(1, "the file is nested too deeply to read")
        scenario = None
    return scenario, reader.problems


def load_scenario(
    path: Path, steps: tuple[str, ...] = DEFAULT_STEPS
) -> tuple[Scenario | None, list[Problem]]:
    text, problem = read_text(Path(path))
    if text is None:
        return None, [problem] if problem else []
    return parse_scenario(text, path, steps)


def _staircase_steps(folders: list[Path]) -> tuple[str, ...]:
    from teachin.workshop.staircase import load_staircase

    steps: tuple[str, ...] = DEFAULT_STEPS
    for folder in folders:
        candidate = Path(folder) / "staircase.toml"
        if is_inside(candidate, Path(folder)):
            staircase, _ = load_staircase(candidate)
            if staircase is not None and staircase.steps:
                steps = tuple(step.id for step in staircase.steps)
    return steps


def add_scenario_layer(
    scenarios: dict[str, Scenario], paths: list[Path], steps: tuple[str, ...]
) -> tuple[dict[str, Scenario], list[Problem]]:
    """The scenarios at ``paths``, one layer on top of ``scenarios`` (updated in place):
    the layer's own scenarios and the problems, with a note for each one replaced."""
    layer: dict[str, Scenario] = {}
    problems: list[Problem] = []
    for path in paths:
        scenario, found = load_scenario(path, steps)
        problems.extend(found)
        if scenario is None:
            continue
        line = line_of(scenario.text, f'"{scenario.id}"')
        if scenario.id in layer:
            other = layer[scenario.id].path.name
            problems.append(
                error(path, line, f"scenario id '{scenario.id}' is also used by {other}")
            )
            continue
        layer[scenario.id] = scenario
        replaced = scenarios.get(scenario.id)
        if replaced is not None and replaced.path.resolve() != path.resolve():
            message = f"replaces the scenario '{scenario.id}' of {replaced.path}"
            problems.append(info(path, line, message))
        scenarios[scenario.id] = scenario
    return layer, problems


def load_scenarios(folders: list[Path]) -> tuple[dict[str, Scenario], list[Problem]]:
    """Load ``<folder>/scenarios/*.toml`` for each folder; later folders win by id."""
    scenarios: dict[str, Scenario] = {}
    problems: list[Problem] = []
    steps = _staircase_steps(folders)
    for folder in folders:
        directory = Path(folder) / "scenarios"
        if not directory.is_dir():
            continue
        try:
            files = files_inside(directory, "*.toml", Path(folder))
        except OSError as exc:
            problems.append(error(directory, 1, f"cannot list folder: {exc.strerror or exc}"))
            continue
        problems.extend(add_scenario_layer(scenarios, files, steps)[1])
    return scenarios, problems
