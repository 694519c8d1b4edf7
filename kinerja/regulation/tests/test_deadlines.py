import datetime

import pytest

from kinerja.regulation.deadlines import assessment_deadline, planning_deadline, report_deadline


@pytest.mark.parametrize(
    ("_case", "value", "expected"),
    [
        ("SKP by the end of January", planning_deadline(2026), datetime.date(2026, 1, 31)),
        ("annual assessment next January", assessment_deadline(2026), datetime.date(2027, 1, 31)),
        (
            "reports ten days after Q1",
            report_deadline(datetime.date(2026, 3, 31)),
            datetime.date(2026, 4, 10),
        ),
        (
            "across the year end",
            report_deadline(datetime.date(2026, 12, 31)),
            datetime.date(2027, 1, 10),
        ),
    ],
)
def test_default_deadlines(_case, value, expected):
    assert value == expected
