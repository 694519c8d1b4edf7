"""Credit points (angka kredit) for functional posts from the annual predicate.

Source: PermenPAN-RB 1/2023 Pasal 37; PerBKN 3/2023 (domain.md §3.4):
``AK = (months / 12) × percentage(predicate) × annual coefficient(jenjang)``.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kinerja.regulation.predicate import EmployeePredicate

SOURCE = "PermenPAN-RB 1/2023 Pasal 37; PerBKN 3/2023"

PREDICATE_PERCENTAGE_2023: dict[EmployeePredicate, Decimal] = {
    EmployeePredicate.SANGAT_BAIK: Decimal(150),
    EmployeePredicate.BAIK: Decimal(100),
    EmployeePredicate.BUTUH_PERBAIKAN: Decimal(75),
    EmployeePredicate.KURANG: Decimal(50),
    EmployeePredicate.SANGAT_KURANG: Decimal(25),
}


@dataclass(frozen=True)
class Level:
    code: str
    name: str
    annual_coefficient: Decimal
    for_next_rank: Decimal
    for_next_level: Decimal | None  # None: the top of its track


LEVELS_2023: dict[str, Level] = {
    level.code: level
    for level in (
        Level("pemula", "Pemula", Decimal("3.75"), Decimal(15), Decimal(15)),
        Level("terampil", "Terampil", Decimal(5), Decimal(20), Decimal(60)),
        Level("mahir", "Mahir", Decimal("12.5"), Decimal(50), Decimal(100)),
        Level("penyelia", "Penyelia", Decimal(25), Decimal(100), None),
        Level("ahli_pertama", "Ahli Pertama", Decimal("12.5"), Decimal(50), Decimal(100)),
        Level("ahli_muda", "Ahli Muda", Decimal(25), Decimal(100), Decimal(200)),
        Level("ahli_madya", "Ahli Madya", Decimal("37.5"), Decimal(150), Decimal(450)),
        Level("ahli_utama", "Ahli Utama", Decimal(50), Decimal(200), None),
    )
}


@dataclass(frozen=True)
class CreditPoints:
    points: Decimal
    months: int
    percentage: Decimal
    level: Level

    @property
    def explanation(self) -> str:
        return (
            f"Angka kredit = {self.months}/12 × {self.percentage}% × koefisien tahunan "
            f"jenjang {self.level.name} ({self.level.annual_coefficient}) = {self.points}. "
            f"Sumber: {SOURCE}."
        )


def credit_points(predicate: EmployeePredicate | str, level_code: str, months: int) -> CreditPoints:
    """Credit points earned in ``months`` (1–12) of a year in a post at ``level_code``.

    Rounded half-up to two decimals, as in BKN's worked examples (2/12 × 100 % × 12.5 =
    2.08).
    """
    if not 1 <= months <= 12:
        raise ValueError("months must be between 1 and 12")
    level = LEVELS_2023[level_code]
    percentage = PREDICATE_PERCENTAGE_2023[EmployeePredicate(predicate)]
    exact = Decimal(months) / 12 * percentage / 100 * level.annual_coefficient
    points = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return CreditPoints(points, months, percentage, level)


def months_in_post(
    spans: list[tuple[datetime.date, datetime.date | None]],
    start: datetime.date,
    end: datetime.date,
) -> int:
    """Calendar months between ``start`` and ``end`` (inclusive) in which the post was
    held, from the assignments' (start, end or None) spans.

    A month counts when the post was held on its 15th day, i.e. for at least about half
    of it. The regulation counts whole months from the decree's TMT, which is normally
    the first of a month; this reading for a mid-month TMT is [UNCONFIRMED].
    """
    months = 0
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        middle = datetime.date(year, month, 15)
        if start <= middle <= end and any(
            first <= middle and (last is None or middle <= last) for first, last in spans
        ):
            months += 1
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
