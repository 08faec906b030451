"""teachin: popular-education workshops on social-movement strategy."""

__version__ = "0.1.0"
