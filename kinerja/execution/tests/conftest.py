"""Fixtures shared by the execution tests. Each area adds its own block."""

# --- feedback, coaching, attendance (helper H2) -----------------------------------------
from kinerja.execution.tests.feedback_world import fw, plan  # noqa: F401
