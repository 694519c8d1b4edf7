"""Feedback, guidance and attendance through the API: the same rules as the pages."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.core.clock import today
from kinerja.execution.models import (
    AttendanceSummary,
    CoachingFeedback,
    CoachingSession,
    CompetenceEvaluation,
    FeedbackMessage,
)
from kinerja.execution.services.coaching import coaching_session_log
from kinerja.execution.services.feedback import feedback_post
from kinerja.notifications.models import Notification

API = "/api/v1"


def _post(client, path, data):
    return client.post(f"{API}{path}", data, content_type="application/json")


def _login(client, fw, who):
    client.force_login(fw.world.users[who])
    return client


def _threads(fw):
    return f"/skps/{fw.skp.uuid}/feedback/{fw.window.number}"


def test_api_feedback_threads_and_post(client, fw):
    _login(client, fw, "section_head")
    response = _post(client, _threads(fw), {"result": str(fw.result.uuid), "text": "Mantap."})
    assert response.status_code == 201, response.content
    assert response.json()["author"]["uuid"] == str(fw.world.section_head.uuid)
    assert FeedbackMessage.objects.get().author == fw.world.section_head
    assert Notification.objects.filter(recipient=fw.world.users["staff"]).exists()
    _login(client, fw, "staff")
    body = client.get(f"{API}{_threads(fw)}").json()
    assert len(body) == 8
    first = body[0]
    assert first["key"] == f"r-{fw.result.uuid}"
    assert [m["text"] for m in first["messages"]] == ["Mantap."]
    assert first["can_write"] is True
    assert body[1]["can_write"] is False


def test_api_feedback_by_reader_denied(client, fw):
    _login(client, fw, "hr")
    response = _post(client, _threads(fw), {"core_value": "akuntabel", "text": "Tidak boleh"})
    assert response.status_code == 403
    assert not FeedbackMessage.objects.exists()


def test_api_feedback_hidden_from_stranger(client, fw):
    _login(client, fw, "peer")
    assert client.get(f"{API}{_threads(fw)}").status_code == 404
    response = _post(client, _threads(fw), {"core_value": "akuntabel", "text": "Tidak boleh"})
    assert response.status_code == 404
    assert not FeedbackMessage.objects.exists()


def test_api_feedback_reply_without_thread_is_problem(client, fw):
    _login(client, fw, "staff")
    response = _post(client, _threads(fw), {"core_value": "akuntabel", "text": "Balas"})
    assert response.status_code == 400
    assert not FeedbackMessage.objects.exists()


def test_api_coaching_session_create_and_feedback(client, fw):
    _login(client, fw, "section_head")
    response = _post(
        client,
        "/coaching/sessions",
        {
            "employee": str(fw.world.staff.uuid),
            "held_on": today().isoformat(),
            "kind": "counselling",
            "topic": "Disiplin waktu",
            "agreed_actions": "Datang tepat waktu.",
        },
    )
    assert response.status_code == 201, response.content
    session_uuid = response.json()["uuid"]
    _login(client, fw, "staff")
    listed = client.get(f"{API}/coaching/sessions").json()
    assert [item["uuid"] for item in listed["items"]] == [session_uuid]
    response = _post(client, f"/coaching/sessions/{session_uuid}/feedback", {"answers": [3] * 9})
    assert response.status_code == 201, response.content
    assert response.json()["employee_feedback"]["answers"] == [3] * 9
    again = _post(client, f"/coaching/sessions/{session_uuid}/feedback", {"answers": [1] * 9})
    assert again.status_code == 400
    assert CoachingFeedback.objects.get().answers == [3] * 9


def test_api_coaching_feedback_by_coach_denied(client, fw):
    session = coaching_session_log(
        employee=fw.world.staff,
        held_on=today(),
        kind="coaching",
        topic="Topik",
        actor=fw.world.users["section_head"],
    )
    _login(client, fw, "section_head")
    response = _post(client, f"/coaching/sessions/{session.uuid}/feedback", {"answers": [4] * 9})
    assert response.status_code == 403
    assert not CoachingFeedback.objects.exists()


def test_api_coaching_session_by_peer_denied(client, fw):
    _login(client, fw, "peer")
    response = _post(
        client,
        "/coaching/sessions",
        {
            "employee": str(fw.world.staff.uuid),
            "held_on": today().isoformat(),
            "kind": "coaching",
            "topic": "Tidak boleh",
        },
    )
    assert response.status_code in {403, 404}
    assert not CoachingSession.objects.exists()


def test_api_competence_evaluation(client, fw):
    _login(client, fw, "section_head")
    payload = {
        "employee": str(fw.world.staff.uuid),
        "evaluated_on": (today() - datetime.timedelta(days=1)).isoformat(),
        "scores": [{"competence": "Integritas", "score": 5, "reason": "Teladan."}],
    }
    response = _post(client, "/competence-evaluations", payload)
    assert response.status_code == 201, response.content
    assert response.json()["scores"] == payload["scores"]
    _login(client, fw, "staff")
    assert _post(client, "/competence-evaluations", payload).status_code in {403, 404}
    assert CompetenceEvaluation.objects.count() == 1
    listed = client.get(f"{API}/competence-evaluations").json()
    assert listed["count"] == 1


def test_api_attendance_list(client, fw):
    AttendanceSummary.objects.create(
        employee=fw.world.staff, window=fw.window, working_days=60, present_days=59
    )
    for who, status in [("staff", 200), ("section_head", 200), ("hr", 200), ("peer", 404)]:
        _login(client, fw, who)
        response = client.get(f"{API}/attendance", {"employee": str(fw.world.staff.uuid)})
        assert response.status_code == status, who
        if status == 200:
            items = response.json()["items"]
            assert [(i["window_number"], i["present_days"]) for i in items] == [(1, 59)]


def test_api_thread_list_query_count_constant(client, fw):
    _login(client, fw, "section_head")
    url = f"{API}{_threads(fw)}"
    feedback_post(
        skp=fw.skp,
        window=fw.window,
        core_value="loyal",
        text="1",
        actor=fw.world.users["section_head"],
    )
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for index in range(10):
        feedback_post(
            skp=fw.skp,
            window=fw.window,
            core_value="adaptif",
            text=str(index),
            actor=fw.world.users["section_head"],
        )
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


@pytest.mark.parametrize("answers", [[3] * 8, [5] * 9, [0] * 9])
def test_api_coaching_feedback_bad_answers(client, fw, answers):
    session = coaching_session_log(
        employee=fw.world.staff,
        held_on=today(),
        kind="coaching",
        topic="Topik",
        actor=fw.world.users["section_head"],
    )
    _login(client, fw, "staff")
    response = _post(client, f"/coaching/sessions/{session.uuid}/feedback", {"answers": answers})
    assert response.status_code in {400, 422}
    assert not CoachingFeedback.objects.exists()


def test_api_coaching_lists_query_count_constant(client, fw):
    from kinerja.execution.services.coaching import ScoreInput, competence_evaluation_create

    def add(index):
        session = coaching_session_log(
            employee=fw.world.staff,
            held_on=today(),
            kind="coaching",
            topic=f"Sesi {index}",
            actor=fw.world.users["section_head"],
        )
        competence_evaluation_create(
            employee=fw.world.staff,
            evaluated_on=today(),
            scores=[ScoreInput("Integritas", 4, "Baik"), ScoreInput("Komunikasi", 3, "Cukup")],
            actor=fw.world.users["section_head"],
        )
        return session

    add(0)
    _login(client, fw, "division_head")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"{API}/coaching/sessions").status_code == 200
            assert client.get(f"{API}/competence-evaluations").status_code == 200
        return len(queries)

    few = count()
    for index in range(1, 11):
        add(index)
    assert count() == few
