"""Checking every row: values, references within the file and the agency, duplicates and
circles. Produces typed rows and the error report; writes nothing.

Rows are not checked with ``full_clean``: at 100,000 rows its per-row uniqueness
queries would dominate. The same rules are applied here set-based instead, with the
length limits read from the models so the two can never disagree.
"""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from kinerja.core.clock import today
from kinerja.org.enums import GRADES_BY_TYPE, AssignmentKind, PositionKind
from kinerja.org.importing.columns import (
    ASSIGNMENT_KINDS,
    COLUMNS,
    EMPLOYEE_COLUMNS,
    EMPLOYMENT_TYPES,
    FLAGS,
    LEVELS,
    POSITION_KINDS,
    UNIT_KINDS,
    RecordKind,
    allowed_list,
    normalise_choice,
)
from kinerja.org.importing.messages import RowError
from kinerja.org.importing.reading import Sheet, cell_text
from kinerja.org.importing.state import AgencyState
from kinerja.org.models import Employee, Position, Unit
from kinerja.regulation.nip import EmploymentType as NipType
from kinerja.regulation.nip import InvalidNip, parse_nip


def _limit(model, name: str) -> int:
    return model._meta.get_field(name).max_length


LIMITS = {
    "KODE_UNOR": _limit(Unit, "code"),
    "NAMA_UNOR": _limit(Unit, "name"),
    "ALAMAT": _limit(Unit, "address"),
    "KODE_JABATAN": _limit(Position, "code"),
    "NAMA_JABATAN": _limit(Position, "name"),
    "NAMA": _limit(Employee, "name"),
    "GELAR_DEPAN": _limit(Employee, "front_title"),
    "GELAR_BELAKANG": _limit(Employee, "back_title"),
    "EMAIL": _limit(Employee, "email"),
    "NOMOR_HP": _limit(Employee, "phone"),
}

GRADE_SETS = {kind: frozenset(grades) for kind, grades in GRADES_BY_TYPE.items()}

# Most addresses match this plain shape, which Django's validator always accepts; only
# the rest go through the (much slower) full validator.
PLAIN_EMAIL = re.compile(
    r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
    r"[A-Za-z]{2,63}"
)
DATE_PATTERNS = (
    re.compile(r"(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})"),
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
)


@dataclass(slots=True)
class UnitRow:
    sheet: str
    row: int
    code: str
    name: str
    parent_code: str
    kind: str
    address: str | None  # None: the column is absent, keep what is stored


@dataclass(slots=True)
class PositionRow:
    sheet: str
    row: int
    code: str
    name: str
    unit_code: str
    kind: str
    level: str
    reports_to_code: str
    is_unit_head: bool | None


@dataclass(slots=True)
class PersonRow:
    """The employee's own data, from the first row of a NIP. Optional values are None
    when their column is absent, which keeps the stored value on re-import."""

    sheet: str
    row: int
    nip: str
    name: str
    front_title: str | None
    back_title: str | None
    employment_type: str
    grade: str | None
    sex: str
    birth_date: datetime.date
    email: str | None
    phone: str | None


@dataclass(slots=True)
class PostingRow:
    """A post the employee holds from ``start_date`` (one row may carry one)."""

    sheet: str
    row: int
    nip: str
    position_code: str
    kind: str
    start_date: datetime.date


@dataclass
class Checked:
    units: list[UnitRow]
    positions: list[PositionRow]
    people: list[PersonRow]
    postings: list[PostingRow]


class Checker:
    def __init__(self, state: AgencyState) -> None:
        self.state = state
        self.errors: list[RowError] = []
        self._dates: dict[str, datetime.date | None] = {}
        self._today = today()

    def error(self, sheet: str, row: int, column: str, code: str, /, **params) -> None:
        self.errors.append(RowError(sheet, row, column, code, params))

    # --- cells ---------------------------------------------------------------------

    def _text(self, sheet: Sheet, number: int, values: list, column: str, *, required=False):
        """The stripped text of a cell, "" when empty, None when the column is absent."""
        index = sheet.columns.get(column)
        if index is None:
            return None
        value = values[index] if index < len(values) else None
        text = value.strip() if isinstance(value, str) else cell_text(value)
        if required and not text:
            self.error(sheet.label, number, column, "required")
        limit = LIMITS.get(column)
        if limit is not None and len(text) > limit:
            self.error(sheet.label, number, column, "too_long", limit=limit, length=len(text))
        return text

    def _choice(self, sheet, number, values, column, vocabulary: dict, *, required=False):
        text = self._text(sheet, number, values, column, required=required)
        if not text:
            return None
        if text in vocabulary:
            return vocabulary[text]
        key = normalise_choice(text)
        if key not in vocabulary:
            allowed = allowed_list(vocabulary)
            self.error(sheet.label, number, column, "choice", value=text, allowed=allowed)
            return None
        return vocabulary[key]

    def _date(self, label: str, number: int, column: str, value):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = cell_text(value)
        if not text:
            self.error(label, number, column, "required")
            return None
        if text not in self._dates:
            self._dates[text] = _parse_date(text)
        parsed = self._dates[text]
        if parsed is None:
            self.error(label, number, column, "date", value=text)
        return parsed

    # --- kinds ---------------------------------------------------------------------

    def check(self, sheets: list[Sheet]) -> Checked:
        by_kind = {kind: [s for s in sheets if s.kind == kind] for kind in RecordKind.ORDER}
        for kind, kind_sheets in by_kind.items():
            for sheet in kind_sheets:
                for column in COLUMNS[kind]:
                    if column.required and column.name not in sheet.columns:
                        self.error(sheet.label, 1, column.name, "column_missing")
        if self.errors:
            return Checked([], [], [], [])
        units = self._units(by_kind[RecordKind.UNITS])
        positions = self._positions(by_kind[RecordKind.POSITIONS], units)
        people, postings = self._employees(by_kind[RecordKind.EMPLOYEES], positions)
        return Checked(units, positions, people, postings)

    def _units(self, sheets: list[Sheet]) -> list[UnitRow]:
        rows: dict[str, UnitRow] = {}
        for sheet in sheets:
            for number, values in sheet.rows:
                code = self._text(sheet, number, values, "KODE_UNOR", required=True)
                name = self._text(sheet, number, values, "NAMA_UNOR", required=True)
                parent = self._text(sheet, number, values, "KODE_UNOR_INDUK")
                if parent is None:  # no such column: keep the stored parent
                    stored = self.state.units.get(code or "")
                    parent = self.state.unit_codes.get(stored["parent_id"], "") if stored else ""
                kind = self._choice(sheet, number, values, "JENIS_UNOR", UNIT_KINDS, required=True)
                address = self._text(sheet, number, values, "ALAMAT")
                if code and code in rows:
                    self._duplicate(sheet, number, "KODE_UNOR", code, rows[code])
                elif code:
                    rows[code] = UnitRow(sheet.label, number, code, name, parent, kind, address)
        parents = {
            code: self.state.unit_codes.get(u["parent_id"], "")
            for code, u in self.state.units.items()
        }
        for row in rows.values():
            if (
                row.parent_code
                and row.parent_code not in rows
                and row.parent_code not in self.state.units
            ):
                self.error(
                    row.sheet, row.row, "KODE_UNOR_INDUK", "unit_unknown", value=row.parent_code
                )
            parents[row.code] = row.parent_code
        self._circles(rows, parents, "KODE_UNOR_INDUK", "unit_cycle")
        return list(rows.values())

    def _positions(self, sheets: list[Sheet], units: list[UnitRow]) -> list[PositionRow]:
        unit_codes = {u.code for u in units} | self.state.units.keys()
        rows: dict[str, PositionRow] = {}
        for sheet in sheets:
            for number, values in sheet.rows:
                code = self._text(sheet, number, values, "KODE_JABATAN", required=True)
                name = self._text(sheet, number, values, "NAMA_JABATAN", required=True)
                unit = self._text(sheet, number, values, "KODE_UNOR", required=True)
                if unit and unit not in unit_codes:
                    self.error(sheet.label, number, "KODE_UNOR", "unit_unknown", value=unit)
                kind = self._choice(
                    sheet, number, values, "JENIS_JABATAN", POSITION_KINDS, required=True
                )
                level = self._level(sheet, number, values, kind)
                boss = self._text(sheet, number, values, "KODE_JABATAN_ATASAN")
                if boss is None:  # no such column: keep the stored reporting line
                    stored = self.state.positions.get(code or "")
                    boss = (
                        self.state.position_codes.get(stored["reports_to_id"], "") if stored else ""
                    )
                head = self._choice(sheet, number, values, "KEPALA_UNOR", FLAGS)
                if head is None and "KEPALA_UNOR" in sheet.columns:
                    head = False
                if code and code in rows:
                    self._duplicate(sheet, number, "KODE_JABATAN", code, rows[code])
                elif code:
                    rows[code] = PositionRow(
                        sheet.label, number, code, name, unit, kind, level, boss, head
                    )
        bosses = {
            code: self.state.position_codes.get(p["reports_to_id"], "")
            for code, p in self.state.positions.items()
        }
        for row in rows.values():
            known = row.reports_to_code in rows or row.reports_to_code in self.state.positions
            if row.reports_to_code and not known:
                self.error(
                    row.sheet,
                    row.row,
                    "KODE_JABATAN_ATASAN",
                    "position_unknown",
                    value=row.reports_to_code,
                )
            bosses[row.code] = row.reports_to_code
        self._circles(rows, bosses, "KODE_JABATAN_ATASAN", "position_cycle")
        return list(rows.values())

    def _level(self, sheet: Sheet, number: int, values: list, kind: str | None) -> str:
        if kind == PositionKind.FUNGSIONAL:
            level = self._choice(sheet, number, values, "JENJANG", LEVELS)
            if level is None and not self._text(sheet, number, values, "JENJANG"):
                self.error(sheet.label, number, "JENJANG", "level_required")
            return level or ""
        if kind is not None and self._text(sheet, number, values, "JENJANG"):
            self.error(sheet.label, number, "JENJANG", "level_forbidden")
        return ""

    def _duplicate(self, sheet: Sheet, number: int, column: str, value: str, first) -> None:
        self.error(
            sheet.label, number, column, "duplicate", value=value, sheet=first.sheet, row=first.row
        )

    def _circles(self, rows: dict, links: dict[str, str], column: str, code: str) -> None:
        """Report every file row whose chain of links (parent or reports-to) comes back
        to itself, following the file's links and, beyond it, the stored ones."""
        safe: set[str] = set()
        for start, row in rows.items():
            chain: list[str] = []
            current = start
            while current and current not in safe and current not in chain:
                chain.append(current)
                current = links.get(current, "")
            if current in chain:
                loop = chain[chain.index(current) :]
                if start in loop:
                    self.error(row.sheet, row.row, column, code, chain=" → ".join([*loop, start]))
                    continue
                # The start only leads into someone else's circle: only the way there
                # is known to be safe; the circle's own rows are reported from their side.
                chain = chain[: chain.index(current)]
            safe.update(chain)

    def _employees(
        self, sheets: list[Sheet], positions: list[PositionRow]
    ) -> tuple[list[PersonRow], list[PostingRow]]:
        """The hot loop of a 100,000-row import: each row's cells are stripped in one
        pass and read by position, instead of one lookup per cell."""
        position_codes = {p.code for p in positions} | self.state.positions.keys()
        people: dict[str, PersonRow] = {}
        seen: dict[tuple[str, str], tuple[str, int]] = {}
        postings: list[PostingRow] = []
        for sheet in sheets:
            label = sheet.label
            at = [sheet.columns.get(column.name) for column in EMPLOYEE_COLUMNS]
            width = max(sheet.columns.values()) + 1
            required = [(sheet.columns[c.name], c.name) for c in EMPLOYEE_COLUMNS if c.required]
            limited = [
                (sheet.columns[name], name, LIMITS[name])
                for name in sheet.columns.keys() & LIMITS.keys()
            ]
            layout = (width, required, limited)
            for number, given in sheet.rows:
                values, cells = self._cells(label, number, given, layout)
                row = [cells[index] if index is not None else None for index in at]
                person = self._person(label, number, row, values[at[0]])
                code, how = row[8] or "", row[9]
                kind = self._lookup(label, number, "JENIS_PENUGASAN", how, ASSIGNMENT_KINDS)
                kind = AssignmentKind.DEFINITIVE if not how else kind
                start = None
                if code:
                    if code not in position_codes:
                        self.error(label, number, "KODE_JABATAN", "position_unknown", value=code)
                    raw = values[at[10]] if at[10] is not None else None
                    start = self._date(label, number, "TMT_JABATAN", raw)
                if person is None or kind is None:
                    continue
                if (person.nip, kind) in seen:
                    where, first_row = seen[person.nip, kind]
                    self.error(
                        label,
                        number,
                        "NIP",
                        "duplicate",
                        value=person.nip,
                        sheet=where,
                        row=first_row,
                    )
                    continue
                seen[person.nip, kind] = (label, number)
                first = people.setdefault(person.nip, person)
                if first is not person:
                    self._same_person(first, person)
                    if not code:
                        self.error(label, number, "KODE_JABATAN", "required")
                if start is not None and code in position_codes:
                    postings.append(PostingRow(label, number, person.nip, code, kind, start))
        for person in people.values():
            self._against_database(person)
        return list(people.values()), postings

    def _cells(self, label: str, number: int, values: list, layout: tuple) -> tuple[list, list]:
        """The row padded to the header's width, and its cells as stripped text, with
        missing required values and overlong values reported."""
        width, required, limited = layout
        if len(values) < width:
            values = [*values, *[""] * (width - len(values))]
        try:
            cells = list(map(str.strip, values))  # a CSV row: text only, the fast way
        except TypeError:  # a workbook row: numbers, dates and empty cells too
            cells = [cell_text(value) for value in values]
        for index, column in required:
            if not cells[index]:
                self.error(label, number, column, "required")
        for index, column, limit in limited:
            if len(cells[index]) > limit:
                self.error(label, number, column, "too_long", limit=limit, length=len(cells[index]))
        return values, cells

    def _lookup(self, label: str, number: int, column: str, text: str | None, vocabulary: dict):
        """The vocabulary value for a non-empty cell, or None (reported) when unknown."""
        if not text:
            return None
        value = vocabulary.get(text)
        if value is None:
            value = vocabulary.get(normalise_choice(text))
        if value is None:
            allowed = allowed_list(vocabulary)
            self.error(label, number, column, "choice", value=text, allowed=allowed)
        return value

    def _person(self, label: str, number: int, row: list, raw_nip) -> PersonRow | None:
        nip, name, front, back, kind_text, grade, email, phone = row[:8]
        kind = self._lookup(label, number, "JENIS_PEGAWAI", kind_text, EMPLOYMENT_TYPES)
        if email and not PLAIN_EMAIL.fullmatch(email):
            try:
                validate_email(email)
            except ValidationError:
                self.error(label, number, "EMAIL", "email")
        if grade and kind:
            allowed = GRADE_SETS[kind]
            grade = grade if grade in allowed else _normal_grade(grade)
            if grade not in allowed:
                self.error(label, number, "GOL_RUANG", "grade", grade=grade, type=kind)
        if not nip or not kind:
            return None
        if isinstance(raw_nip, float) or "E+" in nip.upper():
            self.error(label, number, "NIP", "nip_number")
            return None
        try:
            # parse_nip with the date fixed once: nip_validate's rules, without asking
            # the clock 100,000 times.
            info = parse_nip(nip, employment_type=NipType(kind), today=self._today)
        except InvalidNip as exc:
            self.errors.append(RowError(label, number, "NIP", f"nip.{exc.problem.value}"))
            return None
        return PersonRow(
            label,
            number,
            nip,
            name,
            front,
            back,
            kind,
            grade,
            info.sex,
            info.birth_date,
            email,
            phone,
        )

    def _same_person(self, first: PersonRow, other: PersonRow) -> None:
        """A second row of a NIP (for an acting post) must not tell a different story."""
        for attribute, column in (
            ("name", "NAMA"),
            ("front_title", "GELAR_DEPAN"),
            ("back_title", "GELAR_BELAKANG"),
            ("employment_type", "JENIS_PEGAWAI"),
            ("grade", "GOL_RUANG"),
            ("email", "EMAIL"),
            ("phone", "NOMOR_HP"),
        ):
            mine, theirs = getattr(first, attribute), getattr(other, attribute)
            if theirs is not None and mine is not None and mine != theirs:
                self.error(
                    other.sheet, other.row, column, "differs", sheet=first.sheet, row=first.row
                )

    def _against_database(self, person: PersonRow) -> None:
        stored = self.state.employees.get(person.nip)
        login = self.state.logins.get(person.nip)
        stored_id = stored["id"] if stored else None
        if stored is not None and stored["agency_id"] != self.state.agency_id:
            self.error(person.sheet, person.row, "NIP", "other_agency")
        elif login is not None and login[1] is not None and login[1] != stored_id:
            self.error(person.sheet, person.row, "NIP", "login_taken", value=person.nip)


def _normal_grade(text: str) -> str:
    """ "iii/A" → "III/a" (PNS); "ix" → "IX" (PPPK)."""
    roman, slash, letter = text.replace(" ", "").partition("/")
    return f"{roman.upper()}/{letter.lower()}" if slash else roman.upper()


def _parse_date(text: str) -> datetime.date | None:
    for pattern in DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            try:
                return datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                return None
    return None
