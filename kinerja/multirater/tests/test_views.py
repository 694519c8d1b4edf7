from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.multirater.enums import AssignmentStatus, RoundStatus
from kinerja.multirater.models import Answer, RaterAssignment, Round
from kinerja.multirater.services import round_open
from kinerja.multirater.tests.conftest import assignment_of
from kinerja.regulation.berakhlak import CORE_VALUE_CODES


def client_for(client, user):
    client.force_login(user)
    return client


def form_data(value=4, **extra):
    data = dict.fromkeys(CORE_VALUE_CODES, str(value))
    data.update(extra)
    return data


def test_hr_opens_a_round_from_the_form(client, team, world):
    client_for(client, world.users["hr"])
    response = client.post(
        reverse("multirater:round_create"),
        {
            "root_unit": world.division.pk,
            "period": team.period.pk,
            "min_group": 4,
            "include_self": "on",
        },
    )
    round_ = Round.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("multirater:round_detail", args=[round_.uuid])
    assert round_.min_group == 4
    assert round_.status == RoundStatus.OPEN


def test_round_form_refuses_threshold_below_three(client, team, world):
    client_for(client, world.users["hr"])
    response = client.post(
        reverse("multirater:round_create"),
        {"root_unit": world.division.pk, "period": team.period.pk, "min_group": 2},
    )
    assert response.status_code == 200
    assert "min_group" in response.context["form"].errors
    assert not Round.objects.exists()


def test_employee_cannot_open_or_close_a_round(client, open_round, team, world):
    client_for(client, world.users["staff"])
    assert client.get(reverse("multirater:round_list")).status_code == 403
    response = client.post(
        reverse("multirater:round_create"),
        {"root_unit": world.division.pk, "period": team.period.pk, "min_group": 3},
    )
    assert response.status_code == 403
    response = client.post(reverse("multirater:round_close", args=[open_round.uuid]))
    assert response.status_code == 404
    open_round.refresh_from_db()
    assert open_round.status == RoundStatus.OPEN
    assert Round.objects.count() == 1


def test_other_agency_hr_cannot_touch_raters(client, open_round, world):
    subject = open_round.subjects.get(employee=world.staff)
    assignment = assignment_of(open_round, world.staff, world.peer)
    client_for(client, world.users["other_hr"])
    assert client.get(reverse("multirater:subject_raters", args=[subject.uuid])).status_code == 404
    response = client.post(reverse("multirater:rater_remove", args=[assignment.uuid]))
    assert response.status_code == 404
    assert RaterAssignment.objects.filter(pk=assignment.pk).exists()


def test_hr_adds_and_removes_a_rater(client, open_round, world):
    subject = open_round.subjects.get(employee=world.staff)
    client_for(client, world.users["hr"])
    url = reverse("multirater:subject_raters", args=[subject.uuid])
    response = client.post(url, {"nip": world.nurse.nip, "relation": "peer"})
    assert response.status_code == 302
    added = RaterAssignment.objects.get(subject=subject, rater=world.nurse)
    response = client.post(url, {"nip": "199999999999999999", "relation": "peer"})
    assert response.status_code == 200 and "nip" in response.context["form"].errors
    client.post(reverse("multirater:rater_remove", args=[added.uuid]))
    assert not RaterAssignment.objects.filter(pk=added.pk).exists()


def test_rater_answers_once_from_the_form(client, open_round, world):
    assignment = assignment_of(open_round, world.staff, world.peer)
    client_for(client, world.users["peer"])
    tasks = client.get(reverse("multirater:my_tasks"))
    assert reverse("multirater:answer", args=[assignment.uuid]).encode() in tasks.content
    url = reverse("multirater:answer", args=[assignment.uuid])
    page = client.get(url)
    assert page.status_code == 200
    assert b'name="berorientasi_pelayanan"' in page.content
    incomplete = form_data()
    del incomplete["loyal"]
    response = client.post(url, incomplete)
    assert response.status_code == 200
    assert "loyal" in response.context["form"].errors
    assert not Answer.objects.exists()
    response = client.post(url, form_data(5, comment_overall="Selalu membantu"))
    assert response.status_code == 302
    assert Answer.objects.get().comments == {"overall": "Selalu membantu"}
    again = client.post(url, form_data(1))
    assert again.status_code == 302
    assert Answer.objects.count() == 1
    assert Answer.objects.get().scores["kompeten"] == 5


def test_nobody_else_can_answer_a_form(client, open_round, world):
    assignment = assignment_of(open_round, world.staff, world.peer)
    url = reverse("multirater:answer", args=[assignment.uuid])
    for key in ["staff", "section_head", "hr", "superadmin"]:
        client_for(client, world.users[key])
        assert client.get(url).status_code == 404
        assert client.post(url, form_data()).status_code == 404
    assert not Answer.objects.exists()
    assert RaterAssignment.objects.get(pk=assignment.pk).status == AssignmentStatus.PENDING


def test_summary_page_for_subject_assessor_superior_and_hr_only(client, closed_round, world):
    subject = closed_round.subjects.get(employee=world.staff)
    url = reverse("multirater:summary", args=[subject.uuid])
    expected = {
        "staff": 200,
        "section_head": 200,
        "division_head": 200,
        "hr": 200,
        "peer": 404,
        "nurse": 404,
        "other_hr": 404,
    }
    got = {}
    for key in expected:
        client_for(client, world.users[key])
        got[key] = client.get(url).status_code
    assert got == expected


def test_summary_hides_two_answers_and_shows_three(client, closed_round, world):
    client_for(client, world.users["section_head"])
    own = closed_round.subjects.get(employee=world.section_head)
    staff = closed_round.subjects.get(employee=world.staff)
    hidden = client.get(reverse("multirater:summary", args=[own.uuid]))
    groups = {g.relation: g for g in hidden.context["multirater_summary"].groups}
    assert groups["subordinate"].shown is False
    assert b'data-group="subordinate" data-shown="0"' in hidden.content
    assert b"Bawahan bicara" not in hidden.content
    shown = client.get(reverse("multirater:summary", args=[staff.uuid]))
    assert b'data-group="peer" data-shown="1"' in shown.content
    assert b"Rekan 0" in shown.content


def test_summary_comments_are_nameless_and_freshly_shuffled(client, closed_round, world):
    subject = closed_round.subjects.get(employee=world.staff)
    client_for(client, world.users["staff"])
    url = reverse("multirater:summary", args=[subject.uuid])
    orders = set()
    for _attempt in range(30):
        summary = client.get(url).context["multirater_summary"]
        peers = next(g for g in summary.groups if g.relation == "peer")
        assert sorted(peers.comments) == ["Rekan 0", "Rekan 1", "Rekan 2"]
        orders.add(tuple(peers.comments))
    assert len(orders) > 1


def _rounds(team, world, count):
    for _index in range(count):
        round_open(root_unit=world.section, period=team.period, draft=True)


def test_round_list_query_count_does_not_grow(client, team, world):
    client_for(client, world.users["hr"])
    url = reverse("multirater:round_list")
    _rounds(team, world, 1)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    _rounds(team, world, 11)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.content.count(b"list-group-item round-row") == 12
    assert len(many) == len(one)


def test_progress_page_query_count_does_not_grow(client, team, world):
    client_for(client, world.users["hr"])
    small = round_open(root_unit=world.puskesmas, period=team.period)
    large = round_open(root_unit=world.division, period=team.period)
    client.get(reverse("multirater:round_detail", args=[small.uuid]))
    with CaptureQueriesContext(connection) as few:
        response = client.get(reverse("multirater:round_detail", args=[small.uuid]))
    assert response.content.count(b"list-group-item subject-row") == 2
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("multirater:round_detail", args=[large.uuid]))
    assert response.content.count(b"list-group-item subject-row") == 8
    assert len(many) == len(few)


def test_my_tasks_query_count_does_not_grow(client, team, world):
    client_for(client, world.users["section_head"])
    url = reverse("multirater:my_tasks")
    round_open(root_unit=world.puskesmas, period=team.period)
    client.get(url)
    with CaptureQueriesContext(connection) as none:
        client.get(url)
    round_open(root_unit=world.division, period=team.period)
    with CaptureQueriesContext(connection) as several:
        response = client.get(url)
    assert response.content.count(b'class="list-group-item d-flex') >= 6
    assert len(several) == len(none)


def test_hr_starts_reminds_and_closes_a_draft_round(client, team, world):
    from kinerja.core.models import ActivityLog
    from kinerja.notifications.models import Notification

    round_ = round_open(root_unit=world.section, period=team.period, draft=True)
    client_for(client, world.users["hr"])
    detail = reverse("multirater:round_detail", args=[round_.uuid])
    page = client.get(detail)
    assert b'id="round-start"' in page.content and b'id="round-remind"' not in page.content
    client.post(reverse("multirater:round_start", args=[round_.uuid]))
    round_.refresh_from_db()
    assert round_.status == RoundStatus.OPEN
    invited = Notification.objects.count()
    assert invited > 0
    client.post(reverse("multirater:round_remind", args=[round_.uuid]))
    assert Notification.objects.count() == 2 * invited
    client.post(reverse("multirater:round_close", args=[round_.uuid]))
    round_.refresh_from_db()
    assert round_.status == RoundStatus.CLOSED
    assert list(
        ActivityLog.objects.filter(object_uuid=round_.uuid)
        .order_by("id")
        .values_list("action", flat=True)
    ) == [
        "multirater.round_open",
        "multirater.round_start",
        "multirater.round_remind",
        "multirater.round_close",
    ]
    # Closing twice is refused with a message; nothing changes.
    response = client.post(reverse("multirater:round_close", args=[round_.uuid]), follow=True)
    assert response.status_code == 200
    assert ActivityLog.objects.filter(action="multirater.round_close").count() == 1
