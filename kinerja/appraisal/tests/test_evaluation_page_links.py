# ruff: noqa: F811 -- pytest fixtures imported from evaluation_setup
"""What the issue-4 journey needs from the evaluation page: the assessor sees the
unit's distribution warning beside the predicate (the employee does not), and whoever
may download a rated evaluation finds the link to its PDF."""

import pytest
from django.urls import reverse

from kinerja.appraisal.enums import Rating
from kinerja.appraisal.services.evaluation import (
    evaluation_finalise,
    evaluation_for,
    evaluation_rate,
)
from kinerja.appraisal.services.organisation import organisation_result_record
from kinerja.appraisal.tests.evaluation_setup import plan, team  # noqa: F401 -- fixtures

pytestmark = pytest.mark.django_db


def _url(skp, window):
    return reverse("appraisal:evaluation", args=[skp.uuid, window.uuid if window else "tahunan"])


def _rate(team, skp, results=Rating.ABOVE, behaviour=Rating.ABOVE):
    return evaluation_rate(
        evaluation=evaluation_for(skp=skp, window=team.q1),
        results_rating=results,
        behaviour_rating=behaviour,
        justification="Kalibrasi",
        actor=team.assessor,
    )


def test_evaluation_page_shows_distribution_warning_to_assessor(client, world, team):
    organisation_result_record(
        unit=world.section,
        period=team.plan.period,
        window=team.q1,
        predicate="kurang",
        actor=world.users["division_head"],
    )
    _rate(team, team.staff)
    _rate(team, team.peer)
    client.force_login(world.users["section_head"])
    response = client.get(_url(team.staff, team.q1))
    assert response.status_code == 200
    distribution = response.context["distribution"]
    assert distribution.result.predicate == "kurang"
    assert distribution.total == 2
    assert distribution.findings and not distribution.all_ok
    html = response.content.decode()
    assert 'data-testid="distribution"' in html
    assert 'class="distribution-rule' in html and 'data-ok="false"' in html


def test_evaluation_page_without_organisation_result_says_so(client, world, team):
    _rate(team, team.staff)
    client.force_login(world.users["section_head"])
    response = client.get(_url(team.staff, team.q1))
    assert response.context["distribution"].findings == []
    assert "distribution-none" in response.content.decode()


def test_employee_reads_final_result_with_pdf_link_and_no_distribution(client, world, team):
    evaluation = _rate(team, team.staff)
    client.force_login(world.users["staff"])
    assert client.get(_url(team.staff, team.q1)).status_code == 404  # not final yet
    evaluation_finalise(evaluation=evaluation, actor=team.assessor)
    response = client.get(_url(team.staff, team.q1))
    assert response.status_code == 200
    assert response.context["distribution"] is None
    pdf = reverse("reporting:evaluation_pdf", args=[evaluation.uuid])
    assert response.context["can_download"] and pdf in response.content.decode()
    download = client.get(pdf)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download.content.startswith(b"%PDF-")


def test_unrated_evaluation_has_no_pdf_link(client, world, team):
    client.force_login(world.users["section_head"])
    response = client.get(_url(team.staff, team.q1))
    assert response.status_code == 200
    assert response.context["can_download"] is False
    assert 'data-testid="evaluation-pdf"' not in response.content.decode()
