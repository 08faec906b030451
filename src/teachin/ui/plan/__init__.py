"""Helpers of the plan editor."""
