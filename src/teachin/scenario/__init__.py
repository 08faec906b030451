"""Scenarios: a group chooses tactics round by round and sees what follows.

Pure Python (no Qt): model, loader, safe expressions, engine, policies,
simulator, fingerprint, run files and checks.
"""
