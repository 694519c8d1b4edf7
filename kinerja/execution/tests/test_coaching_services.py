import datetime

import pytest

from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.core.models import ActivityLog
from kinerja.execution.enums import CoachingKind
from kinerja.execution.models import CoachingFeedback, CoachingSession, CompetenceScore
from kinerja.execution.selectors_coaching import (
    coaching_feedback_summary,
    coaching_sessions_visible_to,
    competence_evaluations_visible_to,
)
from kinerja.execution.services.coaching import (
    ScoreInput,
    coaching_feedback_give,
    coaching_session_log,
    competence_evaluation_create,
)
from kinerja.notifications.models import Notification


def log(fw, **overrides):
    values = {
        "employee": fw.world.staff,
        "held_on": today(),
        "kind": CoachingKind.COACHING,
        "topic": "Verifikasi berkas rujukan",
        "notes": "Membahas keterlambatan verifikasi.",
        "agreed_actions": "Membuat daftar periksa.",
        "follow_up_on": today() + datetime.timedelta(days=14),
        "actor": fw.world.users["section_head"],
    }
    values.update(overrides)
    return coaching_session_log(**values)


def test_session_log_records_period_coach_and_notifies(fw):
    session = log(fw)
    assert session.coach == fw.world.section_head
    assert session.period == fw.period
    assert Notification.objects.filter(recipient=fw.world.users["staff"]).count() == 1
    assert ActivityLog.objects.filter(action="execution.coaching_session_log").count() == 1


@pytest.mark.parametrize(
    "overrides",
    [
        {"held_on": today() + datetime.timedelta(days=1)},
        {"follow_up_on": today() - datetime.timedelta(days=1)},
        {"topic": ""},
        {"kind": "gossip"},
    ],
)
def test_session_log_bad_input_refused(fw, overrides):
    with pytest.raises(ApplicationError):
        log(fw, **overrides)
    assert not CoachingSession.objects.exists()


def test_session_log_with_oneself_refused(fw):
    with pytest.raises(ApplicationError):
        log(fw, employee=fw.world.section_head)


def test_feedback_give_once_and_notifies_coach(fw):
    session = log(fw)
    coaching_feedback_give(
        session=session, answers=[4, 3, 4, 4, 3, 3, 4, 4, 4], actor=fw.world.users["staff"]
    )
    assert CoachingFeedback.objects.get().answers == [4, 3, 4, 4, 3, 3, 4, 4, 4]
    assert Notification.objects.filter(recipient=fw.world.users["section_head"]).count() == 1
    with pytest.raises(ApplicationError):
        coaching_feedback_give(session=session, answers=[1] * 9, actor=fw.world.users["staff"])
    assert CoachingFeedback.objects.get().answers[0] == 4


@pytest.mark.parametrize("answers", [[4] * 8, [4] * 10, [0] + [4] * 8, [5] + [4] * 8])
def test_feedback_give_bad_answers_refused(fw, answers):
    session = log(fw)
    with pytest.raises(ApplicationError):
        coaching_feedback_give(session=session, answers=answers, actor=fw.world.users["staff"])
    assert not CoachingFeedback.objects.exists()


def test_feedback_summary_means_per_statement(fw):
    first, second, third = log(fw), log(fw, topic="Dua"), log(fw, topic="Tiga")
    coaching_feedback_give(session=first, answers=[4] * 9, actor=fw.world.users["staff"])
    coaching_feedback_give(session=second, answers=[1, 2, 3, 4, 1, 2, 3, 4, 1], actor=None)
    summary = coaching_feedback_summary(
        CoachingSession.objects.filter(pk__in=[first.pk, second.pk, third.pk])
    )
    assert (summary.sessions, summary.answered) == (3, 2)
    assert [s.mean for s in summary.statements] == [2.5, 3.0, 3.5, 4.0, 2.5, 3.0, 3.5, 4.0, 2.5]


def test_competence_evaluation_saves_scores(fw):
    evaluation = competence_evaluation_create(
        employee=fw.world.staff,
        evaluated_on=today(),
        scores=[
            ScoreInput("Integritas", 4, "Jujur dalam pelaporan."),
            ScoreInput("Kerja Sama", 3, "Cukup aktif dalam tim."),
        ],
        actor=fw.world.users["section_head"],
    )
    assert list(evaluation.scores.values_list("competence", "score")) == [
        ("Integritas", 4),
        ("Kerja Sama", 3),
    ]
    assert Notification.objects.filter(recipient=fw.world.users["staff"]).count() == 1


@pytest.mark.parametrize(
    "scores",
    [
        [],
        [ScoreInput("Integritas", 6, "Terlalu tinggi")],
        [ScoreInput("Integritas", 0, "Tanpa nilai")],
        [ScoreInput("Integritas", 3, "  ")],
        [ScoreInput("", 3, "Tanpa nama")],
        [ScoreInput("Integritas", 3, "Satu"), ScoreInput("integritas", 4, "Dua")],
    ],
)
def test_competence_evaluation_bad_scores_refused(fw, scores):
    with pytest.raises(ApplicationError):
        competence_evaluation_create(
            employee=fw.world.staff,
            evaluated_on=today(),
            scores=scores,
            actor=fw.world.users["section_head"],
        )
    assert not CompetenceScore.objects.exists()


def test_sessions_visible_to_people_around_the_employee(fw):
    session = log(fw)
    users = fw.world.users
    for who in ["staff", "section_head", "division_head", "hr"]:
        assert list(coaching_sessions_visible_to(users[who])) == [session], who
    for who in ["peer", "nurse", "other_hr"]:
        assert not coaching_sessions_visible_to(users[who]).exists(), who


def test_evaluations_visible_to_people_around_the_employee(fw):
    competence_evaluation_create(
        employee=fw.world.staff,
        evaluated_on=today(),
        scores=[ScoreInput("Integritas", 4, "Jujur")],
        actor=fw.world.users["section_head"],
    )
    users = fw.world.users
    for who in ["staff", "section_head", "division_head", "hr"]:
        assert competence_evaluations_visible_to(users[who]).count() == 1, who
    for who in ["peer", "other_hr"]:
        assert not competence_evaluations_visible_to(users[who]).exists(), who
