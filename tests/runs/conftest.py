"""Run files are made by playing the shipped scenarios: the same fixtures as the engine's tests."""

from tests.scenario.conftest import content, scenarios

__all__ = ["content", "scenarios"]
