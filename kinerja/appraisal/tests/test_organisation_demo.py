"""The demo organisation results loaded by ``manage.py load_demo``."""

import time
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from kinerja.appraisal.demo.organisation import demo_organisation_results_create
from kinerja.appraisal.models import AppraisalPolicy, OrganisationResult
from kinerja.core.clock import today
from kinerja.org.models import Agency
from kinerja.planning.models import AssessmentPeriod

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


def test_demo_results_for_every_unit_and_ended_window(db, demo):
    period = AssessmentPeriod.objects.get(agency=demo, year=today().year)
    ended = list(period.windows.filter(end_date__lt=today()))
    units = demo.units.count()
    results = OrganisationResult.objects.filter(period=period)
    assert results.count() == units * len(ended)
    assert not results.filter(window__isnull=True).exists()
    for window in ended:
        tally = Counter(results.filter(window=window).values_list("predicate", flat=True))
        assert tally["butuh_perbaikan"] == 1
        assert 0 < tally["istimewa"] < tally["baik"]
        assert set(tally) <= {"baik", "istimewa", "butuh_perbaikan"}
    assert results.filter(recorded_by__isnull=False).count() > results.count() // 2
    assert AppraisalPolicy.objects.filter(agency=demo).exists()


def test_demo_results_are_not_made_twice_and_are_fast(db, demo):
    period = AssessmentPeriod.objects.get(agency=demo, year=today().year)
    before = OrganisationResult.objects.count()
    started = time.monotonic()
    again = demo_organisation_results_create(agency=demo, period=period, seed=1)
    assert time.monotonic() - started < 10
    assert again.results == 0 and not again.policy_created
    assert OrganisationResult.objects.count() == before
