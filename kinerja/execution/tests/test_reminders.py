"""Deadline reminders: plans before the planning deadline, reports before each window's
deadline, a digest for assessors before the assessment deadline; each reminder reaches
each person once."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from kinerja.execution.enums import ReportStatus
from kinerja.execution.models import PeriodReport
from kinerja.execution.services.reminders import (
    due_threshold,
    reminder_days,
    reminders_send,
)
from kinerja.notifications.models import Notification, ReminderLog
from kinerja.planning.enums import SkpStatus
from kinerja.planning.models import Skp
from kinerja.planning.tests import conftest as planning_fixtures
from kinerja.planning.tests.conftest import complete_result

plan = planning_fixtures.plan
# Appraisal sits above execution in the layers: its model is reached through the SKP.
Evaluation = Skp._meta.get_field("evaluations").related_model


@pytest.fixture
def team(plan, world):
    """The staff member's and the peer's approved plans (the Kasi approved them), beside
    the approved Kasi/Kabid/Kadis plans of ``plan``. Staff has an email address."""
    complete_result(plan.staff, "Dokumen rujukan terverifikasi")
    Skp.objects.filter(pk=plan.staff.pk).update(
        status=SkpStatus.APPROVED, approved_by=world.section_head
    )
    peer = Skp.objects.create(
        employee=world.peer,
        period=plan.period,
        position=world.positions["peer"],
        start_date=plan.period.start_date,
        end_date=plan.period.end_date,
        approach=plan.period.approach,
        status=SkpStatus.APPROVED,
        approved_by=world.section_head,
    )
    staff_user = world.users["staff"]
    staff_user.email = "eka@example.org"
    staff_user.save(update_fields=["email"])
    return {"staff": Skp.objects.get(pk=plan.staff.pk), "peer": peer}


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Run the reminders on a date, with the emails sent as the transactions commit."""

    def run(on, days=None):
        with django_capture_on_commit_callbacks(execute=True):
            return reminders_send(on=on, days=days)

    return run


def first_window(plan):
    return plan.period.windows.get(number=1)


def notified(user) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user))


def test_due_threshold_picks_the_most_urgent_reminder_due():
    deadline = datetime.date(2026, 4, 10)
    days = (7, 1)

    assert due_threshold(deadline, datetime.date(2026, 4, 1), days) is None  # 9 days away
    assert due_threshold(deadline, datetime.date(2026, 4, 3), days) == 7
    assert due_threshold(deadline, datetime.date(2026, 4, 8), days) == 7
    assert due_threshold(deadline, datetime.date(2026, 4, 9), days) == 1
    assert due_threshold(deadline, deadline, days) == 1
    assert due_threshold(deadline, datetime.date(2026, 4, 11), days) is None


def test_reminder_days_are_configurable(settings):
    settings.REMINDER_DAYS = (3, 14, 3)

    assert reminder_days() == (14, 3)
    assert reminder_days([2]) == (2,)


def test_report_reminder_goes_to_everyone_who_has_not_submitted(send, team, plan, world):
    window = first_window(plan)
    PeriodReport.objects.create(skp=team["peer"], window=window, status=ReportStatus.SUBMITTED)

    run = send(window.report_deadline - datetime.timedelta(days=7))

    staff_notes = notified(world.users["staff"])
    assert len(staff_notes) == 1
    assert window.label in staff_notes[0].title
    assert notified(world.users["peer"]) == []  # submitted
    # The approved plans of the Kasi, Kabid and Kadis have no report either.
    for persona in ["section_head", "division_head", "head_of_office"]:
        assert len(notified(world.users[persona])) == 1
    assert run.reports == 4
    assert [m.to for m in mail.outbox] == [["eka@example.org"]]


def test_report_reminder_is_sent_once_however_often_the_job_runs(send, team, plan, world):
    window = first_window(plan)
    week_before = window.report_deadline - datetime.timedelta(days=7)

    send(week_before)
    again = send(week_before)
    later = send(week_before + datetime.timedelta(days=2))  # still the 7-day reminder

    assert again.reports == 0 and later.reports == 0
    assert again.already_sent == 5  # staff, peer, Kasi, Kabid, Kadis
    assert len(notified(world.users["staff"])) == 1
    assert len(mail.outbox) == 1
    assert ReminderLog.objects.filter(recipient=world.users["staff"]).count() == 1


def test_report_reminder_the_day_before_is_a_second_reminder(send, team, plan, world):
    window = first_window(plan)

    send(window.report_deadline - datetime.timedelta(days=7))
    run = send(window.report_deadline - datetime.timedelta(days=1))

    assert run.reports == 5
    assert len(notified(world.users["staff"])) == 2
    assert set(
        ReminderLog.objects.filter(recipient=world.users["staff"]).values_list("key", flat=True)
    ) == {f"report:{window.uuid}:7", f"report:{window.uuid}:1"}


def test_report_reminder_started_late_sends_only_the_most_urgent(send, team, plan, world):
    window = first_window(plan)

    send(window.report_deadline - datetime.timedelta(days=1))

    assert len(notified(world.users["staff"])) == 1


def test_no_report_reminder_after_the_deadline_or_too_early(send, team, plan, world):
    window = first_window(plan)

    send(window.report_deadline + datetime.timedelta(days=1))
    send(window.report_deadline - datetime.timedelta(days=8))

    assert Notification.objects.count() == 0


def test_report_reminder_skips_draft_plans_and_people_without_login(send, team, plan, world):
    Skp.objects.filter(pk=team["peer"].pk).update(status=SkpStatus.DRAFT)
    world.staff.user = None
    world.staff.save(update_fields=["user"])
    window = first_window(plan)

    send(window.report_deadline - datetime.timedelta(days=1))

    assert notified(world.users["staff"]) == []
    assert notified(world.users["peer"]) == []


def test_assessment_digest_goes_once_to_each_assessor(send, team, plan, world):
    deadline = plan.period.assessment_deadline

    run = send(deadline - datetime.timedelta(days=7))
    send(deadline - datetime.timedelta(days=6))

    digests = notified(world.users["section_head"])
    assert len(digests) == 1  # one digest for both assessees, once
    assert "Eka Staf" in digests[0].body and "Fajar Rekan" in digests[0].body
    assert "2" in digests[0].title
    # The Kabid approved the Kasi's plan: a digest too, with one name.
    kabid = notified(world.users["division_head"])
    assert len(kabid) == 1 and "Dewi Kasi" in kabid[0].body
    assert notified(world.users["staff"]) == []
    assert run.assessments >= 2


def test_assessment_digest_leaves_out_final_evaluations(send, team, plan, world):
    Evaluation.objects.create(
        skp=team["staff"],
        status="final",
        results_rating="as_expected",
        behaviour_rating="as_expected",
        predicate="baik",
        assessor=world.section_head,
    )
    Evaluation.objects.create(skp=team["peer"], assessor=world.division_head)  # draft

    send(plan.period.assessment_deadline - datetime.timedelta(days=1))

    assert notified(world.users["section_head"]) == []
    kabid = notified(world.users["division_head"])[0]
    # The draft's assessor is the one on the evaluation.
    assert "Fajar Rekan" in kabid.body and "Eka Staf" not in kabid.body


def test_send_reminders_command_reports_what_it_sent(team, plan, world):
    window = first_window(plan)
    day = (window.report_deadline - datetime.timedelta(days=1)).isoformat()
    out = StringIO()

    call_command("send_reminders", "--date", day, "--days", "7,1", stdout=out)
    call_command("send_reminders", "--date", day, stdout=out)

    assert "Reminders sent: 0 plan, 5 report" in out.getvalue()
    assert "5 already sent before" in out.getvalue()
    assert len(notified(world.users["staff"])) == 1


def test_send_reminders_command_rejects_a_bad_date(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("send_reminders", "--date", "kemarin")


def test_planning_reminder_goes_to_those_without_a_submitted_plan(send, plan, world):
    """Staff's plan is a draft, the peer has none: both are reminded (as is everyone else
    of the agency without a plan); the Kasi, Kabid and Kadis are approved; a submitted
    plan waits for the assessor and is not reminded."""
    deadline = plan.period.start_date + datetime.timedelta(days=30)
    type(plan.period).objects.filter(pk=plan.period.pk).update(planning_deadline=deadline)
    other = world.users["other_hr"]  # another agency's employee: never reminded here

    run = send(deadline - datetime.timedelta(days=7))

    assert run.plans == len(ReminderLog.objects.filter(key__startswith="planning:"))
    for persona in ["staff", "peer"]:
        notes = notified(world.users[persona])
        assert len(notes) == 1 and str(plan.period.year) in notes[0].title
    for persona in ["section_head", "division_head", "head_of_office"]:
        assert notified(world.users[persona]) == []
    assert notified(other) == []

    Skp.objects.filter(pk=plan.staff.pk).update(status=SkpStatus.SUBMITTED)
    urgent = send(deadline - datetime.timedelta(days=1))
    assert urgent.plans == run.plans - 1  # staff's plan now waits for the assessor
    assert len(notified(world.users["staff"])) == 1
    assert len(notified(world.users["peer"])) == 2
    assert send(deadline + datetime.timedelta(days=1)).plans == 0  # past the deadline
