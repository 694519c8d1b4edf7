# ruff: noqa: F811 -- pytest fixtures imported from evaluation_setup
"""Evaluations through the API: the queue, one evaluation with its explanations,
rating (with the justification rule), finalising, and the employee's own results."""

import pytest

from kinerja.api.tests.conftest import API, PROBLEM
from kinerja.appraisal.enums import EvaluationStatus
from kinerja.appraisal.models import Evaluation
from kinerja.appraisal.tests.evaluation_setup import (  # noqa: F401 -- fixtures
    indicators_of,
    plan,
    report,
    team,
)
from kinerja.core.models import ActivityLog

pytestmark = pytest.mark.django_db


def _path(skp, window, action=""):
    key = window.uuid if window is not None else "annual"
    return f"{API}/skps/{skp.uuid}/evaluations/{key}{action}"


def test_queue_lists_assessees(bearer, team):
    (indicator,) = indicators_of(team.staff)
    report(team.staff, team.q1, {indicator: 3})
    client = bearer("section_head")
    body = client.get(f"{API}/evaluations/queue", {"window": str(team.q1.uuid)}).json()
    assert body["count"] == 2
    by_skp = {row["skp"]: row for row in body["items"]}
    assert by_skp[str(team.staff.uuid)]["report_status"] == "submitted"
    assert by_skp[str(team.staff.uuid)]["waiting"] is True
    assert by_skp[str(team.peer.uuid)]["waiting"] is False
    waiting = client.get(
        f"{API}/evaluations/queue", {"window": str(team.q1.uuid), "waiting": "true"}
    ).json()
    assert [row["skp"] for row in waiting["items"]] == [str(team.staff.uuid)]


def test_queue_of_someone_assessing_nobody_is_empty(bearer, team):
    body = bearer("peer").get(f"{API}/evaluations/queue", {"window": "annual"}).json()
    assert body["count"] == 0


def test_get_rate_finalise(bearer, team, world):
    (indicator,) = indicators_of(team.staff)
    report(team.staff, team.q1, {indicator: 3})
    client = bearer("section_head")
    body = client.get(_path(team.staff, team.q1)).json()
    assert body["status"] == "draft"
    assert body["recommendation"]["rating"] == "as_expected"
    assert body["recommendation"]["indicators"][0]["window_target"] == "3.00"
    assert body["recommendation"]["explanation"]
    refused = client.post(
        _path(team.staff, team.q1, "/rate"),
        {"results_rating": "above", "behaviour_rating": "above"},
        content_type="application/json",
    )
    assert refused.status_code == 400
    assert refused["Content-Type"] == PROBLEM
    assert not Evaluation.objects.filter(predicate__gt="").exists()
    rated = client.post(
        _path(team.staff, team.q1, "/rate"),
        {"results_rating": "above", "behaviour_rating": "above", "justification": "Luar biasa"},
        content_type="application/json",
    )
    assert rated.status_code == 200, rated.content
    assert rated.json()["predicate"] == "sangat_baik"
    assert rated.json()["predicate_explanation"]
    final = client.post(_path(team.staff, team.q1, "/finalise"))
    assert final.status_code == 200
    assert final.json()["status"] == "final"
    again = client.post(
        _path(team.staff, team.q1, "/rate"),
        {"results_rating": "below", "behaviour_rating": "below"},
        content_type="application/json",
    )
    assert again.status_code == 400
    mine = bearer("staff").get(f"{API}/evaluations/mine").json()
    assert [item["predicate"] for item in mine["items"]] == ["sangat_baik"]


def test_employee_cannot_read_draft(bearer, team):
    assert bearer("staff").get(_path(team.staff, team.q1)).status_code == 404


def test_peer_cannot_rate_and_nothing_changes(bearer, team):
    response = bearer("peer").post(
        _path(team.staff, team.q1, "/rate"),
        {"results_rating": "below", "behaviour_rating": "below"},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not Evaluation.objects.exists()
    assert not ActivityLog.objects.filter(action__startswith="appraisal.").exists()


def test_superior_reads_but_cannot_rate(bearer, team):
    client = bearer("division_head")
    assert client.get(_path(team.staff, None)).status_code == 200
    response = client.post(
        _path(team.staff, None, "/rate"),
        {"results_rating": "below", "behaviour_rating": "below"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not Evaluation.objects.exists()


def test_unknown_window_is_404(bearer, team):
    assert (
        bearer("section_head").get(_path(team.staff, None).replace("annual", "x")).status_code
        == 404
    )


def test_finalise_unrated_is_400(bearer, team):
    response = bearer("section_head").post(_path(team.staff, team.q1, "/finalise"))
    assert response.status_code == 400
    assert not Evaluation.objects.filter(status=EvaluationStatus.FINAL).exists()


def test_queue_query_count_is_constant(bearer, team, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kinerja.appraisal.tests.evaluation_setup import approved_for
    from kinerja.org.tests.factories import AssignmentFactory, EmployeeFactory

    client = bearer("section_head")
    query = {"window": str(team.q1.uuid)}
    client.get(f"{API}/evaluations/queue", query)
    with CaptureQueriesContext(connection) as few:
        assert client.get(f"{API}/evaluations/queue", query).json()["count"] == 2
    assignment = world.staff.assignments.first()
    for number in range(10):
        employee = EmployeeFactory(agency=world.agency, name=f"Staf API {number:02d}")
        AssignmentFactory(
            employee=employee, position=assignment.position, start_date=assignment.start_date
        )
        skp = approved_for(team.plan, employee, approver=world.section_head)
        report(skp, team.q1, {indicators_of(skp)[0]: 3})
    with CaptureQueriesContext(connection) as many:
        assert client.get(f"{API}/evaluations/queue", query).json()["count"] == 12
    assert len(many) == len(few)
