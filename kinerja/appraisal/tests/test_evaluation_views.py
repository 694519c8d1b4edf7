# ruff: noqa: F811 -- pytest fixtures imported from evaluation_setup
"""The evaluation pages through the test client: the queue with its filter, the
evaluation page with its why panels and next/previous, rating and finalising, the
employee's own results, permissions and query counts."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.appraisal.enums import EmployeePredicate as PredicateChoice
from kinerja.appraisal.enums import EvaluationStatus, Rating
from kinerja.appraisal.models import Evaluation
from kinerja.appraisal.services.evaluation import (
    evaluation_finalise,
    evaluation_for,
    evaluation_rate,
)
from kinerja.appraisal.tests.evaluation_setup import (  # noqa: F401 -- fixtures
    approved_for,
    fill,
    indicators_of,
    plan,
    report,
    team,
)
from kinerja.core.models import ActivityLog
from kinerja.execution.models import FeedbackMessage
from kinerja.org.tests.factories import AssignmentFactory, EmployeeFactory
from kinerja.planning.enums import Aspect
from kinerja.regulation.predicate import EmployeePredicate

pytestmark = pytest.mark.django_db


def _url(skp, window, name="appraisal:evaluation"):
    return reverse(name, args=[skp.uuid, window.uuid if window else "tahunan"])


def _login(client, world, key):
    client.force_login(world.users[key])


def _rated(team, skp, results=Rating.AS_EXPECTED, behaviour=Rating.AS_EXPECTED):
    return evaluation_rate(
        evaluation=evaluation_for(skp=skp, window=team.q1),
        results_rating=results,
        behaviour_rating=behaviour,
        actor=team.assessor,
    )


# --- the queue -------------------------------------------------------------------------


def test_queue_lists_assessees_with_state(client, world, team):
    (indicator,) = indicators_of(team.staff)
    report(team.staff, team.q1, {indicator: 3})
    _rated(team, team.peer)
    _login(client, world, "section_head")
    response = client.get(reverse("appraisal:queue"), {"window": team.q1.uuid})
    assert response.status_code == 200
    rows = {row.skp.pk: row for row in response.context["rows"]}
    assert set(rows) == {team.staff.pk, team.peer.pk}
    assert rows[team.staff.pk].report_submitted and not rows[team.staff.pk].is_rated
    assert rows[team.peer.pk].is_rated and not rows[team.peer.pk].is_final
    assert response.context["waiting_count"] == 1


def test_queue_waiting_filter_keeps_only_submitted_not_final(client, world, team):
    (indicator,) = indicators_of(team.staff)
    report(team.staff, team.q1, {indicator: 3})
    _login(client, world, "section_head")
    response = client.get(reverse("appraisal:queue"), {"window": team.q1.uuid, "waiting": "1"})
    assert [row.skp.pk for row in response.context["rows"]] == [team.staff.pk]
    evaluation_finalise(evaluation=_rated(team, team.staff), actor=team.assessor)
    response = client.get(reverse("appraisal:queue"), {"window": team.q1.uuid, "waiting": "1"})
    assert response.context["rows"] == []


def test_queue_annual_lists_everyone_waiting(client, world, team):
    _login(client, world, "section_head")
    response = client.get(reverse("appraisal:queue"), {"window": "tahunan"})
    assert response.context["annual"] is True
    assert response.context["waiting_count"] == 2


def test_queue_defaults_to_latest_past_window(client, world, team):
    from kinerja.core.clock import today

    _login(client, world, "section_head")
    response = client.get(reverse("appraisal:queue"))
    past = [w for w in team.windows if w.end_date < today()]
    expected = past[-1] if past else team.windows[0]
    assert response.context["window"] == expected


def test_queue_of_peer_is_empty(client, world, team):
    _login(client, world, "peer")
    response = client.get(reverse("appraisal:queue"), {"window": team.q1.uuid})
    assert response.status_code == 200
    assert response.context["rows"] == []


def _assessees(world, count):
    """``count`` more staff in the Seksi Rujukan, each with an approved SKP."""
    position = world.staff.assignments.first().position
    people = []
    for number in range(count):
        employee = EmployeeFactory(agency=world.agency, name=f"Staf Tambahan {number:02d}")
        start = world.staff.assignments.first().start_date
        AssignmentFactory(employee=employee, position=position, start_date=start)
        people.append(employee)
    return people


def _queue_queries(client, team, window):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("appraisal:queue"), {"window": window.uuid})
    assert response.status_code == 200
    return len(captured), len(response.context["rows"])


def test_queue_query_count_is_constant(client, world, team):
    _login(client, world, "section_head")
    client.get(reverse("appraisal:queue"))  # warm the session and caches
    few, rows_few = _queue_queries(client, team, team.q1)
    for employee in _assessees(world, 10):
        skp = approved_for(team.plan, employee, approver=world.section_head)
        report(skp, team.q1, {indicators_of(skp)[0]: 2})
        evaluation_rate(
            evaluation=evaluation_for(skp=skp, window=team.q1),
            results_rating=Rating.BELOW,
            behaviour_rating=Rating.AS_EXPECTED,
            actor=team.assessor,
        )
    many, rows_many = _queue_queries(client, team, team.q1)
    assert rows_many == rows_few + 10
    assert many == few


# --- the evaluation page ---------------------------------------------------------------


def test_evaluation_page_shows_recommendation_why_and_matrix(client, world, team):
    (indicator,) = indicators_of(team.staff)
    report(team.staff, team.q1, {indicator: 3})
    FeedbackMessage.objects.create(
        skp=team.staff,
        window=team.q1,
        result=indicator.result,
        author=world.section_head,
        text="Bukti sudah lengkap",
    )
    _login(client, world, "section_head")
    response = client.get(_url(team.staff, team.q1))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="recommendation-why"' in html
    assert 'data-rating="as_expected"' in html
    assert "Bukti sudah lengkap" in html
    assert response.context["recommendation"].explanation in html
    assert response.context["can_rate"] is True
    assert 'data-testid="matrix"' in html
    assert 'data-testid="matrix-hit"' not in html  # nothing rated yet
    assert not Evaluation.objects.exists()  # reading writes nothing


def test_evaluation_rate_view_saves_and_highlights_matrix(client, world, team):
    (indicator,) = indicators_of(team.staff)
    report(team.staff, team.q1, {indicator: 3})
    _login(client, world, "section_head")
    response = client.post(
        _url(team.staff, team.q1, "appraisal:evaluation_rate"),
        {"results_rating": "as_expected", "behaviour_rating": "above"},
    )
    assert response.status_code == 302
    evaluation = Evaluation.objects.get(skp=team.staff, window=team.q1)
    assert evaluation.predicate == EmployeePredicate.BAIK
    page = client.get(_url(team.staff, team.q1)).content.decode()
    assert page.count('data-testid="matrix-hit"') == 1
    assert 'data-predicate="baik"' in page


def test_evaluation_rate_view_departure_without_justification_shows_error(client, world, team):
    (indicator,) = indicators_of(team.staff)
    report(team.staff, team.q1, {indicator: 3})
    _login(client, world, "section_head")
    response = client.post(
        _url(team.staff, team.q1, "appraisal:evaluation_rate"),
        {"results_rating": "above", "behaviour_rating": "above", "notes": "Catatan penting"},
    )
    assert response.status_code == 400
    assert 'data-testid="justification-error"' in response.content.decode()
    assert response.context["form"]["notes"].value() == "Catatan penting"  # nothing lost
    assert not Evaluation.objects.filter(predicate__gt="").exists()


def test_evaluation_rate_htmx_answers_with_the_rating_panel(client, world, team):
    (indicator,) = indicators_of(team.staff)
    report(team.staff, team.q1, {indicator: 3})
    _login(client, world, "section_head")
    url = _url(team.staff, team.q1, "appraisal:evaluation_rate")
    refused = client.post(
        url, {"results_rating": "above", "behaviour_rating": "above"}, HTTP_HX_REQUEST="true"
    )
    assert refused.status_code == 200  # htmx swaps it in: the errors beside the fields
    assert 'data-testid="justification-error"' in refused.content.decode()
    assert 'data-testid="rating-saved"' not in refused.content.decode()
    assert not Evaluation.objects.filter(predicate__gt="").exists()
    with CaptureQueriesContext(connection) as captured:
        response = client.post(
            url,
            {"results_rating": "as_expected", "behaviour_rating": "above"},
            HTTP_HX_REQUEST="true",
        )
    panel = response.content.decode()
    assert response.status_code == 200
    assert panel.startswith('<div id="rating-panel">')
    assert 'data-testid="rating-saved"' in panel
    assert 'data-predicate="baik"' in panel and panel.count('data-testid="matrix-hit"') == 1
    assert 'hx-swap-oob="true"' in panel and 'data-status="draft"' in panel
    assert 'data-testid="finalise-form"' in panel
    assert Evaluation.objects.get(skp=team.staff, window=team.q1).predicate == "baik"
    # Cheaper than the plain form's save and the page load its redirect asks for.
    with CaptureQueriesContext(connection) as plain:
        saved = client.post(url, {"results_rating": "as_expected", "behaviour_rating": "above"})
        client.get(saved["Location"])
    assert len(captured) < len(plain) - 15


def test_evaluation_preview_uses_the_recommendation_the_page_sent(client, world, team):
    (indicator,) = indicators_of(team.staff)
    report(team.staff, team.q1, {indicator: 3})
    _login(client, world, "section_head")
    asked = {"results_rating": "above", "behaviour_rating": "above"}
    with CaptureQueriesContext(connection) as computed:
        client.get(_url(team.staff, team.q1), asked, HTTP_HX_REQUEST="true")
    with CaptureQueriesContext(connection) as sent:
        response = client.get(
            _url(team.staff, team.q1), asked | {"recommended": "above"}, HTTP_HX_REQUEST="true"
        )
    assert 'data-departs="0"' in response.content.decode()
    assert len(sent) < len(computed)


def test_evaluation_rate_view_invalid_input_is_400(client, world, team):
    _login(client, world, "section_head")
    response = client.post(
        _url(team.staff, team.q1, "appraisal:evaluation_rate"), {"results_rating": "hebat"}
    )
    assert response.status_code == 400
    assert not Evaluation.objects.exists()


def test_evaluation_preview_tells_when_justification_is_required(client, world, team):
    (indicator,) = indicators_of(team.staff)
    report(team.staff, team.q1, {indicator: 3})
    _login(client, world, "section_head")
    response = client.get(
        _url(team.staff, team.q1),
        {"results_rating": "above", "behaviour_rating": "above"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert 'data-departs="1"' in response.content.decode()
    assert response.context["preview_predicate"] == PredicateChoice.SANGAT_BAIK.label
    response = client.get(
        _url(team.staff, team.q1),
        {"results_rating": "as_expected", "behaviour_rating": "above"},
        HTTP_HX_REQUEST="true",
    )
    assert 'data-departs="0"' in response.content.decode()


def test_evaluation_finalise_view_goes_to_next_in_queue(client, world, team):
    _rated(team, team.staff if team.staff.employee.name < team.peer.employee.name else team.peer)
    rows = sorted([team.staff, team.peer], key=lambda s: (s.employee.name, s.employee.nip))
    first, second = rows
    _rated(team, first)
    _login(client, world, "section_head")
    response = client.post(_url(first, team.q1, "appraisal:evaluation_finalise"))
    assert response.status_code == 302
    assert response.url == _url(second, team.q1)
    assert Evaluation.objects.get(skp=first, window=team.q1).status == EvaluationStatus.FINAL


def test_evaluation_page_next_previous_follow_queue_and_filter(client, world, team):
    rows = sorted([team.staff, team.peer], key=lambda s: (s.employee.name, s.employee.nip))
    first, second = rows
    _login(client, world, "section_head")
    page = client.get(_url(first, team.q1))
    assert page.context["previous_url"] is None
    assert page.context["next_url"] == _url(second, team.q1)
    page = client.get(_url(second, team.q1))
    assert page.context["previous_url"] == _url(first, team.q1)
    # With "waiting for me", only submitted reports count; none is submitted here.
    page = client.get(_url(first, team.q1), {"waiting": "1"})
    assert page.context["next_url"] is None
    report(second, team.q1, {indicators_of(second)[0]: 3})
    page = client.get(_url(first, team.q1), {"waiting": "1"})
    assert page.context["next_url"] == _url(second, team.q1) + "?waiting=1"


def test_bulk_finalise_finalises_rated_only(client, world, team):
    _rated(team, team.staff)
    _login(client, world, "section_head")
    response = client.post(reverse("appraisal:queue_finalise") + f"?window={team.q1.uuid}")
    assert response.status_code == 302
    assert Evaluation.objects.get(skp=team.staff, window=team.q1).is_final
    assert not Evaluation.objects.filter(skp=team.peer).exists()


def _page_queries(client, skp, window):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(_url(skp, window))
    assert response.status_code == 200
    return len(captured)


def test_evaluation_page_query_count_is_constant(client, world, team):
    from kinerja.execution.models import Realisation
    from kinerja.planning.models import Indicator

    peer = team.peer
    result = peer.results.first()
    made = report(peer, team.q1, {indicators_of(peer)[0]: 1})
    FeedbackMessage.objects.create(
        skp=peer, window=team.q1, result=result, author=world.section_head, text="Pesan awal"
    )
    _login(client, world, "section_head")
    client.get(_url(peer, team.q1))
    few = _page_queries(client, peer, team.q1)
    # Nine more indicators with their realisations, and more feedback.
    for number in range(9):
        indicator = Indicator.objects.create(
            result=result,
            aspect=Aspect.QUANTITY,
            text=f"Tambahan {number}",
            target_value=Decimal(4),
            target_unit="laporan",
            order=number + 5,
        )
        Realisation.objects.create(report=made, indicator=indicator, value=Decimal(1))
    for number in range(5):
        FeedbackMessage.objects.create(
            skp=peer,
            window=team.q1,
            result=result,
            author=world.section_head,
            text=f"Pesan {number}",
        )
    many = _page_queries(client, peer, team.q1)
    assert len(indicators_of(peer)) == 10
    assert many == few


# --- the employee's view and permissions ------------------------------------------------


def test_employee_sees_own_evaluation_only_when_final(client, world, team):
    evaluation = _rated(team, team.staff)
    _login(client, world, "staff")
    assert client.get(_url(team.staff, team.q1)).status_code == 404
    assert client.get(reverse("appraisal:my_evaluations")).context["rows"] == []
    evaluation_finalise(evaluation=evaluation, actor=team.assessor)
    response = client.get(_url(team.staff, team.q1))
    assert response.status_code == 200
    assert response.context["can_rate"] is False
    assert 'data-testid="predicate-why"' in response.content.decode()
    rows = client.get(reverse("appraisal:my_evaluations")).context["rows"]
    assert [r["evaluation"].pk for r in rows] == [evaluation.pk]


def test_peer_cannot_rate_and_nothing_changes(client, world, team):
    _login(client, world, "peer")
    response = client.post(
        _url(team.staff, team.q1, "appraisal:evaluation_rate"),
        {"results_rating": "above", "behaviour_rating": "above", "justification": "x"},
    )
    assert response.status_code == 404
    assert not Evaluation.objects.exists()
    assert not ActivityLog.objects.filter(action__startswith="appraisal.").exists()


def test_assessors_superior_reads_but_cannot_rate(client, world, team):
    evaluation = _rated(team, team.staff)
    _login(client, world, "division_head")
    assert client.get(_url(team.staff, team.q1)).status_code == 200
    response = client.post(
        _url(team.staff, team.q1, "appraisal:evaluation_rate"),
        {"results_rating": "below", "behaviour_rating": "below"},
    )
    assert response.status_code == 403
    response = client.post(_url(team.staff, team.q1, "appraisal:evaluation_finalise"))
    assert response.status_code == 403
    evaluation.refresh_from_db()
    assert evaluation.results_rating == Rating.AS_EXPECTED
    assert evaluation.status == EvaluationStatus.DRAFT


def test_final_evaluation_refuses_rating_through_view(client, world, team):
    evaluation = _rated(team, team.staff)
    evaluation_finalise(evaluation=evaluation, actor=team.assessor)
    _login(client, world, "section_head")
    response = client.post(
        _url(team.staff, team.q1, "appraisal:evaluation_rate"),
        {"results_rating": "below", "behaviour_rating": "below"},
    )
    assert response.status_code == 400
    evaluation.refresh_from_db()
    assert evaluation.results_rating == Rating.AS_EXPECTED


def test_unknown_window_is_404(client, world, team):
    _login(client, world, "section_head")
    response = client.get(reverse("appraisal:evaluation", args=[team.staff.uuid, "bukan"]))
    assert response.status_code == 404


def test_annual_page_renders(client, world, team):
    (indicator,) = indicators_of(team.staff)
    report(team.staff, team.q1, {indicator: 3})
    _login(client, world, "section_head")
    response = client.get(_url(team.staff, None))
    assert response.status_code == 200
    assert response.context["recommendation"].rows[0].window_target == Decimal(12)


def test_evaluation_page_shows_attendance_beside_behaviour_rating(client, world, team):
    from kinerja.execution.models import AttendanceSummary

    AttendanceSummary.objects.create(
        employee=world.staff,
        window=team.q1,
        working_days=62,
        present_days=58,
        late_count=3,
        absent_days=1,
    )
    _login(client, world, "section_head")
    response = client.get(_url(team.staff, team.q1))
    assert response.context["attendance_total"] == {
        "working_days": 62,
        "present_days": 58,
        "late_count": 3,
        "absent_days": 1,
    }
    html = response.content.decode()
    assert 'data-testid="attendance-hint"' in html
    assert 'data-testid="attendance"' in html
