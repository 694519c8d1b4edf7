from decimal import Decimal

import pytest

from kinerja.appraisal.enums import ObjectionStatus
from kinerja.appraisal.models import AppraisalPolicy, CreditPointAward, Evaluation, Objection
from kinerja.appraisal.services.objection import (
    is_overdue,
    objection_assessor_statement,
    objection_decide,
    objection_file,
    objection_withdraw,
)
from kinerja.appraisal.tests.objection_world import final, rated
from kinerja.core.exceptions import ApplicationError
from kinerja.core.models import ActivityLog
from kinerja.notifications.models import Notification


@pytest.fixture
def staff_final(world, year):
    return final(year.staff, world.section_head, "below", "as_expected")


def file(world, evaluation, reasons="Capaian saya sudah sesuai target."):
    return objection_file(evaluation=evaluation, reasons=reasons, actor=world.users["staff"])


def test_objection_file_by_employee_notifies_decider_and_assessor(
    world, staff_final, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        objection = file(world, staff_final)
    assert objection.status == ObjectionStatus.FILED
    assert objection.decider == world.division_head
    assert objection.filed_by == world.staff
    assert objection.previous_predicate == "butuh_perbaikan"
    recipients = set(Notification.objects.values_list("recipient_id", flat=True))
    assert recipients == {world.users["division_head"].pk, world.users["section_head"].pk}
    entry = ActivityLog.objects.get(action="appraisal.objection_file")
    assert entry.subject_employee_id == world.staff.pk
    assert entry.reason == "Capaian saya sudah sesuai target."


def test_objection_file_on_day_14_is_accepted(world, year):
    evaluation = final(year.staff, world.section_head, days_ago=14)
    assert file(world, evaluation).status == ObjectionStatus.FILED


def test_objection_file_on_day_15_is_refused(world, year):
    evaluation = final(year.staff, world.section_head, days_ago=15)
    with pytest.raises(ApplicationError):
        file(world, evaluation)
    assert not Objection.objects.exists()


def test_objection_file_follows_the_agency_policy_days(world, year):
    AppraisalPolicy.objects.create(agency=world.agency, objection_days=20)
    evaluation = final(year.staff, world.section_head, days_ago=20)
    assert file(world, evaluation).status == ObjectionStatus.FILED


def test_objection_file_refuses_a_result_not_final(world, year):
    evaluation = rated(year.staff, world.section_head)
    with pytest.raises(ApplicationError):
        file(world, evaluation)
    assert not Objection.objects.exists()


def test_objection_file_refuses_someone_else(world, staff_final):
    with pytest.raises(ApplicationError):
        objection_file(evaluation=staff_final, reasons="x", actor=world.users["peer"])
    assert not Objection.objects.exists()


def test_objection_file_needs_reasons(world, staff_final):
    with pytest.raises(ApplicationError):
        file(world, staff_final, reasons="   ")
    assert not Objection.objects.exists()


def test_objection_file_only_one_open(world, staff_final):
    file(world, staff_final)
    with pytest.raises(ApplicationError):
        file(world, staff_final)
    assert Objection.objects.count() == 1


def test_objection_file_again_after_withdrawal(world, staff_final):
    first = file(world, staff_final)
    objection_withdraw(objection=first, actor=world.users["staff"])
    second = file(world, staff_final)
    assert second.status == ObjectionStatus.FILED
    first.refresh_from_db()
    assert first.status == ObjectionStatus.WITHDRAWN


def test_objection_statement_by_assessor_is_logged(world, staff_final):
    objection = file(world, staff_final)
    objection_assessor_statement(
        objection=objection,
        statement="Dua target tidak tercapai.",
        actor=world.users["section_head"],
    )
    objection.refresh_from_db()
    assert objection.assessor_statement == "Dua target tidak tercapai."
    assert ActivityLog.objects.filter(
        action="appraisal.objection_statement", subject_employee_id=world.staff.pk
    ).exists()


def test_objection_decide_change_recomputes_predicate_and_updates_evaluation(world, staff_final):
    objection = file(world, staff_final)
    objection_decide(
        objection=objection,
        decision="change",
        results_rating="as_expected",
        behaviour_rating="as_expected",
        reason="Bukti capaian lengkap.",
        actor=world.users["division_head"],
    )
    objection.refresh_from_db()
    staff_final.refresh_from_db()
    assert objection.status == ObjectionStatus.CHANGED
    assert (objection.previous_results_rating, objection.previous_predicate) == (
        "below",
        "butuh_perbaikan",
    )
    assert (objection.new_results_rating, objection.new_predicate) == ("as_expected", "baik")
    assert objection.decided_by == world.division_head
    assert (staff_final.results_rating, staff_final.predicate) == ("as_expected", "baik")
    assert staff_final.is_final
    change = ActivityLog.objects.get(action="appraisal.evaluation_change_by_objection")
    assert change.before["predicate"] == "butuh_perbaikan"
    assert change.after["predicate"] == "baik"
    assert change.subject_employee_id == world.staff.pk


def test_objection_decide_uphold_keeps_the_result(world, staff_final):
    objection = file(world, staff_final)
    objection_decide(
        objection=objection,
        decision="uphold",
        reason="Sudah tepat.",
        actor=world.users["division_head"],
    )
    objection.refresh_from_db()
    staff_final.refresh_from_db()
    assert objection.status == ObjectionStatus.UPHELD
    assert objection.new_predicate == staff_final.predicate == "butuh_perbaikan"


def test_objection_decide_only_by_the_assessors_superior(world, staff_final):
    objection = file(world, staff_final)
    for key in ("section_head", "staff", "head_of_office", "hr"):
        with pytest.raises(ApplicationError):
            objection_decide(
                objection=objection, decision="uphold", reason="x", actor=world.users[key]
            )
    objection.refresh_from_db()
    assert objection.status == ObjectionStatus.FILED


def test_objection_decide_needs_a_reason(world, staff_final):
    objection = file(world, staff_final)
    with pytest.raises(ApplicationError):
        objection_decide(
            objection=objection, decision="uphold", reason=" ", actor=world.users["division_head"]
        )
    objection.refresh_from_db()
    assert objection.status == ObjectionStatus.FILED


def test_objection_decide_change_to_the_same_ratings_is_refused(world, staff_final):
    objection = file(world, staff_final)
    with pytest.raises(ApplicationError):
        objection_decide(
            objection=objection,
            decision="change",
            results_rating="below",
            behaviour_rating="as_expected",
            reason="x",
            actor=world.users["division_head"],
        )


def test_objection_decision_is_final(world, staff_final):
    objection = file(world, staff_final)
    objection_decide(
        objection=objection, decision="uphold", reason="Tepat.", actor=world.users["division_head"]
    )
    with pytest.raises(ApplicationError):
        objection_decide(
            objection=objection,
            decision="change",
            results_rating="above",
            behaviour_rating="above",
            reason="Lagi.",
            actor=world.users["division_head"],
        )
    with pytest.raises(ApplicationError):
        file(world, staff_final)
    with pytest.raises(ApplicationError):
        objection_withdraw(objection=objection, actor=world.users["staff"])
    staff_final.refresh_from_db()
    assert staff_final.predicate == "butuh_perbaikan"
    assert Objection.objects.count() == 1


def test_objection_decide_change_reawards_credit_points(world, year):
    evaluation = final(year.nurse, world.puskesmas_head, "as_expected", "as_expected")
    from kinerja.appraisal.services.credit_points import credit_points_award

    credit_points_award(evaluation=evaluation, actor=None)
    assert CreditPointAward.objects.get(evaluation=evaluation).points == Decimal("12.50")
    objection = objection_file(
        evaluation=evaluation, reasons="Layak sangat baik.", actor=world.users["nurse"]
    )
    assert objection.decider == world.head_of_office
    objection_decide(
        objection=objection,
        decision="change",
        results_rating="above",
        behaviour_rating="above",
        reason="Capaian luar biasa.",
        actor=world.users["head_of_office"],
    )
    award = CreditPointAward.objects.get(evaluation=evaluation)
    assert (award.predicate, award.points) == ("sangat_baik", Decimal("18.75"))


def test_objection_withdraw_only_by_the_employee(world, staff_final):
    objection = file(world, staff_final)
    with pytest.raises(ApplicationError):
        objection_withdraw(objection=objection, actor=world.users["division_head"])
    objection_withdraw(objection=objection, actor=world.users["staff"], reason="Sudah jelas.")
    objection.refresh_from_db()
    assert objection.status == ObjectionStatus.WITHDRAWN


def test_objection_is_overdue_after_decide_by(world, staff_final):
    import datetime

    objection = file(world, staff_final)
    assert not is_overdue(objection)
    assert is_overdue(objection, on=objection.decide_by + datetime.timedelta(days=1))


def test_final_evaluation_changes_only_through_objection(world, staff_final):
    """The lock: the assessor's services refuse a final evaluation."""
    from kinerja.appraisal.services.evaluation import evaluation_finalise, evaluation_rate

    with pytest.raises(ApplicationError):
        evaluation_rate(
            evaluation=staff_final,
            results_rating="above",
            behaviour_rating="above",
            justification="x",
            actor=world.users["section_head"],
        )
    with pytest.raises(ApplicationError):
        evaluation_finalise(evaluation=staff_final, actor=world.users["section_head"])
    fresh = Evaluation.objects.get(pk=staff_final.pk)
    assert (fresh.results_rating, fresh.predicate, fresh.finalised_at) == (
        "below",
        "butuh_perbaikan",
        staff_final.finalised_at,
    )
