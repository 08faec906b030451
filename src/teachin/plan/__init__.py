"""Session plans: timed blocks (modules, scenarios, breaks, free blocks), Qt-free."""

from teachin.plan.fileformat import (
    PLANS_DIR,
    load_plan,
    load_plans,
    parse_plan,
    plan_to_toml,
    save_plan,
)
from teachin.plan.model import Block, BlockKind, Plan, ScheduledBlock, clock_text

__all__ = [
    "PLANS_DIR",
    "Block",
    "BlockKind",
    "Plan",
    "ScheduledBlock",
    "clock_text",
    "load_plan",
    "load_plans",
    "parse_plan",
    "plan_to_toml",
    "save_plan",
]
