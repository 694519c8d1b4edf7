"""Employee numbers: the PNS NIP and the PPPK number (NI PPPK).

PNS NIP, 18 digits: birth date ``yyyymmdd`` + appointment as candidate civil servant
(TMT CPNS) ``yyyymm`` + sex digit (1 male, 2 female) + sequence of three digits.
NI PPPK, 18 digits: birth date ``yyyymmdd`` + appointment year ``yyyy`` + a two-digit
field whose meaning the sources disagree on (accepted as is) + sex digit + sequence.

The plausibility checks (a real birth date, appointment not before the 18th birthday
and not in the future, sequence not 000) are Kinerja's own, from the layout; see
shared/domain.md §6a.
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

NIP_LENGTH = 18
MINIMUM_APPOINTMENT_AGE = 18


class EmploymentType(StrEnum):
    PNS = "PNS"
    PPPK = "PPPK"


class NipProblem(StrEnum):
    """Why a number is not a valid NIP; interfaces translate each code."""

    LENGTH = "length"
    NOT_DIGITS = "not_digits"
    BIRTH_DATE = "birth_date"
    APPOINTMENT_DATE = "appointment_date"
    TOO_YOUNG = "too_young"
    FUTURE_APPOINTMENT = "future_appointment"
    SEX = "sex"
    SEQUENCE = "sequence"


class InvalidNip(ValueError):
    def __init__(self, problem: NipProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


@dataclass(frozen=True)
class NipInfo:
    """What an employee number encodes. ``appointment_month`` is None for PPPK."""

    employment_type: EmploymentType
    birth_date: datetime.date
    appointment_year: int
    appointment_month: int | None
    sex: str  # "M" or "F"
    sequence: int


def parse_nip(nip: str, *, employment_type: EmploymentType, today: datetime.date) -> NipInfo:
    """Decode and check an employee number, raising ``InvalidNip`` with the first problem."""
    if len(nip) != NIP_LENGTH:
        raise InvalidNip(NipProblem.LENGTH)
    if not (nip.isascii() and nip.isdigit()):
        raise InvalidNip(NipProblem.NOT_DIGITS)
    try:
        birth = datetime.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise InvalidNip(NipProblem.BIRTH_DATE) from None
    if birth >= today:
        raise InvalidNip(NipProblem.BIRTH_DATE)

    year = int(nip[8:12])
    month: int | None = None
    if employment_type is EmploymentType.PNS:
        month = int(nip[12:14])
        if not 1 <= month <= 12:
            raise InvalidNip(NipProblem.APPOINTMENT_DATE)
        appointed = (year, month)
        eighteenth = (birth.year + MINIMUM_APPOINTMENT_AGE, birth.month)
        latest = (today.year, today.month)
    else:
        # NI PPPK carries only the year of appointment.
        appointed = (year, 1)
        eighteenth = (birth.year + MINIMUM_APPOINTMENT_AGE, 1)
        latest = (today.year, 1)
    if appointed < eighteenth:
        raise InvalidNip(NipProblem.TOO_YOUNG)
    if appointed > latest:
        raise InvalidNip(NipProblem.FUTURE_APPOINTMENT)

    sex_digit = nip[14]
    if sex_digit not in "12":
        raise InvalidNip(NipProblem.SEX)
    sequence = int(nip[15:18])
    if sequence == 0:
        raise InvalidNip(NipProblem.SEQUENCE)
    return NipInfo(
        employment_type=employment_type,
        birth_date=birth,
        appointment_year=year,
        appointment_month=month,
        sex="M" if sex_digit == "1" else "F",
        sequence=sequence,
    )


def build_nip(
    *,
    employment_type: EmploymentType,
    birth_date: datetime.date,
    appointment_year: int,
    appointment_month: int = 1,
    sex: str,
    sequence: int,
    pppk_field: int = 1,
) -> str:
    """The number for these parts; the inverse of ``parse_nip`` (used by generators)."""
    middle = (
        f"{appointment_year:04d}{appointment_month:02d}"
        if employment_type is EmploymentType.PNS
        else f"{appointment_year:04d}{pppk_field:02d}"
    )
    return f"{birth_date:%Y%m%d}{middle}{'1' if sex == 'M' else '2'}{sequence:03d}"
