"""Writes to the organisation: units, positions, employees, assignments."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.core.services import log_action
from kinerja.org.enums import AssignmentKind, EmploymentType
from kinerja.org.models import Agency, Assignment, Employee, Position, Unit
from kinerja.regulation.nip import EmploymentType as NipType
from kinerja.regulation.nip import InvalidNip, NipInfo, NipProblem, parse_nip


def nip_problem_message(problem: NipProblem) -> str:
    """The translated explanation of a NIP problem, for forms, imports and the API."""
    messages = {
        NipProblem.LENGTH: _("A NIP has exactly 18 digits."),
        NipProblem.NOT_DIGITS: _("A NIP contains digits only."),
        NipProblem.BIRTH_DATE: _("The first 8 digits must be a real birth date (yyyymmdd)."),
        NipProblem.APPOINTMENT_DATE: _(
            "Digits 9–14 must be the appointment month (yyyymm) with a month from 01 to 12."
        ),
        NipProblem.TOO_YOUNG: _("The appointment date is before the 18th birthday."),
        NipProblem.FUTURE_APPOINTMENT: _("The appointment date lies in the future."),
        NipProblem.SEX: _("Digit 15 must be 1 (male) or 2 (female)."),
        NipProblem.SEQUENCE: _("The last three digits (sequence) cannot be 000."),
    }
    return messages[problem]


def nip_validate(nip: str, employment_type: str) -> NipInfo:
    """Decode a NIP or raise ``ValidationError`` with a translated reason."""
    try:
        return parse_nip(nip, employment_type=NipType(employment_type), today=today())
    except InvalidNip as exc:
        raise ValidationError(nip_problem_message(exc.problem), code=exc.problem.value) from None


@transaction.atomic
def unit_create(
    *, agency: Agency, parent: Unit | None, name: str, code: str, kind: str, actor=None
) -> Unit:
    if parent is not None and parent.agency_id != agency.pk:
        raise ApplicationError(_("The parent unit belongs to another agency."))
    unit = Unit(agency=agency, parent=parent, name=name, code=code, kind=kind)
    unit.full_clean(exclude=["path"])
    unit.save()
    unit.path = f"{parent.path if parent else '/'}{unit.pk}/"
    unit.depth = parent.depth + 1 if parent else 0
    unit.save(update_fields=["path", "depth"])
    log_action(actor=actor, action="org.unit_create", obj=unit, after={"name": name, "code": code})
    return unit


@transaction.atomic
def unit_move(*, unit: Unit, new_parent: Unit, actor=None) -> Unit:
    """Move a unit and its whole subtree under ``new_parent`` with two UPDATEs."""
    if new_parent.is_within(unit):
        raise ApplicationError(_("A unit cannot be moved inside its own subtree."))
    old_path, old_depth = unit.path, unit.depth
    new_path = f"{new_parent.path}{unit.pk}/"
    depth_shift = new_parent.depth + 1 - old_depth
    Unit.objects.filter(path__startswith=old_path).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
        depth=F("depth") + depth_shift,
    )
    Unit.objects.filter(pk=unit.pk).update(parent=new_parent)
    unit.refresh_from_db()
    log_action(
        actor=actor,
        action="org.unit_move",
        obj=unit,
        before={"path": old_path},
        after={"path": unit.path},
    )
    return unit


@transaction.atomic
def position_create(
    *,
    unit: Unit,
    code: str,
    name: str,
    kind: str,
    level: str = "",
    reports_to: Position | None = None,
    is_unit_head: bool = False,
    actor=None,
) -> Position:
    position = Position(
        agency=unit.agency,
        unit=unit,
        code=code,
        name=name,
        kind=kind,
        level=level,
        reports_to=reports_to,
        is_unit_head=is_unit_head,
    )
    position.full_clean()
    position.save()
    log_action(actor=actor, action="org.position_create", obj=position, after={"code": code})
    return position


def _login_for(nip: str, email: str):
    """The login whose username is the NIP, created without a usable password."""
    User = get_user_model()
    user, created = User.objects.get_or_create(username=nip, defaults={"email": email})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def employee_create(
    *,
    agency: Agency,
    nip: str,
    name: str,
    employment_type: str = EmploymentType.PNS,
    front_title: str = "",
    back_title: str = "",
    grade: str = "",
    email: str = "",
    phone: str = "",
    actor=None,
) -> Employee:
    """Create an employee and their login (username = NIP). Sex and birth date come
    from the NIP, so they can never disagree with it."""
    info = nip_validate(nip, employment_type)
    employee = Employee(
        agency=agency,
        nip=nip,
        name=name,
        front_title=front_title,
        back_title=back_title,
        employment_type=employment_type,
        grade=grade,
        sex=info.sex,
        birth_date=info.birth_date,
        email=email,
        phone=phone,
    )
    employee.full_clean(exclude=["user"])
    employee.user = _login_for(nip, email)
    employee.save()
    log_action(
        actor=actor,
        action="org.employee_create",
        obj=employee,
        subject_employee_id=employee.pk,
        after={"nip": nip, "name": name},
    )
    return employee


@transaction.atomic
def assignment_start(
    *,
    employee: Employee,
    position: Position,
    start_date: datetime.date,
    kind: str = AssignmentKind.DEFINITIVE,
    end_date: datetime.date | None = None,
    decree_number: str = "",
    actor=None,
) -> Assignment:
    """Put an employee in a post from ``start_date``.

    A new definitive post ends the previous definitive one the day before (a transfer
    or promotion), so an employee never holds two definitive posts at once. Acting
    posts (Plt/Plh) sit beside the definitive one.
    """
    if kind == AssignmentKind.DEFINITIVE:
        current = Assignment.objects.select_for_update().filter(
            employee=employee, kind=AssignmentKind.DEFINITIVE, start_date__lte=start_date
        )
        for previous in current.filter(end_date__isnull=True) | current.filter(
            end_date__gte=start_date
        ):
            if previous.start_date == start_date:
                raise ApplicationError(
                    _("The employee already starts another definitive post on that date.")
                )
            before = {"end_date": str(previous.end_date) if previous.end_date else None}
            previous.end_date = start_date - datetime.timedelta(days=1)
            previous.save(update_fields=["end_date", "updated_at"])
            log_action(
                actor=actor,
                action="org.assignment_end",
                obj=previous,
                subject_employee_id=employee.pk,
                before=before,
                after={"end_date": str(previous.end_date)},
            )
    assignment = Assignment(
        employee=employee,
        position=position,
        kind=kind,
        start_date=start_date,
        end_date=end_date,
        decree_number=decree_number,
    )
    assignment.full_clean()
    assignment.save()
    log_action(
        actor=actor,
        action="org.assignment_start",
        obj=assignment,
        subject_employee_id=employee.pk,
        after={
            "position": position.code,
            "kind": kind,
            "start_date": str(start_date),
            "end_date": str(end_date) if end_date else None,
        },
    )
    return assignment
