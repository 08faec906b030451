"""Saved runs of scenarios: the run-file format, the player's store, room play's store and
the debrief board's reader. Qt-free."""
