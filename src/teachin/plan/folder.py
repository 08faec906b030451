"""The user's plans folder: where a plan is saved, and where its unsaved changes
are kept (``.recovery/``) so that a crash loses nothing."""

from __future__ import annotations

import contextlib
from pathlib import Path

from teachin.plan.fileformat import plan_to_toml
from teachin.plan.model import Plan, slug
from teachin.storage import atomic_write_text

RECOVERY_DIR = ".recovery"
NEW_PLAN_ID = "new-plan"


class PlanFolder:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def save_path(self, plan: Plan) -> Path:
        """The plan's own file if it is in this folder, else a new one here named after it."""
        if plan.path is not None and plan.path.parent.resolve() == self.folder.resolve():
            return plan.path
        stem = plan.id if plan.path is not None and plan.id != NEW_PLAN_ID else slug(plan.title)
        return self.folder / f"{stem}.toml"

    def recovery_path(self, plan: Plan) -> Path:
        return self.folder / RECOVERY_DIR / self.save_path(plan).name

    def keep_unsaved(self, plan: Plan) -> Path | None:
        """Writes the plan's unsaved state to the recovery folder (None if it cannot)."""
        target = self.recovery_path(plan)
        try:
            atomic_write_text(target, plan_to_toml(plan))
        except OSError:
            return None
        return target

    def drop_unsaved(self, plan: Plan) -> None:
        with contextlib.suppress(OSError):
            self.recovery_path(plan).unlink(missing_ok=True)

    def unsaved(self) -> list[Path]:
        """Plans with unsaved changes left by an earlier session."""
        folder = self.folder / RECOVERY_DIR
        return sorted(folder.glob("*.toml")) if folder.is_dir() else []
