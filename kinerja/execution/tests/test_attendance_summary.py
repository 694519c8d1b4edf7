"""The attendance partial for the assessor and who may read a summary."""

import pytest
from django.template.loader import render_to_string

from kinerja.access.permissions import may
from kinerja.execution.models import AttendanceSummary
from kinerja.execution.selectors_attendance import (
    attendance_coverage,
    attendance_get,
    attendance_of,
)


@pytest.fixture
def summary(fw):
    return AttendanceSummary.objects.create(
        employee=fw.world.staff,
        window=fw.window,
        working_days=60,
        present_days=57,
        late_count=4,
        leave_days=2,
        absent_days=1,
        discipline_note="Teguran lisan",
    )


def test_attendance_partial_shows_figures_and_why(fw, summary):
    html = render_to_string(
        "execution/attendance_summary.html",
        {"attendance": attendance_get(fw.world.staff, fw.window), "attendance_window": fw.window},
    )
    assert "attendance-summary" in html
    assert "<details" in html
    assert "95%" in html  # 57 of 60 working days
    assert "Teguran lisan" in html


def test_attendance_partial_without_summary(fw):
    html = render_to_string(
        "execution/attendance_summary.html", {"attendance": None, "attendance_window": fw.window}
    )
    assert "attendance-summary" in html
    assert "<dl" not in html


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("staff", True),
        ("section_head", True),
        ("division_head", True),
        ("hr", True),
        ("leader", True),
        ("peer", False),
        ("nurse", False),
        ("other_hr", False),
    ],
)
def test_view_attendance_rule(fw, who, allowed):
    assert may(fw.world.users[who], "execution.view_attendance", fw.world.staff) is allowed


def test_attendance_selectors(fw, summary):
    assert list(attendance_of(fw.world.staff, fw.period)) == [summary]
    coverage = attendance_coverage(fw.period)
    assert [row["count"] for row in coverage] == [1, 0, 0, 0]
