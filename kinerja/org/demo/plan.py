"""An agency as plain rows, before anything touches the database.

A ``Plan`` collects units, positions, people and assignments keyed by their codes, so
the layout can be written as readable data and then inserted set-based in one go
(``kinerja.org.demo.writer``).
"""

import datetime
import random
from dataclasses import dataclass

from kinerja.org.demo.people import LEVEL_NAMES, PersonFactory, PersonRow, Post
from kinerja.org.enums import AssignmentKind, EmploymentType

FIRST_ASSIGNMENT = datetime.date(2012, 1, 2)
LAST_ASSIGNMENT = datetime.date(2025, 6, 30)
FIRST_INSTALLATION = datetime.date(2021, 1, 4)  # heads were installed from 2021 on
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass(slots=True)
class UnitRow:
    code: str
    name: str
    kind: str
    parent: str | None
    address: str = ""


@dataclass(slots=True)
class PositionRow:
    code: str
    unit: str
    name: str
    kind: str
    level: str
    reports_to: str | None
    is_unit_head: bool


@dataclass(slots=True)
class AssignmentRow:
    person: int
    position: str
    kind: str
    start_date: datetime.date
    end_date: datetime.date | None = None
    decree_number: str = ""


@dataclass(slots=True)
class StaffSlot:
    """Where filler staff go: a unit, its share of the headcount, and its post mix."""

    unit: str
    weight: float
    mix: tuple[tuple[Post, int], ...]


class Plan:
    def __init__(self, rng: random.Random, people: PersonFactory):
        self.rng = rng
        self.factory = people
        self.units: dict[str, UnitRow] = {}
        self.positions: dict[str, PositionRow] = {}
        self.people: list[PersonRow] = []
        self.assignments: list[AssignmentRow] = []
        self.heads: dict[str, str] = {}
        self.holders: dict[str, int] = {}
        self.vacant: frozenset[str] = frozenset()
        self.slots: list[StaffSlot] = []
        self._staff_numbers: dict[str, int] = {}
        self._decrees = 0

    # --- structure -------------------------------------------------------------------

    def unit(
        self, code: str, name: str, kind: str, parent: str | None = None, address: str = ""
    ) -> str:
        self.units[code] = UnitRow(code, name, kind, parent, address)
        return code

    def head(
        self,
        unit: str,
        name: str,
        *,
        reports_to: str | None,
        post: Post,
        level: str = "",
    ) -> str:
        """The post that leads ``unit`` (code ``<unit>-KEPALA``), held unless it is one
        of the plan's vacant posts."""
        code = f"{unit}-KEPALA"
        self.positions[code] = PositionRow(code, unit, name, post.kind, level, reports_to, True)
        self.heads[unit] = code
        if code not in self.vacant:
            self.hold(code, post, level, pppk=False, head=True)
        return code

    def staff(self, unit: str, post: Post, level: str = "", *, pppk: bool) -> tuple[str, int]:
        """A staff post in ``unit`` reporting to its head, and the person holding it."""
        code = self._next_staff_code(unit)
        name = f"{post.name} {LEVEL_NAMES[level]}" if level else post.name
        self.positions[code] = PositionRow(
            code, unit, name, post.kind, level, self.heads.get(unit), False
        )
        return code, self.hold(code, post, level, pppk=pppk)

    def _next_staff_code(self, unit: str) -> str:
        number = self._staff_numbers.get(unit, 0) + 1
        self._staff_numbers[unit] = number
        return f"{unit}-{number:03d}"

    def slot(self, unit: str, weight: float, mix: tuple[tuple[Post, int], ...]) -> None:
        self.slots.append(StaffSlot(unit, weight * self.rng.uniform(0.75, 1.25), mix))

    # --- people ----------------------------------------------------------------------

    def hold(self, position: str, post: Post, level: str, *, pppk: bool, head: bool = False) -> int:
        """Hire a person fitting ``post`` and give them ``position`` definitively."""
        person = self.factory.person(post, level, pppk=pppk)
        self.people.append(person)
        index = len(self.people) - 1
        self.holders[position] = index
        start = self._start_date(person, head=head)
        self.assignments.append(
            AssignmentRow(
                person=index,
                position=position,
                kind=AssignmentKind.DEFINITIVE,
                start_date=start,
                decree_number=self.decree(start.year) if head else "",
            )
        )
        return index

    def acting(self, person: int, position: str, start: datetime.date) -> None:
        """``person`` also holds ``position`` as Plt from ``start``, open-ended."""
        self.assignments.append(
            AssignmentRow(
                person=person,
                position=position,
                kind=AssignmentKind.PLT,
                start_date=start,
                decree_number=self.decree(start.year),
            )
        )

    def transfer(self, person: int, unit: str, post: Post, on: datetime.date) -> str:
        """Move ``person`` to a new staff post in ``unit`` from ``on`` (mutasi): the
        definitive assignment they hold ends the day before."""
        for row in self.assignments:
            if row.person == person and row.kind == AssignmentKind.DEFINITIVE:
                row.end_date = on - datetime.timedelta(days=1)
                row.start_date = min(row.start_date, on - datetime.timedelta(days=365))
        code = self._next_staff_code(unit)
        self.positions[code] = PositionRow(
            code, unit, post.name, post.kind, "", self.heads.get(unit), False
        )
        self.assignments.append(
            AssignmentRow(
                person=person,
                position=code,
                kind=AssignmentKind.DEFINITIVE,
                start_date=on,
                decree_number=self.decree(on.year),
            )
        )
        return code

    def decree(self, year: int) -> str:
        """A decree number (nomor SK) in the style of a city's HR office."""
        self._decrees += 1
        month = ROMAN_MONTHS[self.rng.randrange(12)]
        return f"800.1.3.2/{self._decrees:04d}/BKPSDM/{month}/{year}"

    def _start_date(self, person: PersonRow, *, head: bool) -> datetime.date:
        earliest = person.appointed
        if person.employment_type == EmploymentType.PNS:
            # A candidate (CPNS) becomes PNS after a year and is then posted.
            earliest = earliest.replace(year=earliest.year + 1)
        earliest = max(earliest, FIRST_INSTALLATION if head else FIRST_ASSIGNMENT)
        if earliest >= LAST_ASSIGNMENT:
            return LAST_ASSIGNMENT
        if person.employment_type == EmploymentType.PPPK and not head:
            return earliest
        span = (LAST_ASSIGNMENT - earliest).days
        return earliest + datetime.timedelta(days=self.rng.randrange(span))

    # --- filling the headcount ---------------------------------------------------------

    def fill(self, total: int) -> None:
        """Add staff to the slots until the plan has exactly ``total`` people, shared by
        weight (largest remainder, so the result is exact and deterministic)."""
        remaining = total - len(self.people)
        if remaining <= 0 or not self.slots:
            return
        weight = sum(s.weight for s in self.slots)
        shares = [remaining * s.weight / weight for s in self.slots]
        counts = [int(share) for share in shares]
        by_remainder = sorted(range(len(shares)), key=lambda i: (counts[i] - shares[i], i))
        for i in by_remainder[: remaining - sum(counts)]:
            counts[i] += 1
        rng = self.rng
        for slot, count in zip(self.slots, counts, strict=True):
            posts = [post for post, _w in slot.mix]
            weights = [w for _post, w in slot.mix]
            for post in rng.choices(posts, weights, k=count):
                # PPPK are appointed at the entry level of their post.
                pppk = post.pppk_share > 0 and rng.random() < post.pppk_share
                levels = post.entry_levels if pppk else post.levels
                level = ""
                if levels:
                    level = rng.choices([lv for lv, _w in levels], [w for _lv, w in levels])[0]
                self.staff(slot.unit, post, level, pppk=pppk)
