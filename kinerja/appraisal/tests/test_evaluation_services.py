# ruff: noqa: F811 -- pytest fixtures imported from evaluation_setup
"""The evaluation services: the recommendation, rating with the justification rule, the
predicate from the matrix, finalisation and the lock, the unit-head rule."""

from decimal import Decimal

import pytest
from django.core import mail
from django.utils import translation

from kinerja.appraisal.enums import EvaluationStatus, OrganisationPredicate, Rating
from kinerja.appraisal.models import AppraisalPolicy, Evaluation, OrganisationResult
from kinerja.appraisal.services.evaluation import (
    evaluation_finalise,
    evaluation_finalise_many,
    evaluation_for,
    evaluation_rate,
    recommendation_for,
)
from kinerja.appraisal.tests.evaluation_setup import (  # noqa: F401 -- fixtures
    approved_for,
    indicators_of,
    plan,
    report,
    team,
)
from kinerja.core.exceptions import ApplicationError
from kinerja.core.models import ActivityLog
from kinerja.notifications.models import Notification
from kinerja.regulation.predicate import EmployeePredicate

pytestmark = pytest.mark.django_db


def _rate(team, skp=None, results=Rating.AS_EXPECTED, behaviour=Rating.AS_EXPECTED, **kw):
    evaluation = evaluation_for(skp=skp or team.staff, window=team.q1)
    return evaluation_rate(
        evaluation=evaluation,
        results_rating=results,
        behaviour_rating=behaviour,
        actor=team.assessor,
        **kw,
    )


def test_recommendation_for_window_uses_prorated_target(team):
    (indicator,) = indicators_of(team.staff)
    report(team.staff, team.q1, {indicator: 3})  # 3 of the 12/4 = 3 due by Triwulan I
    recommendation = recommendation_for(skp=team.staff, window=team.q1)
    assert recommendation.rating == Rating.AS_EXPECTED
    assert recommendation.mean_achievement == Decimal("100.00")
    assert recommendation.rows[0].window_target == Decimal("3.00")
    assert not recommendation.enforced


def test_recommendation_for_year_uses_latest_realisation_and_full_target(team):
    (indicator,) = indicators_of(team.staff)
    report(team.staff, team.windows[0], {indicator: 3})
    report(team.staff, team.windows[1], {indicator: 9})
    recommendation = recommendation_for(skp=team.staff, window=None)
    assert recommendation.rows[0].window_target == Decimal(12)
    assert recommendation.mean_achievement == Decimal("75.00")
    assert recommendation.rating == Rating.BELOW


def test_recommendation_without_realisations_is_none(team):
    recommendation = recommendation_for(skp=team.staff, window=team.q1)
    assert recommendation.rating is None
    assert recommendation.counted == 0
    assert recommendation.explanation


def test_recommendation_uses_agency_policy(team, world):
    (indicator,) = indicators_of(team.staff)
    report(team.staff, team.q1, {indicator: 3})
    AppraisalPolicy.objects.create(
        agency=world.agency, above_from=Decimal(100), as_expected_from=Decimal(80)
    )
    assert recommendation_for(skp=team.staff, window=team.q1).rating == Rating.ABOVE


def test_evaluation_rate_following_recommendation_sets_predicate(team):
    (indicator,) = indicators_of(team.staff)
    report(team.staff, team.q1, {indicator: 3})
    evaluation = _rate(team, results=Rating.AS_EXPECTED, behaviour=Rating.ABOVE)
    evaluation.refresh_from_db()
    assert evaluation.predicate == EmployeePredicate.BAIK
    assert evaluation.recommended_results_rating == Rating.AS_EXPECTED
    assert evaluation.mean_achievement == Decimal("100.00")
    assert evaluation.status == EvaluationStatus.DRAFT
    assert evaluation.rated_at is not None
    entry = ActivityLog.objects.get(action="appraisal.evaluation_rate")
    assert entry.after["predicate"] == EmployeePredicate.BAIK
    assert entry.before["predicate"] == ""


def test_evaluation_rate_departure_without_justification_is_refused(team):
    (indicator,) = indicators_of(team.staff)
    report(team.staff, team.q1, {indicator: 3})
    with pytest.raises(ApplicationError) as refused:
        _rate(team, results=Rating.ABOVE)
    assert refused.value.extra["field"] == "justification"
    assert not Evaluation.objects.filter(predicate__gt="").exists()
    assert not ActivityLog.objects.filter(action="appraisal.evaluation_rate").exists()


def test_evaluation_rate_departure_message_is_translated(team):
    (indicator,) = indicators_of(team.staff)
    report(team.staff, team.q1, {indicator: 3})
    with translation.override("id"):
        with pytest.raises(ApplicationError) as refused:
            _rate(team, results=Rating.ABOVE, justification="   ")
        expected = translation.gettext(
            "The results rating differs from the recommendation (%(recommended)s): write "
            "a justification."
        ) % {"recommended": str(Rating.AS_EXPECTED.label)}
    assert refused.value.message == expected


def test_evaluation_rate_departure_with_justification_is_kept(team):
    (indicator,) = indicators_of(team.staff)
    report(team.staff, team.q1, {indicator: 3})
    evaluation = _rate(
        team,
        results=Rating.ABOVE,
        behaviour=Rating.ABOVE,
        justification="Menangani rujukan darurat di luar target",
        reason="",
    )
    evaluation.refresh_from_db()
    assert evaluation.results_rating == Rating.ABOVE
    assert evaluation.recommended_results_rating == Rating.AS_EXPECTED
    assert evaluation.predicate == EmployeePredicate.SANGAT_BAIK
    assert evaluation.justification == "Menangani rujukan darurat di luar target"


def test_evaluation_rate_without_recommendation_needs_no_justification(team):
    evaluation = _rate(team, results=Rating.BELOW, behaviour=Rating.BELOW)
    assert evaluation.predicate == EmployeePredicate.SANGAT_KURANG


def test_evaluation_rate_invalid_rating_is_refused(team):
    with pytest.raises(ApplicationError):
        _rate(team, results="excellent")
    assert not Evaluation.objects.filter(predicate__gt="").exists()


def test_evaluation_rate_records_reason_for_calibration(team):
    _rate(team)
    _rate(team, results=Rating.BELOW, reason="Kalibrasi unit")
    entry = ActivityLog.objects.filter(action="appraisal.evaluation_rate").latest("pk")
    assert entry.reason == "Kalibrasi unit"
    assert entry.before == {"results_rating": "as_expected", "predicate": "baik"}
    assert entry.after == {"results_rating": "below", "predicate": "butuh_perbaikan"}


def test_evaluation_rate_draft_skp_is_refused(plan, world):
    with pytest.raises(ApplicationError):
        evaluation_for(skp=plan.staff, window=plan.period.windows.first())


def test_evaluation_finalise_locks_and_notifies(team, world, django_capture_on_commit_callbacks):
    evaluation = _rate(team)
    with django_capture_on_commit_callbacks(execute=True):
        final = evaluation_finalise(evaluation=evaluation, actor=team.assessor)
    assert final.status == EvaluationStatus.FINAL
    assert final.finalised_by == world.section_head
    assert final.finalised_at is not None
    notice = Notification.objects.get(recipient=world.staff.user)
    assert notice.link == f"/penilaian/skp/{team.staff.uuid}/{team.q1.uuid}/"
    assert ActivityLog.objects.filter(action="appraisal.evaluation_finalise").count() == 1


def test_evaluation_finalise_sends_email_on_commit(team, world, django_capture_on_commit_callbacks):
    world.staff.user.email = "eka@example.org"
    world.staff.user.save()
    evaluation = _rate(team)
    with django_capture_on_commit_callbacks(execute=True):
        evaluation_finalise(evaluation=evaluation, actor=team.assessor)
    assert [m.to for m in mail.outbox] == [["eka@example.org"]]


def test_evaluation_final_refuses_changes(team):
    evaluation = _rate(team)
    evaluation_finalise(evaluation=evaluation, actor=team.assessor)
    with pytest.raises(ApplicationError):
        _rate(team, results=Rating.BELOW)
    with pytest.raises(ApplicationError):
        evaluation_finalise(evaluation=evaluation, actor=team.assessor)
    evaluation.refresh_from_db()
    assert evaluation.results_rating == Rating.AS_EXPECTED
    assert ActivityLog.objects.filter(action="appraisal.evaluation_rate").count() == 1


def test_evaluation_finalise_unrated_is_refused(team):
    evaluation = evaluation_for(skp=team.staff, window=team.q1)
    with pytest.raises(ApplicationError):
        evaluation_finalise(evaluation=evaluation, actor=team.assessor)
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.DRAFT


def test_evaluation_finalise_many_skips_unrated(team):
    rated = _rate(team)
    unrated = evaluation_for(skp=team.peer, window=team.q1)
    done = evaluation_finalise_many(evaluations=[rated, unrated], actor=team.assessor)
    assert [e.pk for e in done] == [rated.pk]
    unrated.refresh_from_db()
    assert unrated.status == EvaluationStatus.DRAFT


def test_evaluation_for_is_idempotent(team):
    first = evaluation_for(skp=team.staff, window=team.q1)
    assert evaluation_for(skp=team.staff, window=team.q1).pk == first.pk
    assert evaluation_for(skp=team.staff, window=None).pk != first.pk


def test_unit_head_results_rating_follows_organisation_result(plan, world):
    # The Kasi leads the Seksi Rujukan; its result is Istimewa, so the rating is above.
    kasi = plan.kasi
    kasi.position.is_unit_head = True
    kasi.position.save(update_fields=["is_unit_head"])
    window = plan.period.windows.get(number=1)
    organisation = OrganisationResult.objects.create(
        unit=kasi.position.unit,
        period=plan.period,
        window=window,
        predicate=OrganisationPredicate.ISTIMEWA,
    )
    recommendation = recommendation_for(skp=kasi, window=window)
    assert recommendation.enforced
    assert recommendation.rating == Rating.ABOVE
    assert kasi.position.unit.name in recommendation.explanation
    assessor = world.users["division_head"]
    evaluation = evaluation_for(skp=kasi, window=window)
    with pytest.raises(ApplicationError):
        evaluation_rate(
            evaluation=evaluation,
            results_rating=Rating.AS_EXPECTED,
            behaviour_rating=Rating.ABOVE,
            justification="Saya tidak setuju",
            actor=assessor,
        )
    rated = evaluation_rate(
        evaluation=evaluation,
        results_rating=Rating.ABOVE,
        behaviour_rating=Rating.ABOVE,
        actor=assessor,
    )
    assert rated.predicate == EmployeePredicate.SANGAT_BAIK
    assert rated.organisation_result == organisation


def test_non_head_snapshots_unit_result_without_enforcing(team):
    OrganisationResult.objects.create(
        unit=team.staff.position.unit,
        period=team.plan.period,
        window=team.q1,
        predicate=OrganisationPredicate.KURANG,
    )
    recommendation = recommendation_for(skp=team.staff, window=team.q1)
    assert not recommendation.enforced
    evaluation = _rate(team, results=Rating.ABOVE)
    assert evaluation.organisation_result is not None


def test_rating_save_does_not_recheck_keys_and_constraints(team):
    """Finding the evaluation, then the save: it reads the evaluation, the plan and the
    recommendation's inputs and writes the row and its log entry, 17 queries in all here.
    full_clean would add one per key and constraint (29 before)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    (indicator,) = indicators_of(team.staff)
    report(team.staff, team.q1, {indicator: 3})
    _rate(team, behaviour=Rating.ABOVE)
    with CaptureQueriesContext(connection) as queries:
        saved = _rate(team, behaviour=Rating.AS_EXPECTED)
    assert len(queries) <= 17
    saved.refresh_from_db()
    assert saved.behaviour_rating == Rating.AS_EXPECTED
    assert saved.predicate == EmployeePredicate.BAIK
