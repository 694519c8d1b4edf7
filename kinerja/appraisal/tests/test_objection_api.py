import pytest

from kinerja.appraisal.enums import ObjectionStatus
from kinerja.appraisal.models import Objection
from kinerja.appraisal.services.credit_points import credit_points_award
from kinerja.appraisal.tests.objection_world import final

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_final(world, year):
    return final(year.staff, world.section_head, "below", "as_expected")


def test_objection_api_file_state_decide(client, world, year, staff_final):
    client.force_login(world.users["staff"])
    response = client.post(
        "/api/v1/objections",
        {"skp": str(year.staff.uuid), "reasons": "Target tercapai"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    uuid = response.json()["uuid"]
    assert response.json()["decider"]["uuid"] == str(world.division_head.uuid)

    client.force_login(world.users["section_head"])
    response = client.post(
        f"/api/v1/objections/{uuid}/statement",
        {"statement": "Dua target meleset"},
        content_type="application/json",
    )
    assert response.status_code == 200
    denied = client.post(
        f"/api/v1/objections/{uuid}/decision",
        {"decision": "uphold", "reason": "x"},
        content_type="application/json",
    )
    assert denied.status_code == 403

    client.force_login(world.users["division_head"])
    listed = client.get("/api/v1/objections?role=decide").json()
    assert [item["uuid"] for item in listed["items"]] == [uuid]
    response = client.post(
        f"/api/v1/objections/{uuid}/decision",
        {
            "decision": "change",
            "results_rating": "as_expected",
            "behaviour_rating": "above",
            "reason": "Bukti lengkap",
        },
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["new_predicate"] == "baik"
    again = client.post(
        f"/api/v1/objections/{uuid}/decision",
        {"decision": "uphold", "reason": "lagi"},
        content_type="application/json",
    )
    assert again.status_code == 400
    assert Objection.objects.get().status == ObjectionStatus.CHANGED


def test_objection_api_hidden_from_others(client, world, year, staff_final):
    client.force_login(world.users["peer"])
    response = client.post(
        "/api/v1/objections",
        {"skp": str(year.staff.uuid), "reasons": "x"},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not Objection.objects.exists()


def test_credit_points_api(client, world, year):
    evaluation = final(year.nurse, world.puskesmas_head, "above", "above")
    credit_points_award(evaluation=evaluation, actor=None)
    client.force_login(world.users["nurse"])
    items = client.get(f"/api/v1/employees/{world.nurse.uuid}/credit-points").json()["items"]
    assert items[0]["points"] in ("18.75", 18.75)
    assert "12.5" in items[0]["explanation"]
    client.force_login(world.users["staff"])
    response = client.get(f"/api/v1/employees/{world.nurse.uuid}/credit-points")
    assert response.status_code == 404
