"""The demo evaluations loaded by ``manage.py load_demo``: the first window rated and
mostly final, the second partly rated, predicates from the matrix, departures justified,
unit heads following their unit's result."""

import time
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import F
from django.test import override_settings

from kinerja.appraisal.demo.evaluations import demo_evaluations_create
from kinerja.appraisal.enums import EvaluationStatus
from kinerja.appraisal.models import Evaluation
from kinerja.core.clock import today
from kinerja.org.models import Agency
from kinerja.planning.enums import SkpStatus
from kinerja.planning.models import AssessmentPeriod, Skp
from kinerja.regulation.predicate import employee_predicate, unit_head_results_rating

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHER),
        transaction.atomic(),
    ):
        call_command("load_demo", stdout=StringIO())
        yield Agency.objects.get(code="makassar")
        transaction.set_rollback(True)


def _period(agency):
    return AssessmentPeriod.objects.get(agency=agency, year=today().year)


def test_demo_earlier_windows_mostly_final_latest_partly_rated(db, demo):
    period = _period(demo)
    windows = list(period.windows.order_by("number"))
    ended = [w for w in windows if w.end_date < today()]
    chosen = ended if len(ended) >= 2 else windows[:2]
    first, latest = chosen[0], chosen[-1]
    approved = Skp.objects.filter(period=period, status=SkpStatus.APPROVED).count()
    states = Counter(Evaluation.objects.filter(window=first).values_list("status", flat=True))
    assert states[EvaluationStatus.FINAL] > approved * 0.8
    assert states[EvaluationStatus.DRAFT] > 0
    assert states[EvaluationStatus.FINAL] + states[EvaluationStatus.DRAFT] < approved
    latest_rows = Evaluation.objects.filter(window=latest)
    assert not latest_rows.filter(status=EvaluationStatus.FINAL).exists()
    assert 0.2 * approved < latest_rows.count() < 0.8 * approved
    later = [w for w in windows if w not in chosen]
    assert not Evaluation.objects.filter(window__in=later).exists()


def test_demo_predicates_follow_the_matrix_and_departures_are_justified(db, demo):
    rows = list(
        Evaluation.objects.filter(skp__period=_period(demo)).values_list(
            "results_rating",
            "behaviour_rating",
            "predicate",
            "recommended_results_rating",
            "justification",
        )
    )
    assert rows
    for results, behaviour, predicate, recommended, justification in rows:
        assert predicate == employee_predicate(results, behaviour)
        if recommended and recommended != results:
            assert justification
    departures = [r for r in rows if r[3] and r[3] != r[0]]
    following = [r for r in rows if r[3] and r[3] == r[0]]
    assert len(following) > len(departures)
    assert len({r[2] for r in rows}) >= 3  # several predicates, not one


def test_demo_unit_heads_follow_their_unit(db, demo):
    heads = list(
        Evaluation.objects.filter(
            skp__period=_period(demo),
            skp__position__is_unit_head=True,
            organisation_result__unit_id=F("skp__position__unit_id"),
        ).select_related("organisation_result")
    )
    assert heads
    for evaluation in heads:
        expected = unit_head_results_rating(evaluation.organisation_result.predicate)
        assert evaluation.results_rating == expected
        assert evaluation.recommended_results_rating == expected


def test_demo_evaluations_not_made_twice_and_fast(db, demo):
    before = Evaluation.objects.count()
    started = time.monotonic()
    again = demo_evaluations_create(agency=demo, period=_period(demo), seed=1)
    assert time.monotonic() - started < 10
    assert again.final == 0 and again.draft == 0
    assert Evaluation.objects.count() == before
