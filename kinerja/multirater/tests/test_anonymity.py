"""No screen, export, API response, activity log entry or notification says who gave
which answer. The bytes of every response that shows answers are searched for every
identifier of the peers and subordinates who answered: name, NIP, employee and login
UUIDs/ids, and the UUIDs of their assignments."""

import json

import pytest
from django.core import serializers
from django.urls import reverse

from kinerja.core.models import ActivityLog
from kinerja.multirater.models import Answer, RaterAssignment
from kinerja.notifications.models import Notification


def identifiers(employees):
    found = []
    for employee in employees:
        found += [employee.name, employee.full_name, employee.nip, str(employee.uuid)]
        found += [employee.uuid.hex]
    assignments = RaterAssignment.objects.filter(
        rater__in=employees, relation__in=["peer", "subordinate"]
    )
    for assignment in assignments:
        found += [str(assignment.uuid), assignment.uuid.hex]
    return [text.encode() for text in found]


def leaks(content: bytes, secrets: list[bytes]) -> list[bytes]:
    return [secret for secret in secrets if secret in content]


@pytest.fixture
def anonymous_raters(closed_round, world, team):
    """Who answered anonymously about staff (peers) and the section head (subordinates),
    minus the person whose page is read (they may see their own name)."""
    staff_peers = [
        a.rater
        for a in RaterAssignment.objects.filter(
            subject__round=closed_round, subject__employee=world.staff, relation="peer"
        ).select_related("rater")
    ]
    return {"staff": staff_peers, "section_head": [world.staff, world.peer]}


def test_summary_pages_name_no_anonymous_rater(client, closed_round, world, anonymous_raters):
    cases = [
        (world.staff, "staff", ["staff", "section_head", "division_head", "hr"]),
        (world.section_head, "section_head", ["section_head", "division_head", "hr"]),
    ]
    for subject_employee, key, readers in cases:
        subject = closed_round.subjects.get(employee=subject_employee)
        secrets = identifiers(anonymous_raters[key])
        for reader in readers:
            client.force_login(world.users[reader])
            for url in (
                reverse("multirater:summary", args=[subject.uuid]),
                reverse("api-v1:subject_summary", args=[subject.uuid]),
            ):
                response = client.get(url)
                assert response.status_code == 200
                assert leaks(response.content, secrets) == [], (reader, url)


def test_progress_page_and_api_show_counts_not_raters(client, closed_round, world):
    client.force_login(world.users["hr"])
    answered = [
        str(a.uuid).encode() for a in RaterAssignment.objects.filter(subject__round=closed_round)
    ]
    for url in (
        reverse("multirater:round_detail", args=[closed_round.uuid]),
        reverse("api-v1:round_get", args=[closed_round.uuid]),
        reverse("api-v1:round_list"),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert leaks(response.content, answered) == []
        # Answer ids are never exposed either.
        for answer in Answer.objects.all():
            assert str(answer.pk).encode() not in response.content


def test_activity_log_and_notifications_name_no_rater_of_an_answer(
    closed_round, world, anonymous_raters
):
    answers = ActivityLog.objects.filter(action="multirater.answer_received")
    assert answers.count() == 7
    everyone = anonymous_raters["staff"] + anonymous_raters["section_head"]
    secrets = identifiers(everyone)
    for entry in answers:
        assert entry.actor_id is None
        assert entry.subject_employee_id is None
        assert set(entry.after) == {"answers"}
        dumped = serializers.serialize("json", [entry]).encode()
        assert leaks(dumped, secrets) == []
        # Nor which person rated was answered about.
        assert str(world.staff.uuid).encode() not in dumped
    # Notifications (to raters, invitations and reminders) never mention an answer.
    for notification in Notification.objects.all():
        text = f"{notification.title} {notification.body}".encode()
        assert b"Rekan" not in text and b"Bawahan bicara" not in text


def test_answers_table_export_cannot_name_raters(closed_round, world, anonymous_raters):
    dumped = serializers.serialize("json", Answer.objects.all()).encode()
    secrets = identifiers(anonymous_raters["staff"] + anonymous_raters["section_head"])
    assert leaks(dumped, secrets) == []
    rows = json.loads(dumped)
    assert all(set(row["fields"]) == {"subject", "relation", "scores", "comments"} for row in rows)


def test_api_summary_hides_a_group_of_two(client, closed_round, world):
    subject = closed_round.subjects.get(employee=world.section_head)
    client.force_login(world.users["section_head"])
    data = client.get(reverse("api-v1:subject_summary", args=[subject.uuid])).json()
    groups = {g["relation"]: g for g in data["groups"]}
    assert groups["subordinate"] == {
        "relation": "subordinate",
        "anonymous": True,
        "shown": False,
        "count": None,
        "explanation": groups["subordinate"]["explanation"],
        "values": [],
        "comments": [],
    }
    staff = closed_round.subjects.get(employee=world.staff)
    data = client.get(reverse("api-v1:subject_summary", args=[staff.uuid])).json()
    peers = next(g for g in data["groups"] if g["relation"] == "peer")
    assert peers["count"] == 3
    assert peers["values"][0]["distribution"] == {"1": 0, "2": 0, "3": 1, "4": 1, "5": 1}
    assert sorted(peers["comments"]) == ["Rekan 0", "Rekan 1", "Rekan 2"]


def test_the_search_finds_raters_where_they_are_meant_to_be(client, closed_round, world):
    """Control: HR's rater-editing page names who is asked (not what they said), so the
    same search finds them there; the tests above are able to fail."""
    subject = closed_round.subjects.get(employee=world.staff)
    client.force_login(world.users["hr"])
    page = client.get(reverse("multirater:subject_raters", args=[subject.uuid]))
    assert leaks(page.content, identifiers([world.peer]))
