import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from kinerja.core.exceptions import ApplicationError
from kinerja.core.models import ActivityLog
from kinerja.multirater.enums import AssignmentStatus, RoundStatus
from kinerja.multirater.models import Answer, RaterAssignment, Round
from kinerja.multirater.selectors import round_progress, subject_summary
from kinerja.multirater.services import (
    answer_submit,
    rater_add,
    rater_remove,
    round_close,
    round_open,
    round_remind,
    round_start,
)
from kinerja.multirater.tests.conftest import START, answer_as, assignment_of, scores
from kinerja.notifications.models import Notification
from kinerja.org.enums import PositionKind
from kinerja.org.tests.factories import (
    AssignmentFactory,
    EmployeeFactory,
    PositionFactory,
    UnitFactory,
)


def raters_of(round_, employee):
    subject = round_.subjects.get(employee=employee)
    return {(a.rater_id, a.relation) for a in subject.assignments.all()}, subject


def test_round_open_proposes_assessor_peers_subordinates_and_self(open_round, team, world):
    assert open_round.status == RoundStatus.OPEN
    raters, subject = raters_of(open_round, world.staff)
    peers = {pk for pk, relation in raters if relation == "peer"}
    assert (world.section_head.pk, "assessor") in raters
    assert (world.staff.pk, "self") in raters
    assert peers == {world.peer.pk} | {e.pk for e in team.extras}
    assert subject.notes == []
    # The section head: assessed by the division head, rates her five executors as
    # their assessor, and is rated by them as subordinates.
    raters, subject = raters_of(open_round, world.section_head)
    subordinates = {pk for pk, relation in raters if relation == "subordinate"}
    assert subordinates == {world.staff.pk, world.peer.pk} | {e.pk for e in team.extras}
    assert (world.division_head.pk, "assessor") in raters
    # No other supervisor (pengawas) in the division: the proposal says so.
    codes = [note["code"] for note in subject.notes]
    assert codes == ["peers_too_few"]
    assert set(open_round.subjects.values_list("employee__name", flat=True)) == {
        "Citra Kabid", "Dewi Kasi", "Eka Staf", "Fajar Rekan", *[e.name for e in team.extras]
    }  # fmt: skip


def test_round_open_widens_peers_to_the_parent_unit_and_caps_at_five(team, world):
    # A lone executor in a second section of the division: her peers come from the
    # division's subtree (the six executors of Seksi Rujukan), at most five of them.
    other = UnitFactory(
        agency=world.agency,
        parent=world.division,
        name="Seksi Lain",
        code="LAIN",
        kind="section",
    )
    lone = EmployeeFactory(agency=world.agency, name="Putri Sendiri")
    AssignmentFactory(
        employee=lone,
        position=PositionFactory(
            unit=other,
            code="LONE",
            name="Pengolah",
            kind=PositionKind.PELAKSANA,
            reports_to=world.positions["kabid"],
        ),
        start_date=START,
    )
    round_ = round_open(root_unit=world.division, period=team.period)
    raters, subject = raters_of(round_, lone)
    peers = {pk for pk, relation in raters if relation == "peer"}
    section = {world.staff.pk, world.peer.pk, *(e.pk for e in team.extras)}
    assert len(peers) == 5
    assert peers <= section
    assert subject.notes[0]["code"] == "peers_widened"
    # Staff keeps her own unit's peers: five are available there (four extras, peer).
    raters, subject = raters_of(round_, world.staff)
    assert {pk for pk, relation in raters if relation == "peer"} <= section
    assert subject.notes == []


def test_round_open_uses_the_org_chart_at_its_date(team, world):
    newcomer = EmployeeFactory(agency=world.agency, name="Oka Baru")
    AssignmentFactory(
        employee=newcomer,
        position=PositionFactory(
            unit=world.section,
            code="NEW",
            name="Baru",
            kind=PositionKind.PELAKSANA,
            reports_to=world.positions["kasi"],
        ),
        start_date=team.period.end_date - datetime.timedelta(days=10),
    )
    early = round_open(
        root_unit=world.section,
        period=team.period,
        on=team.period.start_date,
        actor=world.users["hr"],
    )
    late = round_open(
        root_unit=world.section,
        period=team.period,
        on=team.period.end_date,
        actor=world.users["hr"],
    )
    assert not early.subjects.filter(employee=newcomer).exists()
    assert late.subjects.filter(employee=newcomer).exists()
    assert early.reference_date == team.period.start_date


def test_round_open_refuses_threshold_below_three(team, world):
    with pytest.raises(ApplicationError):
        round_open(root_unit=world.division, period=team.period, min_group=2)
    assert not Round.objects.exists()


def test_round_open_tells_raters_in_app_and_by_email(
    team, world, django_capture_on_commit_callbacks
):
    world.users["peer"].email = "fajar@example.test"
    world.users["peer"].save()
    with django_capture_on_commit_callbacks(execute=True):
        round_open(root_unit=world.division, period=team.period, actor=world.users["hr"])
    assert Notification.objects.filter(recipient=world.users["peer"]).count() == 1
    assert [m.to for m in mail.outbox] == [["fajar@example.test"]]


def test_draft_round_tells_nobody_until_started(team, world):
    round_ = round_open(root_unit=world.division, period=team.period, draft=True)
    assert round_.status == RoundStatus.DRAFT
    assert not Notification.objects.exists()
    round_start(round=round_, actor=world.users["hr"])
    assert Notification.objects.filter(recipient=world.users["peer"]).exists()
    with pytest.raises(ApplicationError):
        round_start(round=round_)


def test_answer_submit_once_only(open_round, world):
    answer_as(open_round, world.staff, world.peer)
    with pytest.raises(ApplicationError):
        answer_as(open_round, world.staff, world.peer)
    assert Answer.objects.count() == 1
    assert assignment_of(open_round, world.staff, world.peer).status == AssignmentStatus.ANSWERED


def test_answer_submit_only_by_the_assigned_rater(open_round, world):
    assignment = assignment_of(open_round, world.staff, world.peer)
    with pytest.raises(ApplicationError):
        answer_submit(assignment=assignment, scores=scores(), actor=world.users["hr"])
    with pytest.raises(ApplicationError):
        answer_submit(assignment=assignment, scores=scores(), actor=world.users["superadmin"])
    assert not Answer.objects.exists()
    assert assignment_of(open_round, world.staff, world.peer).status == AssignmentStatus.PENDING


def test_answer_submit_needs_all_seven_values_in_range(open_round, world):
    assignment = assignment_of(open_round, world.staff, world.peer)
    partial = scores()
    del partial["loyal"]
    for bad in (partial, scores(kompeten=6), scores(adaptif=0)):
        with pytest.raises(ValidationError):
            answer_submit(assignment=assignment, scores=bad, actor=world.peer.user)
    with pytest.raises(ApplicationError):
        answer_submit(
            assignment=assignment, scores=scores(), comments={"jujur": "x"}, actor=world.peer.user
        )
    assert not Answer.objects.exists()


def test_answer_is_stored_without_rater_or_time(open_round, world):
    answer_as(open_round, world.staff, world.peer, 4, {"overall": "Baik sekali"})
    answer = Answer.objects.get()
    fields = {f.name for f in Answer._meta.get_fields()}
    assert fields == {"id", "subject", "relation", "scores", "comments"}
    assert answer.relation == "peer"
    log = ActivityLog.objects.get(action="multirater.answer_received")
    assert log.actor is None
    assert log.subject_employee_id is None
    assert log.after == {"answers": 1}


def test_answer_refused_when_round_closed(open_round, world):
    round_close(round=open_round, actor=world.users["hr"])
    with pytest.raises(ApplicationError):
        answer_as(open_round, world.staff, world.peer)
    assert not Answer.objects.exists()


def test_rater_add_and_remove_until_closed(open_round, team, world):
    subject = open_round.subjects.get(employee=world.staff)
    added = rater_add(subject=subject, rater=world.nurse, relation="peer", actor=world.users["hr"])
    assert added.source == "manual"
    with pytest.raises(ApplicationError):
        rater_add(subject=subject, rater=world.nurse, relation="peer")
    with pytest.raises(ApplicationError):
        rater_add(subject=subject, rater=world.other_employee, relation="peer")
    with pytest.raises(ApplicationError):
        rater_add(subject=subject, rater=world.staff, relation="peer")
    rater_remove(assignment=added, actor=world.users["hr"])
    assert not RaterAssignment.objects.filter(pk=added.pk).exists()
    answer_as(open_round, world.staff, world.peer)
    with pytest.raises(ApplicationError):
        rater_remove(assignment=assignment_of(open_round, world.staff, world.peer))
    round_close(round=open_round)
    with pytest.raises(ApplicationError):
        rater_add(subject=subject, rater=world.nurse, relation="peer")


def test_round_remind_only_raters_with_pending_forms(open_round, world, team):
    for rater in [world.section_head, world.peer, *team.extras]:
        answer_as(open_round, world.staff, rater)
    Notification.objects.all().delete()
    told = round_remind(round=open_round, actor=world.users["hr"])
    reminded = set(Notification.objects.values_list("recipient_id", flat=True))
    assert world.users["staff"].pk in reminded  # her self-assessment is pending
    assert told == len(reminded)
    log = ActivityLog.objects.get(action="multirater.round_remind")
    assert log.after == {"raters_reminded": told}


def test_progress_counts_per_group(closed_round, world):
    progress = round_progress(closed_round)
    groups = {g.relation: (g.answered, g.assigned) for g in progress.groups}
    assert groups["assessor"][0] == 1
    assert groups["peer"][0] == 3
    assert groups["subordinate"][0] == 2
    assert groups["self"][0] == 1
    assert progress.answered == 7


def test_summary_shows_three_peers_and_hides_two_subordinates(closed_round, world, team):
    staff = subject_summary(world.staff, team.period)
    shown = {g.relation: g.shown for g in staff.groups}
    # Nobody reports to the staff, so there is no subordinate group at all.
    assert shown == {"assessor": True, "peer": True, "self": True}
    peer_column = [g.relation for g in staff.groups].index("peer")
    service = staff.rows[0].cells[peer_column]
    assert service.count == 3
    assert service.mean == 4  # 3, 4 and 5
    section_head = subject_summary(world.section_head, team.period)
    subordinates = next(g for g in section_head.groups if g.relation == "subordinate")
    assert not subordinates.shown
    assert subordinates.count is None
    assert subordinates.comments == []
    column = [g.relation for g in section_head.groups].index("subordinate")
    assert all(row.cells[column] is None for row in section_head.rows)


def test_summary_shows_nothing_while_open(open_round, world, team):
    for rater in [world.peer, *team.extras]:
        answer_as(open_round, world.staff, rater)
    summary = subject_summary(world.staff, team.period)
    assert summary.closed is False
    assert summary.groups == [] and summary.rows == []


def test_rounds_remind_due_once_a_day_before_the_deadline(team, world):
    from django.core.management import call_command

    from kinerja.core.clock import today
    from kinerja.multirater.services import rounds_remind_due

    soon = round_open(
        root_unit=world.section,
        period=team.period,
        deadline=today() + datetime.timedelta(days=1),
    )
    later = round_open(
        root_unit=world.puskesmas,
        period=team.period,
        deadline=today() + datetime.timedelta(days=3),
    )
    Notification.objects.all().delete()
    assert rounds_remind_due(days=(7, 1)) == 1
    reminded = Notification.objects.count()
    assert (
        reminded
        == RaterAssignment.objects.filter(subject__round=soon).values("rater").distinct().count()
    )
    assert rounds_remind_due(days=(7, 1)) == 0  # already reminded today
    call_command("remind_360")
    assert Notification.objects.count() == reminded
    assert not ActivityLog.objects.filter(
        action="multirater.round_remind", object_uuid=later.uuid
    ).exists()
