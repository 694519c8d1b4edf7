"""From checked rows to a plan: what to create, what to update, which posts start and
which end. The plan is what the dry run shows and what the writer executes."""

import datetime
from dataclasses import dataclass, field

from kinerja.org.enums import AssignmentKind
from kinerja.org.importing.checking import Checked, PersonRow, PositionRow, PostingRow, UnitRow
from kinerja.org.importing.columns import RecordKind
from kinerja.org.importing.messages import RowError
from kinerja.org.importing.state import AgencyState

CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"
SAMPLE_SIZE = 10

UNIT_FIELDS = (("name", "NAMA_UNOR"), ("kind", "JENIS_UNOR"), ("address", "ALAMAT"))
POSITION_FIELDS = (
    ("name", "NAMA_JABATAN"),
    ("kind", "JENIS_JABATAN"),
    ("level", "JENJANG"),
    ("is_unit_head", "KEPALA_UNOR"),
)
PERSON_FIELDS = (
    ("name", "NAMA"),
    ("front_title", "GELAR_DEPAN"),
    ("back_title", "GELAR_BELAKANG"),
    ("employment_type", "JENIS_PEGAWAI"),
    ("grade", "GOL_RUANG"),
    ("email", "EMAIL"),
    ("phone", "NOMOR_HP"),
)


@dataclass
class Plan:
    checked: Checked
    state: AgencyState
    # code or NIP → (action, changed column names)
    units: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    positions: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    people: dict[str, tuple[str, list[str]]] = field(default_factory=dict)
    new_postings: list[PostingRow] = field(default_factory=list)
    # assignment id → the day before the new definitive post starts
    endings: dict[int, datetime.date] = field(default_factory=dict)
    # NIP → id of an existing, unlinked login with that username
    logins_to_link: dict[str, int] = field(default_factory=dict)
    logins_to_create: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, dict[str, int]]:
        def tally(actions):
            result = {CREATE: 0, UPDATE: 0, UNCHANGED: 0}
            for action, _changes in actions.values():
                result[action] += 1
            return result

        return {
            RecordKind.UNITS: tally(self.units),
            RecordKind.POSITIONS: tally(self.positions),
            RecordKind.EMPLOYEES: tally(self.people),
            "assignments": {"start": len(self.new_postings), "end": len(self.endings)},
            "logins": {CREATE: len(self.logins_to_create), "link": len(self.logins_to_link)},
        }

    def samples(self) -> dict[str, list[dict]]:
        """The first rows that change something, per kind, for the dry-run preview."""
        c = self.checked
        kinds = (
            (RecordKind.UNITS, c.units, "code", self.units),
            (RecordKind.POSITIONS, c.positions, "code", self.positions),
            (RecordKind.EMPLOYEES, c.people, "nip", self.people),
        )
        result: dict[str, list[dict]] = {}
        for kind, rows, key_name, actions in kinds:
            picked = []
            for row in rows:
                key = getattr(row, key_name)
                action, changes = actions[key]
                if action == UNCHANGED:
                    continue
                picked.append(
                    {
                        "row": row.row,
                        "key": key,
                        "name": row.name,
                        "action": action,
                        "changes": changes,
                    }
                )
                if len(picked) == SAMPLE_SIZE:
                    break
            result[kind] = picked
        return result


def make_plan(checked: Checked, state: AgencyState, errors: list[RowError]) -> Plan:
    plan = Plan(checked=checked, state=state)
    for unit in checked.units:
        plan.units[unit.code] = _unit_action(unit, state)
    for position in checked.positions:
        plan.positions[position.code] = _position_action(position, state)
    for person in checked.people:
        plan.people[person.nip] = _person_action(person, state)
        stored = state.employees.get(person.nip)
        if stored is None or stored["user_id"] is None:
            login = state.logins.get(person.nip)
            if login is None:
                plan.logins_to_create.append(person.nip)
            else:
                plan.logins_to_link[person.nip] = login[0]
    for posting in checked.postings:
        _plan_posting(plan, posting, errors)
    return plan


def _diff(stored: dict, row, fields) -> list[str]:
    changes = []
    for attribute, column in fields:
        value = getattr(row, attribute)
        if value is not None and stored[attribute] != value:
            changes.append(column)
    return changes


def _unit_action(unit: UnitRow, state: AgencyState) -> tuple[str, list[str]]:
    stored = state.units.get(unit.code)
    if stored is None:
        return CREATE, []
    changes = _diff(stored, unit, UNIT_FIELDS)
    if state.unit_codes.get(stored["parent_id"], "") != unit.parent_code:
        changes.append("KODE_UNOR_INDUK")
    return (UPDATE if changes else UNCHANGED), changes


def _position_action(position: PositionRow, state: AgencyState) -> tuple[str, list[str]]:
    stored = state.positions.get(position.code)
    if stored is None:
        return CREATE, []
    changes = _diff(stored, position, POSITION_FIELDS)
    if state.unit_codes.get(stored["unit_id"]) != position.unit_code:
        changes.append("KODE_UNOR")
    if state.position_codes.get(stored["reports_to_id"], "") != position.reports_to_code:
        changes.append("KODE_JABATAN_ATASAN")
    return (UPDATE if changes else UNCHANGED), changes


def _person_action(person: PersonRow, state: AgencyState) -> tuple[str, list[str]]:
    stored = state.employees.get(person.nip)
    if stored is None:
        return CREATE, []
    changes = _diff(stored, person, PERSON_FIELDS)
    return (UPDATE if changes else UNCHANGED), changes


def _plan_posting(plan: Plan, posting: PostingRow, errors: list[RowError]) -> None:
    """The import's version of ``services.assignment_start``: a new definitive post ends
    the open one the day before; an acting post sits beside it. A post the employee
    already holds in the same way is left alone, so re-importing changes nothing."""
    state = plan.state
    stored = state.employees.get(posting.nip)
    held = state.assignments.get(stored["id"], []) if stored else []
    same_kind = [a for a in held if a["kind"] == posting.kind]
    if any(
        a["end_date"] is None
        and state.position_codes.get(a["position_id"]) == posting.position_code
        for a in same_kind
    ):
        return
    if posting.kind == AssignmentKind.DEFINITIVE:
        if any(a["start_date"] == posting.start_date for a in same_kind):
            errors.append(RowError(posting.sheet, posting.row, "TMT_JABATAN", "same_day"))
            return
        later = [a["start_date"] for a in same_kind if a["start_date"] > posting.start_date]
        if later:
            date = max(later).strftime("%d-%m-%Y")
            errors.append(
                RowError(
                    posting.sheet, posting.row, "TMT_JABATAN", "before_current", {"date": date}
                )
            )
            return
        day_before = posting.start_date - datetime.timedelta(days=1)
        for assignment in same_kind:
            if assignment["end_date"] is None or assignment["end_date"] >= posting.start_date:
                plan.endings[assignment["id"]] = day_before
    plan.new_postings.append(posting)
