import datetime

import pytest

from kinerja.regulation.objections import (
    OBJECTION_DAYS_2019,
    decision_deadline,
    decision_overdue,
    objection_deadline,
    objection_open,
)

FINAL = datetime.date(2026, 1, 1)


def test_objection_deadline_counts_calendar_days_after_the_final_day():
    assert objection_deadline(FINAL, OBJECTION_DAYS_2019) == datetime.date(2026, 1, 15)


def test_objection_deadline_crosses_the_month_end():
    assert objection_deadline(datetime.date(2026, 2, 20), 14) == datetime.date(2026, 3, 6)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (FINAL, True),
        (datetime.date(2026, 1, 15), True),
        (datetime.date(2026, 1, 16), False),
    ],
)
def test_objection_open_until_the_last_day_inclusive(on, expected):
    assert objection_open(FINAL, OBJECTION_DAYS_2019, on) is expected


def test_decision_deadline_and_overdue():
    decide_by = decision_deadline(datetime.date(2026, 1, 10), 14)
    assert decide_by == datetime.date(2026, 1, 24)
    assert decision_overdue(decide_by, datetime.date(2026, 1, 24)) is False
    assert decision_overdue(decide_by, datetime.date(2026, 1, 25)) is True
