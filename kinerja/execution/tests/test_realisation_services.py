"""Services of realisations and evidence: the rules of "whether now", table-driven."""

from decimal import Decimal

import pytest

from kinerja.core.exceptions import ApplicationError
from kinerja.core.models import ActivityLog
from kinerja.execution.enums import ReportStatus
from kinerja.execution.models import PeriodReport, Realisation
from kinerja.execution.selectors import report_rows
from kinerja.execution.services.realisation import (
    realisation_save,
    report_for,
    report_reopen,
    report_submit,
)
from kinerja.execution.tests.realisation_world import build
from kinerja.notifications.models import Notification
from kinerja.planning.enums import SkpStatus


@pytest.fixture
def rw(world):
    return build(world)


def test_report_for_returns_the_same_report_twice(world, rw):
    again = report_for(skp=rw.skp, window=rw.window, actor=world.users["staff"])
    assert again.pk == rw.report.pk
    assert PeriodReport.objects.filter(skp=rw.skp).count() == 1


def test_report_for_refuses_an_unapproved_skp(world, rw):
    rw.skp.status = SkpStatus.DRAFT
    with pytest.raises(ApplicationError):
        report_for(skp=rw.skp, window=rw.period.windows.first(), actor=None)


def test_report_for_refuses_a_window_that_has_not_started(world, rw):
    later = rw.period.windows.filter(start_date__gt=rw.window.end_date).first()
    if later is None:
        pytest.skip("today is in the last window of the year")
    with pytest.raises(ApplicationError):
        report_for(skp=rw.skp, window=later, actor=None)
    assert not PeriodReport.objects.filter(window=later).exists()


@pytest.mark.parametrize(
    ("field", "value", "narrative", "stored"),
    [
        ("quantity", "12", "", Decimal(12)),
        ("quantity", "12,5", "catatan", Decimal("12.5")),
        ("quantity", "0", "", Decimal(0)),
        ("quantity", "", "belum ada", None),
        ("time", "2", "", Decimal(2)),
        ("narrative", None, "Lengkap semua", None),
    ],
)
def test_realisation_save_accepts(world, rw, field, value, narrative, stored):
    indicator = getattr(rw, field)
    saved = realisation_save(
        report=rw.report,
        indicator=indicator,
        value=value,
        narrative=narrative,
        actor=world.users["staff"],
    )
    saved.refresh_from_db()
    assert saved.value == stored
    assert saved.narrative == narrative
    entry = ActivityLog.objects.get(action="execution.realisation_save", object_uuid=saved.uuid)
    assert entry.before is None
    assert entry.after["narrative"] == narrative


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("quantity", "-1"),
        ("quantity", "abc"),
        ("quantity", "NaN"),
        ("quantity", "Infinity"),
        ("narrative", "5"),
    ],
)
def test_realisation_save_refuses_bad_values(world, rw, field, value):
    with pytest.raises(ApplicationError):
        realisation_save(
            report=rw.report, indicator=getattr(rw, field), value=value, actor=world.users["staff"]
        )
    assert not Realisation.objects.exists()


def test_realisation_save_logs_before_and_after(world, rw):
    realisation_save(report=rw.report, indicator=rw.quantity, value="5", actor=world.users["staff"])
    realisation_save(report=rw.report, indicator=rw.quantity, value="7", actor=world.users["staff"])
    entries = ActivityLog.objects.filter(action="execution.realisation_save").order_by("id")
    assert [e.after["value"] for e in entries] == ["5", "7"]
    assert entries[1].before["value"] == "5"
    assert entries[1].subject_employee_id == world.staff.pk


def test_realisation_save_refuses_an_indicator_of_another_skp(world, rw):
    other = rw.kasi.results.first().indicators.first()
    with pytest.raises(ApplicationError):
        realisation_save(report=rw.report, indicator=other, value="1", actor=None)
    assert not Realisation.objects.exists()


@pytest.mark.parametrize(
    ("report_status", "skp_status"),
    [
        (ReportStatus.SUBMITTED, SkpStatus.APPROVED),
        (ReportStatus.DRAFT, SkpStatus.SUPERSEDED),
    ],
)
def test_realisation_save_refuses_when_closed(world, rw, report_status, skp_status):
    PeriodReport.objects.filter(pk=rw.report.pk).update(status=report_status)
    type(rw.skp).objects.filter(pk=rw.skp.pk).update(status=skp_status)
    with pytest.raises(ApplicationError):
        realisation_save(report=rw.report, indicator=rw.quantity, value="1", actor=None)
    assert not Realisation.objects.exists()


def _fill(world, rw):
    staff = world.users["staff"]
    realisation_save(report=rw.report, indicator=rw.quantity, value="10", actor=staff)
    realisation_save(report=rw.report, indicator=rw.time, value="3", actor=staff)
    realisation_save(report=rw.report, indicator=rw.narrative, narrative="Lengkap", actor=staff)


def test_report_submit_refuses_missing_realisations(world, rw):
    realisation_save(report=rw.report, indicator=rw.quantity, value="10", actor=None)
    with pytest.raises(ApplicationError) as error:
        report_submit(report=rw.report, actor=world.users["staff"])
    assert len(error.value.extra["problems"]) == 2
    rw.report.refresh_from_db()
    assert rw.report.status == ReportStatus.DRAFT


def test_report_submit_notifies_the_assessor(world, rw, django_capture_on_commit_callbacks):
    _fill(world, rw)
    with django_capture_on_commit_callbacks(execute=True):
        report_submit(report=rw.report, note="Mohon diperiksa", actor=world.users["staff"])
    rw.report.refresh_from_db()
    assert rw.report.status == ReportStatus.SUBMITTED
    assert rw.report.submitted_at is not None
    note = Notification.objects.get(recipient=world.users["section_head"])
    assert str(rw.report.uuid) in note.link
    assert ActivityLog.objects.filter(
        action="execution.report_submitted", object_uuid=rw.report.uuid
    ).exists()


def test_report_reopen_needs_a_reason_and_notifies(world, rw, django_capture_on_commit_callbacks):
    _fill(world, rw)
    report_submit(report=rw.report, actor=world.users["staff"])
    with pytest.raises(ApplicationError):
        report_reopen(report=rw.report, reason="  ", actor=world.users["section_head"])
    with django_capture_on_commit_callbacks(execute=True):
        report_reopen(report=rw.report, reason="Lengkapi bukti", actor=world.users["section_head"])
    rw.report.refresh_from_db()
    assert rw.report.status == ReportStatus.DRAFT
    assert Notification.objects.filter(
        recipient=world.users["staff"], body="Lengkapi bukti"
    ).exists()
    entry = ActivityLog.objects.get(action="execution.report_reopened")
    assert entry.reason == "Lengkapi bukti"


def test_report_reopen_refuses_a_draft(world, rw):
    with pytest.raises(ApplicationError):
        report_reopen(report=rw.report, reason="x", actor=None)


def test_report_rows_computes_window_target_and_achievement(world, rw):
    realisation_save(report=rw.report, indicator=rw.quantity, value="6", actor=None)
    realisation_save(report=rw.report, indicator=rw.time, value="2", actor=None)
    rows = {row.indicator.pk: row for row in report_rows(rw.report)}
    count = rw.period.windows.count()
    quantity = rows[rw.quantity.pk]
    expected_target = (Decimal(12) * rw.window.number / count).quantize(Decimal("0.01"))
    assert quantity.window_target == expected_target
    assert quantity.achievement == min(
        (Decimal(6) / expected_target * 100).quantize(Decimal("0.01")), Decimal(150)
    )
    time = rows[rw.time.pk]
    assert time.window_target == Decimal(3)
    assert time.achievement == Decimal("150.00")  # 3 / 2 × 100, capped at 150
    assert rows[rw.narrative.pk].achievement is None
    assert all(row.why for row in rows.values())
