import json

from django.urls import reverse

from kinerja.multirater.enums import RoundStatus
from kinerja.multirater.models import Answer, RaterAssignment, Round
from kinerja.multirater.services import round_close
from kinerja.multirater.tests.conftest import answer_as, assignment_of
from kinerja.org.tests.factories import EmployeeFactory
from kinerja.regulation.berakhlak import CORE_VALUE_CODES


def post(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def test_api_hr_opens_and_closes_a_round(client, team, world):
    client.force_login(world.users["hr"])
    response = post(
        client,
        reverse("api-v1:round_create"),
        {"root_unit": str(world.division.uuid), "period": str(team.period.uuid), "min_group": 4},
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "open" and data["min_group"] == 4 and data["subject_count"] == 8
    progress = client.get(reverse("api-v1:round_get", args=[data["uuid"]])).json()
    assert progress["answered"] == 0 and progress["assigned"] == data["assigned_count"]
    assert {g["relation"] for g in progress["groups"]} == {
        "assessor",
        "peer",
        "subordinate",
        "self",
    }
    closed = post(client, reverse("api-v1:round_close", args=[data["uuid"]]))
    assert closed.json()["status"] == "closed"


def test_api_threshold_below_three_is_refused(client, team, world):
    client.force_login(world.users["hr"])
    response = post(
        client,
        reverse("api-v1:round_create"),
        {"root_unit": str(world.division.uuid), "period": str(team.period.uuid), "min_group": 2},
    )
    assert response.status_code == 422
    assert not Round.objects.exists()


def test_api_employee_cannot_open_or_close(client, open_round, team, world):
    client.force_login(world.users["staff"])
    response = post(
        client,
        reverse("api-v1:round_create"),
        {"root_unit": str(world.division.uuid), "period": str(team.period.uuid)},
    )
    assert response.status_code == 403
    assert post(client, reverse("api-v1:round_close", args=[open_round.uuid])).status_code == 404
    open_round.refresh_from_db()
    assert open_round.status == RoundStatus.OPEN and Round.objects.count() == 1


def test_api_rater_answers_once_with_all_values(client, open_round, world):
    assignment = assignment_of(open_round, world.staff, world.peer)
    url = reverse("api-v1:task_answer", args=[assignment.uuid])
    client.force_login(world.users["peer"])
    tasks = client.get(reverse("api-v1:task_list")).json()
    assert str(assignment.uuid) in {t["uuid"] for t in tasks["items"]}
    partial = dict.fromkeys(CORE_VALUE_CODES[:6], 4)
    missing = post(client, url, {"scores": partial})
    assert missing.status_code == 422
    assert "kolaboratif" in missing.content.decode()
    assert not Answer.objects.exists()
    scores = dict.fromkeys(CORE_VALUE_CODES, 4)
    assert post(client, url, {"scores": scores, "comments": {"overall": "ok"}}).status_code == 204
    assert post(client, url, {"scores": scores}).status_code == 400
    assert Answer.objects.count() == 1


def test_api_nobody_else_answers(client, open_round, world):
    assignment = assignment_of(open_round, world.staff, world.peer)
    url = reverse("api-v1:task_answer", args=[assignment.uuid])
    for key in ["staff", "section_head", "hr", "superadmin"]:
        client.force_login(world.users[key])
        response = post(client, url, {"scores": dict.fromkeys(CORE_VALUE_CODES, 4)})
        assert response.status_code == 404, key
    assert not Answer.objects.exists()


def test_api_hr_lists_adds_and_removes_raters(client, open_round, team, world):
    subject = open_round.subjects.get(employee=world.staff)
    url = reverse("api-v1:rater_list", args=[subject.uuid])
    client.force_login(world.users["hr"])
    listed = client.get(url).json()
    assert {r["relation"] for r in listed} >= {"assessor", "self"}
    assert all(set(r) >= {"uuid", "name", "nip", "status"} for r in listed)
    assert "scores" not in json.dumps(listed)

    outsider = EmployeeFactory(agency=world.agency, name="Oki Lintas Unit")
    added = post(client, url, {"nip": outsider.nip, "relation": "peer"})
    assert added.status_code == 201, added.content
    assert added.json()["source"] == "manual" and added.json()["name"] == "Oki Lintas Unit"
    again = post(client, url, {"nip": outsider.nip, "relation": "peer"})
    assert again.status_code == 400 and "sudah" in again.json()["detail"]
    unknown = post(client, url, {"nip": "199001012020121999", "relation": "peer"})
    assert unknown.status_code == 400

    removed = client.delete(reverse("api-v1:rater_remove", args=[added.json()["uuid"]]))
    assert removed.status_code == 204
    assert len(client.get(url).json()) == len(listed)


def test_api_answered_rater_stays_and_closed_round_is_fixed(client, open_round, team, world):
    answer_as(open_round, world.staff, world.peer)
    assignment = assignment_of(open_round, world.staff, world.peer)
    client.force_login(world.users["hr"])
    refused = client.delete(reverse("api-v1:rater_remove", args=[assignment.uuid]))
    assert refused.status_code == 400
    assert RaterAssignment.objects.filter(pk=assignment.pk).exists()

    round_close(round=open_round, actor=world.users["hr"])
    subject = open_round.subjects.get(employee=world.staff)
    outsider = EmployeeFactory(agency=world.agency)
    closed = post(
        client,
        reverse("api-v1:rater_list", args=[subject.uuid]),
        {"nip": outsider.nip, "relation": "peer"},
    )
    assert closed.status_code == 400
    assert not RaterAssignment.objects.filter(rater=outsider).exists()


def test_api_raters_are_hr_only(client, open_round, world):
    subject = open_round.subjects.get(employee=world.staff)
    client.force_login(world.users["staff"])
    assert client.get(reverse("api-v1:rater_list", args=[subject.uuid])).status_code == 404
