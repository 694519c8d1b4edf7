"""The survey API: public form and submission without login under the same checks, and
survey units, periods and results for HR and leaders."""

import json

from django.urls import reverse

from kinerja.surveys.enums import RejectionReason
from kinerja.surveys.models import RejectedSubmission, Response, SurveyUnit
from kinerja.surveys.tests.conftest import add_responses

API = "/api/v1"


def post_json(client, url, data, **extra):
    return client.post(url, json.dumps(data), content_type="application/json", **extra)


def all_fours():
    return {f"u{n}": 4 for n in range(1, 10)}


def test_api_public_form_and_submission_without_login(client, survey):
    form = client.get(f"{API}/surveys/form", {"slug": survey.unit.slug})
    assert form.status_code == 200
    body = form.json()
    assert body["open"] is True and len(body["elements"]) == 9
    assert body["elements"][5]["answers"][3] == "Sangat kompeten"
    response = post_json(
        client,
        f"{API}/surveys/responses",
        {"slug": survey.unit.slug, "token": body["token"], "answers": all_fours(), "sex": "F",
         "service": str(survey.service.uuid)},
    )  # fmt: skip
    assert response.status_code == 201
    assert Response.objects.get().service == survey.service


def test_api_public_replay_and_bad_values_are_refused_and_counted(client, survey):
    token = client.get(f"{API}/surveys/form", {"slug": survey.unit.slug}).json()["token"]
    url = f"{API}/surveys/responses"
    assert (
        post_json(
            client, url, {"slug": survey.unit.slug, "token": token, "answers": all_fours()}
        ).status_code
        == 201
    )
    replay = post_json(
        client, url, {"slug": survey.unit.slug, "token": token, "answers": all_fours()}
    )
    assert replay.status_code == 400
    assert replay["Content-Type"].startswith("application/problem+json")
    token = client.get(f"{API}/surveys/form", {"slug": survey.unit.slug}).json()["token"]
    bad = {**all_fours(), "u9": 7}
    assert (
        post_json(
            client, url, {"slug": survey.unit.slug, "token": token, "answers": bad}
        ).status_code
        == 400
    )
    token = client.get(f"{API}/surveys/form", {"slug": survey.unit.slug}).json()["token"]
    honeypot = {"slug": survey.unit.slug, "token": token, "answers": all_fours(), "website": "x"}
    assert post_json(client, url, honeypot).status_code == 400
    counts = dict(
        RejectedSubmission.objects.filter(survey_unit=survey.unit).values_list("reason", "count")
    )
    assert counts == {
        RejectionReason.TOKEN_REPLAYED: 1,
        RejectionReason.INVALID: 1,
        RejectionReason.HONEYPOT: 1,
    }
    assert Response.objects.count() == 1


def test_api_public_flood_is_rate_limited(client, survey, settings):
    settings.SURVEY_GUARD = {"rate_limit": 2}
    url = f"{API}/surveys/responses"
    statuses = []
    for value in (1, 2, 3):
        token = client.get(f"{API}/surveys/form", {"slug": survey.unit.slug}).json()["token"]
        answers = {f"u{n}": value for n in range(1, 10)}
        statuses.append(
            post_json(
                client, url, {"slug": survey.unit.slug, "token": token, "answers": answers}
            ).status_code
        )
    assert statuses == [201, 201, 429]


def test_api_results_for_hr_and_not_for_employee(client, world, survey):
    add_responses(survey.unit, survey.period, [(4,) * 9, (3,) * 9, (2,) * 9])
    client.force_login(world.users["hr"])
    body = client.get(f"{API}/survey-units/{survey.unit.uuid}/results").json()
    assert body["ikm"] == "75.00" and body["grade"] == "C" and body["provisional"] is True
    assert body["required_sample"] == 80
    assert body["elements"][0]["interval"]["low"] < 3 < body["elements"][0]["interval"]["high"]
    assert [w["code"] for w in body["warnings"]] == ["sample_below_required"]
    client.force_login(world.users["staff"])
    assert client.get(f"{API}/survey-units/{survey.unit.uuid}/results").status_code == 404


def test_api_hr_sets_up_a_survey_and_a_period(client, world):
    client.force_login(world.users["hr"])
    created = post_json(
        client, f"{API}/survey-units", {"unit": str(world.health.uuid), "slug": "dinkes"}
    )
    assert created.status_code == 201
    uuid = created.json()["uuid"]
    assert created.json()["public_url"].endswith(reverse("surveys:public_form", args=["dinkes"]))
    period = post_json(
        client,
        f"{API}/survey-units/{uuid}/periods",
        {"name": "2027-I", "start_date": "2027-01-01", "end_date": "2027-03-31"},
    )
    assert period.status_code == 201
    patched = client.patch(
        f"{API}/survey-units/{uuid}", json.dumps({"population_served": 900}),
        content_type="application/json",
    )  # fmt: skip
    assert patched.json()["population_served"] == 900


def test_api_leader_cannot_set_up(client, world):
    client.force_login(world.users["leader"])
    created = post_json(
        client, f"{API}/survey-units", {"unit": str(world.health.uuid), "slug": "dinkes"}
    )
    assert created.status_code == 404
    assert not SurveyUnit.objects.exists()


def test_api_only_the_public_survey_takes_no_credentials():
    from kinerja.api.api import api

    schema = api.get_openapi_schema()
    open_operations = {
        f"{method.upper()} {path}"
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if not operation.get("security")
    }
    assert open_operations == {"GET /api/v1/surveys/form", "POST /api/v1/surveys/responses"}


def test_api_agency_wide_period_needs_hr_over_the_whole_agency(client, world):
    from django.contrib.auth import get_user_model

    from kinerja.access.models import RoleKind, ScopedRole
    from kinerja.surveys.models import SurveyPeriod

    survey_unit = SurveyUnit.objects.create(unit=world.health, slug="dinkes")
    url = f"{API}/survey-units/{survey_unit.uuid}/periods"
    shared = {"name": "2027 bersama", "start_date": "2027-01-01", "end_date": "2027-06-30",
              "agency_wide": True}  # fmt: skip
    unit_hr = get_user_model().objects.create_user(username="sdm.dinkes", password=None)
    ScopedRole.objects.create(
        user=unit_hr, role=RoleKind.HR_ADMIN, agency=world.agency, unit=world.health
    )
    client.force_login(unit_hr)
    assert post_json(client, url, shared).status_code == 403
    assert not SurveyPeriod.objects.filter(name="2027 bersama").exists()
    client.force_login(world.users["hr"])
    created = post_json(client, url, shared)
    assert created.status_code == 201 and created.json()["agency_wide"] is True
    assert SurveyPeriod.objects.get(name="2027 bersama").unit_id is None
