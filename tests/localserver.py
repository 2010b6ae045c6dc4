"""The tests' local server (tests/helpers.py), under the name the benchmarks import."""

from tests.helpers import serve

__all__ = ["serve"]
