"""Fixtures shared by the execution tests. Each area adds its own block."""

# --- feedback, coaching, attendance -----------------------------------------
from kinerja.execution.tests.feedback_world import fw, plan  # noqa: F401
