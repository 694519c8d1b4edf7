"""Fixtures shared by the appraisal tests (each area keeps its own module)."""

from kinerja.appraisal.tests.objection_world import year  # noqa: F401 -- a fixture
