"""Everything in the content folders: modules, glossary, staircase, scenarios and plans.

Each kind is loaded by its own package; this is the one place that puts them
together for `teachin list`, `teachin check` and the app's Problems panel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from teachin.plan.fileformat import check_plan, check_slack, load_plans
from teachin.plan.model import Plan
from teachin.problems import Problem
from teachin.scenario.check import check_scenarios
from teachin.scenario.loader import load_scenarios
from teachin.scenario.model import Scenario
from teachin.workshop.check import check_library
from teachin.workshop.library import Library, load_library


@dataclass
class Catalog:
    library: Library
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    plans: dict[str, Plan] = field(default_factory=dict)
    scenario_problems: list[Problem] = field(default_factory=list)
    """Problems found while loading scenarios (the library keeps its own)."""
    plan_problems: list[Problem] = field(default_factory=list)
    """Problems found while loading plans."""

    @property
    def problems(self) -> list[Problem]:
        """Problems found while loading scenarios and plans (the library keeps its own)."""
        return [*self.scenario_problems, *self.plan_problems]

    def scenario_titles(self) -> dict[str, str]:
        """id -> title of every scenario, for plans' scenario blocks."""
        return {scenario_id: scenario.title for scenario_id, scenario in self.scenarios.items()}

    def scenario_summaries(self) -> dict[str, tuple[str, str]]:
        """id -> (title, summary) of every scenario, for a presentation's scenario frames."""
        return {key: (scenario.title, scenario.summary) for key, scenario in self.scenarios.items()}

    def plans_by_title(self) -> list[Plan]:
        return sorted(self.plans.values(), key=lambda plan: plan.title.casefold())

    def add_plan(self, plan: Plan) -> None:
        """A plan saved since the content was loaded (it replaces one with its id)."""
        self.plans[plan.id] = plan

    def listing(self) -> dict[str, list[dict[str, object]]]:
        """What `teachin list --json` prints: one list per kind, each item with id, title, path."""
        return {
            "modules": [
                {
                    "id": module.id,
                    "title": module.title,
                    "path": str(module.path),
                    "part": module.part,
                    "minutes": module.minutes,
                    "order": module.order,
                }
                for module in self.library.ordered_modules()
            ],
            "scenarios": [
                {
                    "id": scenario.id,
                    "title": scenario.title,
                    "path": str(scenario.path),
                    "minutes": scenario.minutes,
                    "difficulty": scenario.difficulty,
                }
                for scenario in sorted(self.scenarios.values(), key=lambda s: s.title.casefold())
            ],
            "plans": [
                {
                    "id": plan.id,
                    "title": plan.title,
                    "path": str(plan.path),
                    "minutes": plan.total_minutes,
                }
                for plan in self.plans_by_title()
            ],
        }


def load_catalog(folders: list[Path], library: Library | None = None) -> Catalog:
    """Everything in ``folders``; ``library``: the modules already loaded from them."""
    library = library if library is not None else load_library(folders)
    scenarios, scenario_problems = load_scenarios(folders)
    plans, plan_problems = load_plans(folders)
    return Catalog(library, scenarios, plans, scenario_problems, plan_problems)


def check_catalog(catalog: Catalog) -> list[Problem]:
    """Every problem: loading, cross-references, and scenarios explored by simulation."""
    problems = check_library(catalog.library)
    problems.extend(catalog.problems)
    problems.extend(
        check_scenarios(
            catalog.scenarios, catalog.library.staircase, catalog.library.link_targets()
        )
    )
    for plan in catalog.plans.values():
        problems.extend(check_plan(plan, catalog.library.modules, catalog.scenarios))
        problems.extend(check_slack(plan))
    return sorted(set(problems), key=lambda p: (str(p.path), p.line, p.message))
