import contextlib
import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.regulation.nip import (
    EmploymentType,
    InvalidNip,
    NipProblem,
    build_nip,
    parse_nip,
)

TODAY = datetime.date(2026, 11, 25)
PNS, PPPK = EmploymentType.PNS, EmploymentType.PPPK


@pytest.mark.parametrize(
    ("_case", "nip", "kind", "birth", "year", "month", "sex", "sequence"),
    [
        ("pns male", "198503302010011002", PNS, datetime.date(1985, 3, 30), 2010, 1, "M", 2),
        ("pns female", "199012122019032015", PNS, datetime.date(1990, 12, 12), 2019, 3, "F", 15),
        ("pns leap day", "198402292008121001", PNS, datetime.date(1984, 2, 29), 2008, 12, "M", 1),
        ("pppk", "198807072023211004", PPPK, datetime.date(1988, 7, 7), 2023, None, "M", 4),
        (
            "pppk any field",
            "199501012024992123",
            PPPK,
            datetime.date(1995, 1, 1),
            2024,
            None,
            "F",
            123,
        ),
    ],
)
def test_parse_nip_valid(_case, nip, kind, birth, year, month, sex, sequence):
    info = parse_nip(nip, employment_type=kind, today=TODAY)

    assert (info.birth_date, info.appointment_year, info.appointment_month) == (birth, year, month)
    assert (info.sex, info.sequence) == (sex, sequence)


@pytest.mark.parametrize(
    ("_case", "nip", "kind", "problem"),
    [
        ("too short", "19850330201001100", PNS, NipProblem.LENGTH),
        ("too long", "1985033020100110021", PNS, NipProblem.LENGTH),
        ("letters", "19850330201001100A", PNS, NipProblem.NOT_DIGITS),
        ("arabic-indic digits", "١٩٨٥٠٣٣٠٢٠١٠٠١١٠٠٢", PNS, NipProblem.NOT_DIGITS),
        ("month 13", "198513302010011002", PNS, NipProblem.BIRTH_DATE),
        ("not a leap year", "198502292010011002", PNS, NipProblem.BIRTH_DATE),
        ("born in the future", "202701012010011002", PNS, NipProblem.BIRTH_DATE),
        ("tmt month 00", "198503302010001002", PNS, NipProblem.APPOINTMENT_DATE),
        ("tmt month 13", "198503302010131002", PNS, NipProblem.APPOINTMENT_DATE),
        ("appointed at 17", "199001012007121001", PNS, NipProblem.TOO_YOUNG),
        ("appointed in future", "199001012027011001", PNS, NipProblem.FUTURE_APPOINTMENT),
        ("sex digit 3", "198503302010013002", PNS, NipProblem.SEX),
        ("sex digit 0", "198503302010010002", PNS, NipProblem.SEX),
        ("sequence 000", "198503302010011000", PNS, NipProblem.SEQUENCE),
        ("pppk appointed at 10", "200001012010011001", PPPK, NipProblem.TOO_YOUNG),
        ("pppk future year", "199001012030011001", PPPK, NipProblem.FUTURE_APPOINTMENT),
        ("pppk sex digit", "199001012023015001", PPPK, NipProblem.SEX),
    ],
)
def test_parse_nip_invalid(_case, nip, kind, problem):
    with pytest.raises(InvalidNip) as raised:
        parse_nip(nip, employment_type=kind, today=TODAY)

    assert raised.value.problem is problem


@given(
    birth=st.dates(min_value=datetime.date(1960, 1, 1), max_value=datetime.date(2000, 12, 31)),
    age=st.integers(min_value=18, max_value=25),
    month=st.integers(min_value=1, max_value=12),
    sex=st.sampled_from(["M", "F"]),
    sequence=st.integers(min_value=1, max_value=999),
    kind=st.sampled_from([PNS, PPPK]),
)
def test_build_then_parse_round_trips(birth, age, month, sex, sequence, kind):
    year = birth.year + age + 1
    nip = build_nip(
        employment_type=kind,
        birth_date=birth,
        appointment_year=year,
        appointment_month=month,
        sex=sex,
        sequence=sequence,
    )

    info = parse_nip(nip, employment_type=kind, today=TODAY)

    assert len(nip) == 18
    assert (info.birth_date, info.appointment_year, info.sex, info.sequence) == (
        birth,
        year,
        sex,
        sequence,
    )


@given(st.text(max_size=25))
def test_parse_nip_never_crashes_on_garbage(text):
    with contextlib.suppress(InvalidNip):
        parse_nip(text, employment_type=PNS, today=TODAY)
