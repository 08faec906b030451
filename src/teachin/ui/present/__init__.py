"""Presenting a plan: the audience window, the presenter console and the controller between them."""
