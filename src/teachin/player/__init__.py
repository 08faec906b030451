"""The scenario player's Qt-free side: saved runs (``store``) and the app entry point
(``python -m teachin.player``)."""
