"""The demo year end loaded by ``manage.py load_demo``: two units' annual results final,
credit points for their functional staff, one objection waiting and one decided."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from kinerja.appraisal.enums import EvaluationStatus, ObjectionStatus
from kinerja.appraisal.models import CreditPointAward, Evaluation, Objection
from kinerja.core.models import ActivityLog
from kinerja.org.demo import persona_assignments
from kinerja.org.models import Agency
from kinerja.regulation.credit_points import credit_points
from kinerja.regulation.predicate import employee_predicate

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


def test_year_end_demo_annual_results_final_with_credit_points(db, demo):
    annual = Evaluation.objects.filter(window__isnull=True, skp__employee__agency=demo)
    assert annual.filter(status=EvaluationStatus.FINAL).count() >= 10
    for evaluation in annual:
        assert evaluation.predicate == employee_predicate(
            evaluation.results_rating, evaluation.behaviour_rating
        )
    awards = CreditPointAward.objects.select_related("evaluation")
    assert awards.count() > 0
    for award in awards:
        expected = credit_points(award.evaluation.predicate, award.level, award.months)
        assert award.points == expected.points
    school = persona_assignments(demo)["teacher"].position.unit
    assert awards.filter(evaluation__skp__position__unit=school).exists()


def test_year_end_demo_objections_waiting_and_decided(db, demo):
    statuses = sorted(Objection.objects.values_list("status", flat=True))
    assert statuses == [ObjectionStatus.CHANGED, ObjectionStatus.FILED]
    waiting = Objection.objects.get(status=ObjectionStatus.FILED)
    assert waiting.filed_by == persona_assignments(demo)["employee"].employee
    assert waiting.decider is not None
    decided = Objection.objects.get(status=ObjectionStatus.CHANGED)
    assert decided.assessor_statement
    assert decided.evaluation.predicate == decided.new_predicate != decided.previous_predicate
    assert ActivityLog.objects.filter(
        action="appraisal.objection_decide", subject_employee_id=decided.filed_by_id
    ).exists()
