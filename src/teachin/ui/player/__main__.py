"""``python -m teachin.ui.player``: start straight into the scenario player."""

from __future__ import annotations

import sys


def main() -> int:
    from teachin.ui.player.app import main as player_main  # Qt only when started

    return player_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
