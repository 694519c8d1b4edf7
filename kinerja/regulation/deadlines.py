"""Default deadlines of the performance year.

Each default is a table entry with its source, so a newer rule is a new entry, not an
edit. Every date can still be changed per period by HR.
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class DeadlineRules:
    source: str
    planning_month_day: tuple[int, int]
    """The SKP is adopted by this day of the period's year."""
    assessment_month_day: tuple[int, int]
    """The annual assessment is done by this day of the following year."""
    report_grace_days: int
    """Days after a reporting window closes until its realisations are due."""


DEADLINES_2021 = DeadlineRules(
    # The planning deadline is PermenPAN-RB 8/2021 §E ("ditetapkan paling lambat akhir
    # Januari"); its carry-over into 6/2022 is unconfirmed (domain.md §8.4). The
    # assessment deadline and the reporting grace are Kinerja's own defaults.
    source="PermenPAN-RB 8/2021 §E; Kinerja defaults",
    planning_month_day=(1, 31),
    assessment_month_day=(1, 31),
    report_grace_days=10,
)


def planning_deadline(year: int, rules: DeadlineRules = DEADLINES_2021) -> datetime.date:
    return datetime.date(year, *rules.planning_month_day)


def assessment_deadline(year: int, rules: DeadlineRules = DEADLINES_2021) -> datetime.date:
    return datetime.date(year + 1, *rules.assessment_month_day)


def report_deadline(
    window_end: datetime.date, rules: DeadlineRules = DEADLINES_2021
) -> datetime.date:
    return window_end + datetime.timedelta(days=rules.report_grace_days)
