"""Me, agencies, units, positions and employees: visibility through ``access``, filters,
pagination."""

import pytest

from kinerja.api.tests.conftest import API

AGENCY_A_EMPLOYEES = {
    "Andi Sekda",
    "Budi Kadis",
    "Citra Kabid",
    "Dewi Kasi",
    "Eka Staf",
    "Fajar Rekan",
    "Gita Kapus",
    "Hadi Perawat",
    "Indah Pengelola",
}
AGENCY_B_EMPLOYEES = {"Joko Lain", "Kurnia HR Lain"}


def _names(response) -> set[str]:
    assert response.status_code == 200
    return {item["name"] for item in response.json()["items"]}


def _get(client, path: str) -> dict:
    response = client.get(f"{API}{path}")
    assert response.status_code == 200, response.content
    return response.json()


# --- me ------------------------------------------------------------------------------


def test_me_employee_with_post_and_assessor(bearer, world):
    body = _get(bearer("staff"), "/me")

    assert body["username"] == world.staff.nip
    assert (body["is_superuser"], body["is_hr_admin"], body["is_leader"]) == (False, False, False)
    assert body["employee"]["uuid"] == str(world.staff.uuid)
    assert [
        (p["position"]["code"], p["unit"]["code"], p["kind"]) for p in body["employee"]["posts"]
    ] == [("STAFF", "DINKES-YAN-RUJ", "definitive")]
    assert body["superiors"]["supervisor"]["employee"]["uuid"] == str(world.section_head.uuid)
    assert body["superiors"]["assessor"]["employee"]["uuid"] == str(world.section_head.uuid)
    assert body["superiors"]["assessor_superior"]["employee"]["uuid"] == str(
        world.division_head.uuid
    )


def test_me_superadmin_without_employee_record(bearer, world):
    body = _get(bearer("superadmin"), "/me")

    assert body["is_superuser"] is True
    assert body["employee"] is None
    assert body["superiors"] is None


def test_me_hr_admin_and_leader_flags(bearer, world):
    assert _get(bearer("hr"), "/me")["is_hr_admin"] is True
    assert _get(bearer("leader"), "/me")["is_leader"] is True


# --- visibility --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("staff", AGENCY_A_EMPLOYEES),
        ("hr", AGENCY_A_EMPLOYEES),
        ("leader", AGENCY_A_EMPLOYEES),
        ("other_hr", AGENCY_B_EMPLOYEES),
        ("superadmin", AGENCY_A_EMPLOYEES | AGENCY_B_EMPLOYEES),
    ],
)
def test_employees_visible_by_persona(bearer, world, persona, expected):
    assert _names(bearer(persona).get(f"{API}/employees")) == expected


def test_employee_of_another_agency_is_404_like_a_missing_one(bearer, world):
    client = bearer("other_hr")

    hidden = client.get(f"{API}/employees/{world.staff.uuid}")
    missing = client.get(f"{API}/employees/00000000-0000-4000-8000-000000000000")

    assert hidden.status_code == missing.status_code == 404
    assert hidden.content == missing.content


@pytest.mark.parametrize(
    "path", ["/employees/{staff}", "/employees/{staff}/superiors", "/units/{section}"]
)
def test_detail_outside_visibility_is_404(bearer, world, path):
    url = path.format(staff=world.staff.uuid, section=world.section.uuid)

    assert bearer("other_hr").get(f"{API}{url}").status_code == 404
    assert bearer("superadmin").get(f"{API}{url}").status_code == 200


def test_position_outside_visibility_is_404(bearer, world):
    url = f"{API}/positions/{world.positions['staff'].uuid}"

    assert bearer("other_hr").get(url).status_code == 404
    assert bearer("staff").get(url).status_code == 200


def test_units_and_agencies_visible_to_own_agency_only(bearer, world):
    units = _get(bearer("staff"), "/units?limit=200")
    agencies = _get(bearer("staff"), "/agencies")

    assert {u["agency"]["code"] for u in units["items"]} == {"kota-contoh"}
    assert units["count"] == 6
    assert [a["code"] for a in agencies["items"]] == ["kota-contoh"]


def test_positions_visible_to_own_agency_only(bearer, world):
    body = _get(bearer("other_hr"), "/positions")

    assert sorted(p["code"] for p in body["items"]) == ["OTHER", "OTHER-HR"]


# --- details -----------------------------------------------------------------------------


def test_employee_get(bearer, world):
    body = _get(bearer("peer"), f"/employees/{world.staff.uuid}")

    assert body["nip"] == world.staff.nip
    assert body["agency"]["uuid"] == str(world.agency.uuid)
    assert [p["position"]["code"] for p in body["posts"]] == ["STAFF"]


def test_employee_superiors_of_top_official_name_the_political_head(bearer, world):
    body = _get(bearer("hr"), f"/employees/{world.sekda.uuid}/superiors")

    assert body["supervisor"] is None
    assert body["assessor"] is None
    assert body["external_assessor"] == "Wali Kota Contoh"


def test_unit_get(bearer, world):
    body = _get(bearer("staff"), f"/units/{world.section.uuid}")

    assert (body["code"], body["kind"], body["depth"]) == ("DINKES-YAN-RUJ", "section", 3)
    assert body["parent"]["uuid"] == str(world.division.uuid)


def test_position_get_lists_holders(bearer, world, acting):
    acting(world.peer, "kasi")

    body = _get(bearer("staff"), f"/positions/{world.positions['kasi'].uuid}")

    assert body["reports_to"]["code"] == "KABID"
    assert [(h["employee"]["full_name"], h["kind"]) for h in body["holders"]] == [
        ("Dewi Kasi", "definitive"),
        ("Fajar Rekan", "plt"),
    ]


def test_position_level_only_for_functional(bearer, world):
    nurse = _get(bearer("staff"), f"/positions/{world.positions['nurse'].uuid}")
    staff = _get(bearer("staff"), f"/positions/{world.positions['staff'].uuid}")

    assert (nurse["kind"], nurse["level"]) == ("fungsional", "ahli_pertama")
    assert (staff["kind"], staff["level"]) == ("pelaksana", None)


# --- filters -----------------------------------------------------------------------------


def test_units_filter_by_parent(bearer, world):
    body = _get(bearer("staff"), f"/units?parent={world.health.uuid}")

    assert [u["code"] for u in body["items"]] == ["DINKES-YAN", "PKM-KK"]


def test_units_filter_by_agency(bearer, world):
    mine = _get(bearer("superadmin"), f"/units?agency={world.other_agency.uuid}")
    hidden = _get(bearer("staff"), f"/units?agency={world.other_agency.uuid}")

    assert [u["name"] for u in mine["items"]] == ["Sekretariat Daerah Lain"]
    assert hidden == {"items": [], "count": 0}


def test_positions_filter_by_unit(bearer, world):
    body = _get(bearer("staff"), f"/positions?unit={world.section.uuid}")

    assert [p["code"] for p in body["items"]] == ["KASI", "PEER", "STAFF"]


def test_employees_filter_by_unit_covers_the_subtree(bearer, world):
    response = bearer("staff").get(f"{API}/employees?unit={world.division.uuid}")

    assert _names(response) == {"Citra Kabid", "Dewi Kasi", "Eka Staf", "Fajar Rekan"}


def test_employees_filter_by_unit_of_another_agency_finds_nobody(bearer, world):
    other_unit = world.positions["other"].unit

    body = _get(bearer("staff"), f"/employees?unit={other_unit.uuid}")

    assert body == {"items": [], "count": 0}


def test_employees_filter_by_agency(bearer, world):
    response = bearer("superadmin").get(f"{API}/employees?agency={world.other_agency.uuid}")

    assert _names(response) == AGENCY_B_EMPLOYEES


def test_employees_search_by_name(bearer, world):
    assert _names(bearer("staff").get(f"{API}/employees?q=kasi")) == {"Dewi Kasi"}


def test_employees_search_by_nip_prefix(bearer, world):
    response = bearer("staff").get(f"{API}/employees?q={world.nurse.nip[:14]}")

    assert world.nurse.name in _names(response)
    assert all(item["nip"].startswith(world.nurse.nip[:14]) for item in response.json()["items"])


def test_employees_search_with_control_character_is_422(bearer, world):
    assert bearer("staff").get(f"{API}/employees?q=a%00b").status_code == 422


# --- pagination --------------------------------------------------------------------------


def test_pagination_pages_do_not_overlap_and_count_the_whole_list(bearer, world):
    client = bearer("staff")

    first = _get(client, "/employees?limit=4")
    second = _get(client, "/employees?limit=4&offset=4")
    last = _get(client, "/employees?limit=4&offset=8")

    pages = [first, second, last]
    names = [item["name"] for page in pages for item in page["items"]]
    assert [page["count"] for page in pages] == [9, 9, 9]
    assert [len(page["items"]) for page in pages] == [4, 4, 1]
    assert names == sorted(AGENCY_A_EMPLOYEES)


def test_pagination_offset_past_the_end_is_an_empty_page(bearer, world):
    assert _get(bearer("staff"), "/units?offset=1000") == {"items": [], "count": 6}


@pytest.mark.parametrize("query", ["limit=0", "limit=201", "offset=-1", "offset=1000000001"])
def test_pagination_out_of_range_is_422(bearer, world, query):
    assert bearer("staff").get(f"{API}/units?{query}").status_code == 422
