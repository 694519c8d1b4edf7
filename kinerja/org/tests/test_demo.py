"""The demo builder's pure parts: people for posts, the plan, the transfer date."""

# ruff: noqa: S311 -- seeded, reproducible generators are what is under test

import datetime
import random

import pytest

from kinerja.org.demo import posts
from kinerja.org.demo.layout import layout, personas, special_cases, transfer_date
from kinerja.org.demo.people import PPPK_GRADE_BY_LEVEL, PersonFactory
from kinerja.org.demo.plan import Plan
from kinerja.org.enums import GRADES_BY_TYPE, FunctionalLevel, PositionKind
from kinerja.regulation.nip import EmploymentType as NipType
from kinerja.regulation.nip import parse_nip

TODAY = datetime.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 11, 25), datetime.date(2026, 6, 16)),
        (datetime.date(2026, 2, 10), datetime.date(2026, 1, 16)),
        (datetime.date(2026, 1, 16), datetime.date(2026, 1, 16)),
        (datetime.date(2026, 1, 10), datetime.date(2025, 7, 16)),
    ],
)
def test_transfer_date_is_mid_month_and_not_in_the_future(today, expected):
    assert transfer_date(today) == expected


@pytest.mark.parametrize(
    ("post", "level", "pppk"),
    [
        (posts.JPT, "", False),
        (posts.ADMINISTRATOR, "", False),
        (posts.PENGAWAS, "", False),
        (posts.CLERK, "", False),
        (posts.CLERK, "", True),
        (posts.NURSE, FunctionalLevel.TERAMPIL, True),
        (posts.NURSE, FunctionalLevel.AHLI_MUDA, False),
        (posts.CLASS_TEACHER, FunctionalLevel.AHLI_PERTAMA, True),
        (posts.CLASS_TEACHER, FunctionalLevel.AHLI_MADYA, False),
        (posts.DOCTOR, FunctionalLevel.AHLI_MUDA, False),
    ],
)
def test_person_for_post_has_valid_nip_and_fitting_grade(post, level, pppk):
    factory = PersonFactory(random.Random(5), email_domain="contoh.go.id", taken_nips=set())

    people = [factory.person(post, level, pppk=pppk) for _ in range(200)]

    for person in people:
        info = parse_nip(person.nip, employment_type=NipType(person.employment_type), today=TODAY)
        assert (info.birth_date, info.sex) == (person.birth_date, person.sex)
        assert person.grade in GRADES_BY_TYPE[person.employment_type]
        assert person.email.endswith("@contoh.go.id")
        if pppk and level:
            assert person.grade == PPPK_GRADE_BY_LEVEL[level]
        if post.front_title:
            assert post.front_title in person.front_title.split()
    assert len({p.nip for p in people}) == 200
    assert len({p.email for p in people}) == 200


def test_person_factory_skips_taken_nips():
    first = PersonFactory(random.Random(9), email_domain="a.go.id", taken_nips=set())
    nip = first.person(posts.CLERK, "", pppk=False).nip

    second = PersonFactory(random.Random(9), email_domain="a.go.id", taken_nips={nip})
    again = second.person(posts.CLERK, "", pppk=False)

    assert again.nip != nip
    assert again.nip[:15] == nip[:15]
    assert int(again.nip[15:]) == int(nip[15:]) + 1


def test_plan_fill_reaches_the_exact_headcount():
    rng = random.Random(3)
    plan = Plan(rng, PersonFactory(rng, email_domain="a.go.id", taken_nips=set()))
    layout(plan, city="Makassar", health_centres=10, schools=15)
    personas(plan)
    special_cases(plan, TODAY)

    plan.fill(1234)

    assert len(plan.people) == 1234
    heads = [p for p in plan.positions.values() if p.is_unit_head]
    assert len(heads) == len(plan.units)
    assert all(p.reports_to in plan.positions for p in plan.positions.values() if p.reports_to)
    assert all(
        (p.kind == PositionKind.FUNGSIONAL) == bool(p.level) for p in plan.positions.values()
    )
