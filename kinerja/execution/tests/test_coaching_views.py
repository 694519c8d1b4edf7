import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.core.clock import today
from kinerja.execution.enums import CoachingKind
from kinerja.execution.models import (
    CoachingFeedback,
    CoachingSession,
    CompetenceEvaluation,
    CompetenceScore,
)
from kinerja.execution.services.coaching import coaching_feedback_give, coaching_session_log
from kinerja.regulation.competences import MANAGERIAL_2017


def log(fw, topic="Target triwulan"):
    return coaching_session_log(
        employee=fw.world.staff,
        held_on=today(),
        kind=CoachingKind.DIALOGUE,
        topic=topic,
        actor=fw.world.users["section_head"],
    )


def session_form(**overrides):
    data = {
        "held_on": today().isoformat(),
        "kind": "mentoring",
        "topic": "Penyusunan laporan rujukan",
        "notes": "Format laporan dibahas.",
        "agreed_actions": "Mencoba format baru.",
        "follow_up_on": (today() + datetime.timedelta(days=7)).isoformat(),
    }
    data.update(overrides)
    return data


def test_coaching_log_by_assessor_creates_session(client, fw):
    client.force_login(fw.world.users["section_head"])
    url = reverse("execution:coaching_log", args=[fw.world.staff.uuid])
    assert client.get(url).status_code == 200
    response = client.post(url, session_form())
    session = CoachingSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("execution:coaching_session", args=[session.uuid])
    assert (session.kind, session.coach) == ("mentoring", fw.world.section_head)


def test_coaching_log_bad_date_shows_error_and_saves_nothing(client, fw):
    client.force_login(fw.world.users["section_head"])
    url = reverse("execution:coaching_log", args=[fw.world.staff.uuid])
    tomorrow = (today() + datetime.timedelta(days=1)).isoformat()
    response = client.post(url, session_form(held_on=tomorrow))
    assert response.status_code == 200
    assert b"alert-danger" in response.content
    assert not CoachingSession.objects.exists()


@pytest.mark.parametrize("who", ["peer", "hr", "division_head"])
def test_coaching_log_by_others_denied_and_nothing_changes(client, fw, who):
    client.force_login(fw.world.users[who])
    url = reverse("execution:coaching_log", args=[fw.world.staff.uuid])
    response = client.post(url, session_form())
    assert response.status_code in {403, 404}
    assert not CoachingSession.objects.exists()


def test_session_feedback_by_employee_once(client, fw):
    session = log(fw)
    client.force_login(fw.world.users["staff"])
    url = reverse("execution:coaching_session", args=[session.uuid])
    assert b'id="session-feedback-form"' in client.get(url).content
    answers = {f"s{i}": str(1 + i % 4) for i in range(1, 10)}
    response = client.post(url, {**answers, "comment": "Sangat membantu."})
    assert response.status_code == 302
    feedback = CoachingFeedback.objects.get()
    assert feedback.answers == [2, 3, 4, 1, 2, 3, 4, 1, 2]
    client.post(url, {f"s{i}": "1" for i in range(1, 10)})
    assert CoachingFeedback.objects.get().answers == [2, 3, 4, 1, 2, 3, 4, 1, 2]


def test_session_feedback_incomplete_saves_nothing(client, fw):
    session = log(fw)
    client.force_login(fw.world.users["staff"])
    url = reverse("execution:coaching_session", args=[session.uuid])
    response = client.post(url, {"s1": "4", "s2": "4"})
    assert response.status_code == 200
    assert not CoachingFeedback.objects.exists()


@pytest.mark.parametrize("who", ["section_head", "division_head", "hr"])
def test_session_feedback_by_others_denied(client, fw, who):
    session = log(fw)
    client.force_login(fw.world.users[who])
    url = reverse("execution:coaching_session", args=[session.uuid])
    assert client.get(url).status_code == 200
    response = client.post(url, {f"s{i}": "4" for i in range(1, 10)})
    assert response.status_code == 403
    assert not CoachingFeedback.objects.exists()


@pytest.mark.parametrize("who", ["peer", "nurse", "other_hr"])
def test_session_hidden_from_strangers(client, fw, who):
    session = log(fw)
    client.force_login(fw.world.users[who])
    assert client.get(reverse("execution:coaching_session", args=[session.uuid])).status_code == 404
    assert (
        client.get(reverse("execution:coaching_person", args=[fw.world.staff.uuid])).status_code
        == 404
    )


def test_competence_form_offers_default_list(client, fw):
    client.force_login(fw.world.users["section_head"])
    response = client.get(reverse("execution:competence_evaluate", args=[fw.world.staff.uuid]))
    assert response.status_code == 200
    for name in MANAGERIAL_2017:
        assert f'value="{name}"'.encode() in response.content


def test_competence_evaluation_saved_from_form(client, fw):
    client.force_login(fw.world.users["section_head"])
    url = reverse("execution:competence_evaluate", args=[fw.world.staff.uuid])
    data = {
        "evaluated_on": today().isoformat(),
        "c0_name": "Integritas",
        "c0_score": "4",
        "c0_reason": "Jujur dalam pelaporan.",
        "c9_name": "Analisis data rujukan",
        "c9_score": "3",
        "c9_reason": "Perlu latihan pivot table.",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    evaluation = CompetenceEvaluation.objects.get()
    assert list(evaluation.scores.values_list("competence", "score")) == [
        ("Integritas", 4),
        ("Analisis data rujukan", 3),
    ]


def test_competence_evaluation_missing_reason_saves_nothing(client, fw):
    client.force_login(fw.world.users["section_head"])
    url = reverse("execution:competence_evaluate", args=[fw.world.staff.uuid])
    response = client.post(
        url, {"evaluated_on": today().isoformat(), "c0_name": "Integritas", "c0_score": "4"}
    )
    assert response.status_code == 200
    assert not CompetenceScore.objects.exists()


def test_competence_evaluation_by_employee_denied(client, fw):
    client.force_login(fw.world.users["staff"])
    url = reverse("execution:competence_evaluate", args=[fw.world.staff.uuid])
    response = client.post(
        url,
        {"evaluated_on": today().isoformat(), "c0_name": "A", "c0_score": "5", "c0_reason": "B"},
    )
    assert response.status_code == 403
    assert not CompetenceEvaluation.objects.exists()


def test_coaching_mine_shows_summary_to_coach(client, fw):
    session = log(fw)
    coaching_feedback_give(session=session, answers=[4] * 9, actor=fw.world.users["staff"])
    client.force_login(fw.world.users["section_head"])
    response = client.get(reverse("execution:coaching_mine"))
    assert response.status_code == 200
    assert b'id="feedback-summary"' in response.content
    assert b'id="coaching-team"' in response.content


def _mine_queries(client, user) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("execution:coaching_mine")).status_code == 200
    return len(queries)


def test_coaching_mine_query_count_constant(client, fw):
    first = log(fw)
    coaching_feedback_give(session=first, answers=[3] * 9, actor=fw.world.users["staff"])
    employee_few = _mine_queries(client, fw.world.users["staff"])
    coach_few = _mine_queries(client, fw.world.users["section_head"])
    for index in range(10):
        session = log(fw, topic=f"Sesi {index}")
        if index % 2:
            coaching_feedback_give(session=session, answers=[4] * 9, actor=None)
    assert CoachingSession.objects.count() == 11
    assert _mine_queries(client, fw.world.users["staff"]) == employee_few
    assert _mine_queries(client, fw.world.users["section_head"]) == coach_few


def test_coaching_person_query_count_constant(client, fw):
    log(fw)
    client.force_login(fw.world.users["section_head"])
    url = reverse("execution:coaching_person", args=[fw.world.staff.uuid])
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for index in range(10):
        session = log(fw, topic=f"Sesi {index}")
        coaching_feedback_give(session=session, answers=[4] * 9, actor=None)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)
