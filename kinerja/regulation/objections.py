"""Deadlines of an objection (keberatan) to a final annual result.

Source: PP 30/2019 Pasal 59 (domain.md §3.3): the employee objects within 14 days of
receiving the result. Whether those are calendar or working days is [UNCONFIRMED]; they
are counted here as calendar days after the day the result became final (that day not
counted). The regulation sets no deadline for the superior's decision; the agency's
own number of days only marks an objection as overdue.
"""

import datetime

SOURCE = "PP 30/2019 Pasal 59"
OBJECTION_DAYS_2019 = 14
"""Days to object after the result became final (each agency may set its own)."""


def objection_deadline(final_on: datetime.date, days: int) -> datetime.date:
    """The last day to object to a result final on ``final_on``: with 14 days, a result
    final on the 1st can be objected to until the 15th inclusive."""
    return final_on + datetime.timedelta(days=days)


def objection_open(final_on: datetime.date, days: int, on: datetime.date) -> bool:
    """Whether an objection can still be filed on ``on``."""
    return on <= objection_deadline(final_on, days)


def decision_deadline(filed_on: datetime.date, days: int) -> datetime.date:
    """The day by which the assessor's superior should decide an objection filed on
    ``filed_on``; past it the objection is overdue."""
    return filed_on + datetime.timedelta(days=days)


def decision_overdue(decide_by: datetime.date, on: datetime.date) -> bool:
    """Whether an objection still waiting on ``on`` is past its decision day."""
    return on > decide_by
