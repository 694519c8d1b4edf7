"""The bell-shaped curve of the POLA DISTRIBUSI box (domain.md §1.8).

The annex of PermenPAN-RB 6/2022 draws one "Kurva Distribusi Predikat Kinerja Pegawai"
per organisation predicate: the curve peaks over the employee predicate that most of
the unit should get (Istimewa → Sangat Baik, Baik → Baik, …, Sangat Kurang → Sangat
Kurang). This module only draws it; the guide's numbers live in
``regulation.distribution``.
"""

import math
from dataclasses import dataclass

from kinerja.regulation.predicate import (
    EMPLOYEE_PREDICATE_NAMES,
    EmployeePredicate,
    OrganisationPredicate,
)

# The curve's axis, from the lowest predicate to the highest, as the annex draws it.
AXIS: tuple[EmployeePredicate, ...] = (
    EmployeePredicate.SANGAT_KURANG,
    EmployeePredicate.KURANG,
    EmployeePredicate.BUTUH_PERBAIKAN,
    EmployeePredicate.BAIK,
    EmployeePredicate.SANGAT_BAIK,
)
PEAK: dict[OrganisationPredicate, EmployeePredicate] = {
    OrganisationPredicate.ISTIMEWA: EmployeePredicate.SANGAT_BAIK,
    OrganisationPredicate.BAIK: EmployeePredicate.BAIK,
    OrganisationPredicate.BUTUH_PERBAIKAN: EmployeePredicate.BUTUH_PERBAIKAN,
    OrganisationPredicate.KURANG: EmployeePredicate.KURANG,
    OrganisationPredicate.SANGAT_KURANG: EmployeePredicate.SANGAT_KURANG,
}

WIDTH, HEIGHT = 300, 96
# The ticks sit at the centres of five equal columns (10 %, 30 %, … 90 % of the width),
# so the labels printed in a five-column table under the picture line up with them.
LEFT, RIGHT, TOP, BASE = 30, 270, 8, 76
SIGMA = 0.85  # spread in predicate steps: one bell over about three predicates


@dataclass(frozen=True)
class Tick:
    x: float
    predicate: EmployeePredicate
    is_peak: bool
    is_employee: bool

    @property
    def predicate_label(self) -> str:
        """The official (Indonesian) name, as the annex prints it under the curve."""
        return EMPLOYEE_PREDICATE_NAMES[self.predicate]


@dataclass(frozen=True)
class Curve:
    """What the template draws: an SVG path, the axis ticks and the employee's mark."""

    path: str
    ticks: tuple[Tick, ...]
    width: int = WIDTH
    height: int = HEIGHT
    base: int = BASE
    left: int = LEFT
    right: int = RIGHT
    marker_x: float | None = None
    marker_y: float | None = None


def _x(position: float) -> float:
    return LEFT + (RIGHT - LEFT) * position / (len(AXIS) - 1)


def _y(position: float, peak: int) -> float:
    density = math.exp(-((position - peak) ** 2) / (2 * SIGMA**2))
    return BASE - (BASE - TOP) * density


def distribution_curve(
    organisation_predicate: str, employee_predicate: str = "", steps: int = 48
) -> Curve:
    """The curve for an organisation predicate, with the employee's predicate marked."""
    peak = AXIS.index(PEAK[OrganisationPredicate(organisation_predicate)])
    span = len(AXIS) - 1
    points = []
    for step in range(steps + 1):
        position = span * step / steps
        points.append(f"{_x(position):.1f},{_y(position, peak):.1f}")
    path = f"M{_x(0):.1f},{BASE} L" + " L".join(points) + f" L{_x(span):.1f},{BASE} Z"
    ticks = tuple(
        Tick(
            x=round(_x(i), 1),
            predicate=predicate,
            is_peak=i == peak,
            is_employee=predicate.value == employee_predicate,
        )
        for i, predicate in enumerate(AXIS)
    )
    marker_x = marker_y = None
    if employee_predicate in {p.value for p in AXIS}:
        index = AXIS.index(EmployeePredicate(employee_predicate))
        marker_x, marker_y = round(_x(index), 1), round(_y(index, peak), 1)
    return Curve(path=path, ticks=ticks, marker_x=marker_x, marker_y=marker_y)
