"""The planning fixtures (``plan``) reused: the documents print what planning made."""

from kinerja.planning.tests.conftest import plan  # noqa: F401 -- a fixture, used by name
