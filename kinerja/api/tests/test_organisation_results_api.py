"""The organisation results, distribution and assessment policy endpoints."""
# ruff: noqa: F811 -- pytest fixtures imported from organisation_world

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.api.tests.conftest import API, PROBLEM
from kinerja.appraisal.models import AppraisalPolicy, OrganisationResult
from kinerja.appraisal.services.organisation import organisation_result_record
from kinerja.appraisal.tests.organisation_world import add_rated, calibration, plan  # noqa: F401
from kinerja.core.models import ActivityLog


def _post(client, path, data):
    return client.post(f"{API}{path}", data, content_type="application/json")


def _put(client, path, data):
    return client.put(f"{API}{path}", data, content_type="application/json")


def test_record_then_change_with_reason(bearer, world, plan):
    client = bearer("division_head")
    path = f"/units/{world.section.uuid}/organisation-results"
    window = plan.period.windows.order_by("number").first()
    body = {"period": str(plan.period.uuid), "window": str(window.uuid), "predicate": "baik"}
    created = _post(client, path, body)
    assert created.status_code == 201, created.content
    data = created.json()
    assert data["predicate"] == "baik"
    assert data["window"]["uuid"] == str(window.uuid)
    assert data["recorded_by"]["uuid"] == str(world.division_head.uuid)

    refused = _post(client, path, {**body, "predicate": "kurang"})
    assert refused.status_code in (400, 422)
    assert refused["Content-Type"].startswith(PROBLEM)
    assert OrganisationResult.objects.get().predicate == "baik"

    changed = _post(client, path, {**body, "predicate": "kurang", "reason": "Audit internal"})
    assert changed.status_code == 200
    assert changed.json()["predicate"] == "kurang"
    assert ActivityLog.objects.get(action="appraisal.organisation_result_change").reason == (
        "Audit internal"
    )

    listed = client.get(f"{API}{path}", {"period": str(plan.period.uuid)})
    assert listed.status_code == 200
    assert [r["predicate"] for r in listed.json()] == ["kurang"]


def test_record_refused_to_the_unit_head_and_hidden_from_other_agency(bearer, world, plan):
    path = f"/units/{world.section.uuid}/organisation-results"
    body = {"period": str(plan.period.uuid), "predicate": "istimewa"}
    assert _post(bearer("section_head"), path, body).status_code == 403
    assert _post(bearer("other_hr"), path, body).status_code == 404
    assert not OrganisationResult.objects.exists()


def test_record_with_a_window_of_another_period_is_a_problem(bearer, world, plan):
    from kinerja.planning.services import period_create

    other = period_create(agency=world.agency, year=plan.period.year + 1)
    response = _post(
        bearer("hr"),
        f"/units/{world.section.uuid}/organisation-results",
        {
            "period": str(plan.period.uuid),
            "window": str(other.windows.first().uuid),
            "predicate": "baik",
        },
    )
    assert response.status_code == 400
    assert not OrganisationResult.objects.exists()


def test_distribution_for_the_assessor_counts_their_assessees(bearer, world, calibration):
    c = calibration
    organisation_result_record(
        unit=world.section, period=c.period, window=c.window, predicate="baik", actor=None
    )
    response = bearer("section_head").get(
        f"{API}/units/{world.section.uuid}/distribution",
        {"period": str(c.period.uuid), "window": str(c.window.uuid)},
    )
    assert response.status_code == 200
    data = response.json()
    assert data["organisation_predicate"] == "baik"
    assert data["total"] == 2
    assert data["counts"]["baik"] == 1 and data["counts"]["sangat_baik"] == 1
    assert [f["ok"] for f in data["findings"]] == [False, False]
    assert data["findings"][0]["minimum"] == 2
    assert data["whole_unit"] is False
    assert "SE MenPAN-RB 3/2023" in data["guide_text"]


def test_distribution_refused_to_staff(bearer, world, calibration):
    response = bearer("staff").get(
        f"{API}/units/{world.section.uuid}/distribution", {"period": str(calibration.period.uuid)}
    )
    assert response.status_code == 403


def test_distribution_query_count_does_not_grow(bearer, world, calibration):
    c = calibration
    client = bearer("hr")
    url = f"{API}/units/{world.section.uuid}/distribution"
    query = {"period": str(c.period.uuid), "window": str(c.window.uuid)}
    client.get(url, query)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url, query).status_code == 200
    add_rated(world, c.period, c.window, 12)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url, query)
    assert response.json()["total"] == 14
    assert len(many) == len(few)


POLICY = {
    "as_expected_from": "80",
    "above_from": "100",
    "achievement_cap": "140",
    "rounding": "strict",
    "objection_days": 14,
    "decision_days": 7,
}


def test_policy_get_and_put(bearer, world):
    path = f"/agencies/{world.agency.uuid}/assessment-policy"
    got = bearer("staff").get(f"{API}{path}")
    assert got.status_code == 200
    assert got.json()["is_default"] is True
    assert got.json()["rounding"] == "favourable"
    assert _put(bearer("staff"), path, POLICY).status_code == 403
    put = _put(bearer("hr"), path, POLICY)
    assert put.status_code == 200, put.content
    assert put.json()["rounding"] == "strict" and put.json()["is_default"] is False
    assert AppraisalPolicy.objects.get().decision_days == 7


def test_policy_put_refuses_thresholds_out_of_order(bearer, world):
    path = f"/agencies/{world.agency.uuid}/assessment-policy"
    response = _put(bearer("hr"), path, {**POLICY, "above_from": "70"})
    assert response.status_code in (400, 422)
    assert not AppraisalPolicy.objects.exists()
    assert _put(bearer("other_hr"), path, POLICY).status_code == 404
