"""Organisation browser, employee pages, profile and team through the test client."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.org.enums import PositionKind
from kinerja.org.tests.factories import AssignmentFactory, EmployeeFactory, PositionFactory


def test_unit_tree_lists_own_agency_only(client, world):
    client.force_login(world.users["staff"])

    response = client.get(reverse("org:unit_tree"))

    assert response.status_code == 200
    assert [agency for agency, _units in response.context["trees"]] == [world.agency]
    assert b"Sekretariat Daerah Lain" not in response.content


def test_unit_children_partial_returns_fragment(client, world):
    client.force_login(world.users["staff"])

    response = client.get(reverse("org:unit_children", args=[world.health.uuid]))

    assert response.status_code == 200
    assert [u.name for u in response.context["units"]] == [
        "Bidang Pelayanan",
        "Puskesmas Kassi-Kassi",
    ]
    assert b"<html" not in response.content


def test_unit_detail_shows_positions_holders_and_people(client, world):
    client.force_login(world.users["staff"])

    response = client.get(reverse("org:unit_detail", args=[world.section.uuid]))

    assert response.status_code == 200
    assert [p.code for p in response.context["positions"]] == ["KASI", "STAFF", "PEER"]
    assert {e.name for e in response.context["page"]} == {"Dewi Kasi", "Eka Staf", "Fajar Rekan"}
    assert [a.name for a in response.context["ancestors"]] == [
        "Sekretariat Daerah",
        "Dinas Kesehatan",
        "Bidang Pelayanan",
    ]


def test_unit_detail_of_other_agency_is_not_found(client, world):
    client.force_login(world.users["staff"])
    other_unit = world.other_employee.assignments.get().position.unit

    response = client.get(reverse("org:unit_detail", args=[other_unit.uuid]))

    assert response.status_code == 404


def test_unit_detail_search_by_nip_prefix(client, world):
    client.force_login(world.users["hr"])

    response = client.get(
        reverse("org:unit_detail", args=[world.root.uuid]), {"q": world.nurse.nip[:14]}
    )

    assert world.nurse in list(response.context["page"])


def test_employee_search_by_name(client, world):
    client.force_login(world.users["staff"])

    response = client.get(reverse("org:employee_search"), {"q": "kasi"})

    assert [e.name for e in response.context["page"]] == ["Dewi Kasi"]


def test_employee_search_never_finds_other_agency(client, world):
    client.force_login(world.users["staff"])

    response = client.get(reverse("org:employee_search"), {"q": world.other_employee.nip})

    assert list(response.context["page"]) == []


def test_employee_detail_of_colleague_hides_contact_and_history(client, world):
    world.nurse.email = "hadi@contoh.go.id"
    world.nurse.save()
    client.force_login(world.users["staff"])

    response = client.get(reverse("org:employee_detail", args=[world.nurse.uuid]))

    assert response.status_code == 200
    assert response.context["show_record"] is False
    assert b"hadi@contoh.go.id" not in response.content


def test_employee_detail_for_assessor_shows_history(client, world):
    client.force_login(world.users["section_head"])

    response = client.get(reverse("org:employee_detail", args=[world.staff.uuid]))

    assert response.context["show_record"] is True
    assert [a.position.code for a in response.context["history"]] == ["STAFF"]


def test_employee_detail_of_other_agency_is_not_found(client, world):
    client.force_login(world.users["staff"])

    response = client.get(reverse("org:employee_detail", args=[world.other_employee.uuid]))

    assert response.status_code == 404
    assert world.other_employee.nip.encode() not in response.content


def test_my_profile_shows_assessor_and_superior(client, world):
    client.force_login(world.users["staff"])

    response = client.get(reverse("org:my_profile"))

    superiors = response.context["superiors"]
    assert superiors.assessor.employee == world.section_head
    assert superiors.assessor_superior.employee == world.division_head
    assert b"Dewi Kasi" in response.content


def test_my_profile_without_employee_record_is_not_found(client, world):
    client.force_login(world.users["superadmin"])

    assert client.get(reverse("org:my_profile")).status_code == 404


def test_my_team_lists_assessees(client, world):
    client.force_login(world.users["head_of_office"])

    response = client.get(reverse("org:my_team"))

    assert {e.name for e in response.context["page"]} == {"Citra Kabid", "Gita Kapus"}


def test_pages_require_login(client, world):
    response = client.get(reverse("org:unit_tree"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_home_per_role(client, world):
    client.force_login(world.users["section_head"])

    response = client.get(reverse("web:home"))

    assert response.context["assessee_count"] == 2
    assert response.context["superiors"].assessor.employee == world.division_head


def test_guide_is_public(client, db):
    assert client.get(reverse("web:guide")).status_code == 200


def _add_people(world, count):
    for _ in range(count):
        post = PositionFactory(
            unit=world.section, kind=PositionKind.PELAKSANA, reports_to=world.positions["kasi"]
        )
        AssignmentFactory(
            employee=EmployeeFactory(agency=world.agency),
            position=post,
            start_date=datetime.date(2024, 1, 1),
        )


def _queries(client, url, params=None):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url_name",
    ["org:unit_detail", "org:employee_search", "org:my_team"],
)
def test_list_pages_query_count_is_constant(client, world, url_name):
    client.force_login(world.users["section_head"])
    url = (
        reverse(url_name, args=[world.section.uuid])
        if url_name == "org:unit_detail"
        else reverse(url_name)
    )
    params = {"q": "Pegawai"} if url_name == "org:employee_search" else {}
    _add_people(world, 1)
    few = _queries(client, url, params)

    _add_people(world, 29)
    many = _queries(client, url, params)

    assert few == many


def test_unit_detail_offers_plan_export_only_to_readers_of_unit_plans(client, world):
    client.force_login(world.users["hr"])
    assert client.get(reverse("org:unit_detail", args=[world.section.uuid])).context[
        "can_export_plans"
    ]

    client.force_login(world.users["staff"])
    response = client.get(reverse("org:unit_detail", args=[world.section.uuid]))

    assert response.context["can_export_plans"] is False
    assert b"skp.xlsx" not in response.content
