"""The demo realisations: reports for the windows that have ended, varied achievement,
real PDF evidence stored like uploads, the same rows for the same seed."""

import datetime

import pytest
from django.core.files.storage import default_storage

from kinerja.execution import filetypes
from kinerja.execution.demo import realisations as demo
from kinerja.execution.enums import EvidenceKind, ReportStatus
from kinerja.execution.models import Evidence, PeriodReport, Realisation
from kinerja.execution.tests.realisation_world import build


@pytest.fixture
def year_end(world, monkeypatch):
    """The staff's plan, seen on the last day of the year (three windows have ended)."""
    made = build(world)
    PeriodReport.objects.all().delete()
    monkeypatch.setattr(demo, "today", lambda: datetime.date(made.period.year, 12, 31))
    return made


def _snapshot():
    return sorted(
        Realisation.objects.values_list(
            "report__skp_id", "report__window__number", "indicator_id", "value", "narrative"
        )
    )


def test_demo_reports_the_ended_windows(world, year_end):
    made = demo.demo_realisations_create(agency=world.agency, period=year_end.period, seed=7)
    windows = set(PeriodReport.objects.values_list("window__number", flat=True))
    assert windows <= {1, 2, 3}
    assert made.reports == PeriodReport.objects.count() > 0
    assert made.realisations == Realisation.objects.count() > 0
    assert made.submitted == PeriodReport.objects.filter(status=ReportStatus.SUBMITTED).count()
    for report in PeriodReport.objects.filter(status=ReportStatus.SUBMITTED):
        indicators = report.skp.results.values_list("indicators", flat=True)
        assert report.realisations.count() == len([i for i in indicators if i])
        assert report.submitted_at is not None


def test_demo_is_the_same_for_the_same_seed(world, year_end, settings):
    demo.demo_realisations_create(agency=world.agency, period=year_end.period, seed=7)
    first = _snapshot()
    PeriodReport.objects.all().delete()
    demo.demo_realisations_create(agency=world.agency, period=year_end.period, seed=7)
    assert _snapshot() == first


def test_demo_does_nothing_twice(world, year_end):
    demo.demo_realisations_create(agency=world.agency, period=year_end.period, seed=7)
    again = demo.demo_realisations_create(agency=world.agency, period=year_end.period, seed=7)
    assert again.reports == 0


def test_demo_pdf_evidence_is_a_real_pdf_in_storage(world, year_end):
    demo.demo_realisations_create(agency=world.agency, period=year_end.period, seed=7)
    files = Evidence.objects.filter(kind=EvidenceKind.FILE)
    assert files.exists()
    for evidence in files:
        with default_storage.open(evidence.file.name, "rb") as handle:
            data = handle.read()
        assert filetypes.detect(data) is filetypes.PDF
        assert data.rstrip().endswith(b"%%EOF")
        assert evidence.size_bytes == len(data)
        assert evidence.file.name.startswith("evidence/")


def test_tiny_pdf_has_a_consistent_cross_reference_table():
    data = demo.tiny_pdf(["Bukti (uji)", "Baris \\ kedua"])
    start = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert data[start:].startswith(b"xref")
    offsets = [int(line[:10]) for line in data[start:].split(b"\n")[3:8]]
    for number, offset in enumerate(offsets, start=1):
        assert data[offset:].startswith(f"{number} 0 obj".encode())
