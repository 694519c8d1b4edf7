"""Splitting a year into reporting windows: quarters (triwulan, as in the annex of
PermenPAN-RB 6/2022) or months (as e-Kinerja BKN does)."""

import calendar
import datetime
from dataclasses import dataclass

from kinerja.planning.enums import Rhythm

QUARTER_LABELS = ("Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV")
MONTH_LABELS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


@dataclass(frozen=True)
class Span:
    number: int
    label: str
    start: datetime.date
    end: datetime.date


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def window_spans(year: int, rhythm: str) -> list[Span]:
    """The windows of a calendar year, in order, covering it without gaps."""
    if rhythm == Rhythm.MONTHLY:
        return [
            Span(m, f"{MONTH_LABELS[m - 1]} {year}", datetime.date(year, m, 1), _month_end(year, m))
            for m in range(1, 13)
        ]
    return [
        Span(
            q,
            f"{QUARTER_LABELS[q - 1]} {year}",
            datetime.date(year, 3 * q - 2, 1),
            _month_end(year, 3 * q),
        )
        for q in range(1, 5)
    ]
