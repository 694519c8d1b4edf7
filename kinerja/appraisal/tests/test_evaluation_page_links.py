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
from kinerja.appraisal.services.objection import objection_decide, objection_file
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


def test_annual_result_changed_by_objection_says_so_not_a_departure(client, world, team):
    annual = evaluation_rate(
        evaluation=evaluation_for(skp=team.staff, window=None),
        results_rating=Rating.AS_EXPECTED,
        behaviour_rating=Rating.AS_EXPECTED,
        justification="Sesuai capaian",
        actor=team.assessor,
    )
    annual.justification = ""
    annual.recommended_results_rating = Rating.AS_EXPECTED
    annual.save(update_fields=["justification", "recommended_results_rating"])
    evaluation_finalise(evaluation=annual, actor=team.assessor)
    objection = objection_file(
        evaluation=annual, reasons="Target terlampaui", actor=world.users["staff"]
    )
    objection_decide(
        objection=objection,
        decision="change",
        results_rating=Rating.ABOVE,
        behaviour_rating=Rating.ABOVE,
        reason="Bukti menunjukkan target terlampaui",
        actor=world.users["division_head"],
    )
    client.force_login(world.users["staff"])
    html = client.get(_url(team.staff, None)).content.decode()
    assert 'data-testid="changed-by-objection"' in html
    assert reverse("appraisal:objection_detail", args=[objection.uuid]) in html
    assert 'data-testid="departed"' not in html  # the assessor did not depart
