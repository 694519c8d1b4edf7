from decimal import Decimal

import pytest
from django.db import transaction

from kinerja.appraisal.enums import EvaluationStatus
from kinerja.appraisal.models import (
    CreditPointAward,
    Evaluation,
    FinalisationRun,
    FinalisationStatus,
)
from kinerja.appraisal.services.year_end import annual_finalise_bulk, finalisation_run_create
from kinerja.appraisal.tests.objection_world import rated
from kinerja.core.exceptions import ApplicationError
from kinerja.core.models import ActivityLog
from kinerja.notifications.models import Notification
from kinerja.planning.services import period_create

RATINGS = {
    "staff": ("below", "as_expected"),
    "peer": ("above", "above"),
    "kasi": ("as_expected", "below"),
    "nurse": ("above", "as_expected"),
    "kapus": ("below", "below"),
}


@pytest.fixture
def rated_year(world, year):
    assessors = {
        "staff": world.section_head,
        "peer": world.section_head,
        "kasi": world.division_head,
        "nurse": world.puskesmas_head,
        "kapus": world.head_of_office,
    }
    for key, (results, behaviour) in RATINGS.items():
        rated(getattr(year, key), assessors[key], results, behaviour)
    return year


def snapshot():
    evaluations = {
        e.skp.employee_id: (e.status, e.predicate, e.finalised_at is not None)
        for e in Evaluation.objects.select_related("skp")
    }
    awards = {
        a.employee_id: (a.level, a.months, a.predicate, a.points)
        for a in CreditPointAward.objects.all()
    }
    return evaluations, awards


def test_annual_finalise_bulk_equals_one_at_a_time(world, rated_year):
    from kinerja.appraisal.services.evaluation import evaluation_finalise

    class Rollback(Exception):
        pass

    try:
        with transaction.atomic():
            for evaluation in Evaluation.objects.all():
                # One at a time, the assessor's finalisation awards the credit points.
                evaluation_finalise(evaluation=evaluation, actor=world.users["hr"])
            one_by_one = snapshot()
            raise Rollback
    except Rollback:
        pass
    assert not Evaluation.objects.filter(status=EvaluationStatus.FINAL).exists()

    counts = annual_finalise_bulk(
        agency_or_unit=world.agency, period=rated_year.period, actor=world.users["hr"]
    )
    assert snapshot() == one_by_one
    assert counts == {"finalised": 5, "credit_points": 2, "notified": 5}
    evaluations, awards = one_by_one
    assert awards[world.nurse.pk] == ("ahli_pertama", 12, "baik", Decimal("12.50"))
    assert awards[world.puskesmas_head.pk] == ("ahli_muda", 12, "sangat_kurang", Decimal("6.25"))
    assert evaluations[world.peer.pk][1] == "sangat_baik"


def test_annual_finalise_bulk_logs_each_employee(world, rated_year):
    annual_finalise_bulk(
        agency_or_unit=world.agency, period=rated_year.period, actor=world.users["hr"]
    )
    entries = ActivityLog.objects.filter(action="appraisal.evaluation_finalise")
    assert {e.subject_employee_id for e in entries} == {
        world.staff.pk,
        world.peer.pk,
        world.section_head.pk,
        world.nurse.pk,
        world.puskesmas_head.pk,
    }
    staff = entries.get(subject_employee_id=world.staff.pk)
    assert staff.after == {"status": "final", "predicate": "butuh_perbaikan", "credit_points": None}
    nurse = entries.get(subject_employee_id=world.nurse.pk)
    assert Decimal(nurse.after["credit_points"]) == Decimal("12.5")
    assert staff.actor == world.users["hr"]
    assert Notification.objects.filter(recipient=world.users["staff"]).count() == 1


def test_annual_finalise_bulk_only_the_unit_subtree(world, rated_year):
    counts = annual_finalise_bulk(
        agency_or_unit=world.puskesmas, period=rated_year.period, actor=world.users["hr"]
    )
    assert counts["finalised"] == 2
    final = set(
        Evaluation.objects.filter(status=EvaluationStatus.FINAL).values_list(
            "skp__employee_id", flat=True
        )
    )
    assert final == {world.nurse.pk, world.puskesmas_head.pk}


def test_annual_finalise_bulk_leaves_unrated_and_final_alone(world, year):
    unrated = Evaluation.objects.create(skp=year.staff, window=None)
    done = rated(year.peer, world.section_head, "above", "above")
    annual_finalise_bulk(agency_or_unit=world.agency, period=year.period, actor=world.users["hr"])
    first = Evaluation.objects.get(pk=done.pk).finalised_at
    counts = annual_finalise_bulk(
        agency_or_unit=world.agency, period=year.period, actor=world.users["hr"]
    )
    assert counts["finalised"] == 0
    assert Evaluation.objects.get(pk=unrated.pk).status == EvaluationStatus.DRAFT
    assert Evaluation.objects.get(pk=done.pk).finalised_at == first


def test_annual_finalise_bulk_refuses_another_agencys_period(world, year):
    other = period_create(agency=world.other_agency, year=year.period.year)
    with pytest.raises(ApplicationError):
        annual_finalise_bulk(agency_or_unit=world.agency, period=other, actor=world.users["hr"])


def test_finalisation_run_in_background_reports_progress(
    world, rated_year, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run = finalisation_run_create(
            agency_or_unit=world.health, period=rated_year.period, actor=world.users["hr"]
        )
    run = FinalisationRun.objects.get(pk=run.pk)
    assert run.status == FinalisationStatus.DONE
    assert run.progress == 100
    assert run.counts["finalised"] == 5
    assert run.created_by == world.users["hr"]
