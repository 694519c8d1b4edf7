"""Answers naming an officer: shown to their assessor and HR only as an aggregate, and
only from the threshold (at least three, configurable, never below three)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kinerja.access.permissions import may
from kinerja.surveys.selectors import officer_summaries
from kinerja.surveys.tests.conftest import add_responses


def employee_page(client, world, viewer, employee):
    client.force_login(world.users[viewer])
    return client.get(reverse("org:employee_detail", args=[employee.uuid])).content.decode()


def test_officer_two_answers_show_nothing(client, world, survey):
    add_responses(survey.unit, survey.period, [(4,) * 9, (1,) * 9], officer=world.nurse)
    html = employee_page(client, world, "puskesmas_head", world.nurse)
    assert 'id="officer-survey-summary"' in html
    assert "data-officer-hidden" in html and "data-officer-index" not in html
    summary = officer_summaries(world.nurse)[0]
    assert summary.respondents == 2 and not summary.shown


def test_officer_three_answers_show_the_aggregate(client, world, survey):
    add_responses(survey.unit, survey.period, [(4,) * 9, (3,) * 9, (2,) * 9], officer=world.nurse)
    html = employee_page(client, world, "puskesmas_head", world.nurse)
    assert "data-officer-index" in html
    assert "75,00" in html  # (4 + 3 + 2) / 3 × 25
    summary = officer_summaries(world.nurse)[0]
    assert summary.shown and str(summary.index.index_display) == "75.00"


def test_officer_threshold_is_configurable_but_never_below_three(world, survey):
    add_responses(survey.unit, survey.period, [(4,) * 9] * 4, officer=world.nurse)
    survey.unit.officer_threshold = 5
    survey.unit.save()
    assert not officer_summaries(world.nurse)[0].shown
    survey.unit.officer_threshold = 2
    with pytest.raises(ValidationError):
        survey.unit.full_clean()


@pytest.mark.parametrize(
    ("viewer", "allowed"),
    [("puskesmas_head", True), ("hr", True), ("superadmin", True), ("nurse", False),
     ("head_of_office", False), ("leader", False), ("staff", False), ("other_hr", False)],
)  # fmt: skip
def test_officer_summary_permission(client, world, survey, viewer, allowed):
    add_responses(survey.unit, survey.period, [(4,) * 9] * 3, officer=world.nurse)
    assert may(world.users[viewer], "surveys.view_officer_summary", world.nurse) is allowed
    client.force_login(world.users[viewer])
    response = client.get(reverse("org:employee_detail", args=[world.nurse.uuid]))
    if response.status_code == 200:
        assert ('id="officer-survey-summary"' in response.content.decode()) is allowed


def test_officer_summary_is_only_for_the_named_officer(world, survey):
    add_responses(survey.unit, survey.period, [(4,) * 9] * 3, officer=world.nurse)
    add_responses(survey.unit, survey.period, [(1,) * 9] * 3)
    assert officer_summaries(world.puskesmas_head) == []
    assert officer_summaries(world.nurse)[0].respondents == 3
