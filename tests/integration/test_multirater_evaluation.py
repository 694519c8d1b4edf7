"""The 360° summary beside the behaviour rating on the evaluation page (appraisal),
shown to the assessor and never turned into a score; hidden from those who may not
read it. Cross-app: multirater feeds appraisal through a template include."""

# ruff: noqa: F811 -- pytest fixtures imported from the apps' test setups

from django.urls import reverse

from kinerja.appraisal.models import Evaluation
from kinerja.appraisal.tests.evaluation_setup import plan, team  # noqa: F401 -- fixtures
from kinerja.multirater.services import answer_submit, round_close, round_open
from kinerja.regulation.berakhlak import CORE_VALUE_CODES


def _closed_round(world, period):
    round_ = round_open(root_unit=world.section, period=period, actor=world.users["hr"])
    subject = round_.subjects.get(employee=world.staff)
    for assignment in subject.assignments.select_related("rater__user"):
        answer_submit(
            assignment=assignment,
            scores=dict.fromkeys(CORE_VALUE_CODES, 4),
            actor=assignment.rater.user,
        )
    return round_close(round=round_, actor=world.users["hr"])


def test_evaluation_page_shows_the_360_summary_to_the_assessor(client, team, world):
    _closed_round(world, team.plan.period)
    url = reverse("appraisal:evaluation", args=[team.staff.uuid, team.q1.uuid])
    client.force_login(world.users["section_head"])
    response = client.get(url)
    assert response.status_code == 200
    assert b'data-testid="multirater-summary"' in response.content
    # Input, not a score: showing it rates nothing.
    assert not Evaluation.objects.filter(behaviour_rating__gt="").exists()


def test_evaluation_page_without_a_round_shows_no_summary(client, team, world):
    url = reverse("appraisal:evaluation", args=[team.staff.uuid, team.q1.uuid])
    client.force_login(world.users["section_head"])
    response = client.get(url)
    assert response.status_code == 200
    assert b"multirater-summary" not in response.content


def test_summary_tag_refuses_readers_without_the_permission(rf, team, world):
    from django.template import Context, Template

    _closed_round(world, team.plan.period)
    template = Template(
        "{% load multirater_tags %}{% multirater_summary_for employee period as s %}"
        "{% if s %}shown{% else %}none{% endif %}"
    )
    for key, expected in [("section_head", "shown"), ("staff", "shown"), ("nurse", "none")]:
        request = rf.get("/")
        request.user = world.users[key]
        context = Context({"request": request, "employee": world.staff, "period": team.plan.period})
        assert template.render(context) == expected, key
