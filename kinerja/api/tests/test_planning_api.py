"""Planning through the API: the same visibility and permissions as the SKP pages, the
same services, refusals as problems."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.api.tests.conftest import API, PROBLEM
from kinerja.core.models import ActivityLog
from kinerja.org.enums import PositionKind
from kinerja.org.tests.factories import AssignmentFactory, EmployeeFactory, PositionFactory
from kinerja.planning.enums import Aspect, SkpStatus
from kinerja.planning.models import (
    AnnexItem,
    CascadeLink,
    Indicator,
    IndicatorTemplate,
    OrganisationGoal,
    PlannedResult,
    Skp,
)
from kinerja.planning.services import goal_create, period_create, skp_create
from kinerja.planning.tests import conftest as planning_fixtures
from kinerja.planning.tests.conftest import complete_result, fill_expectations
from kinerja.regulation.berakhlak import CORE_VALUE_CODES

UNKNOWN = "00000000-0000-4000-8000-000000000000"
# The planning suite's world of approved plans, as a fixture of this module too.
plan = planning_fixtures.plan


def _ok(response, status: int = 200) -> dict:
    assert response.status_code == status, response.content
    return response.json() if status != 204 else {}


def _problem(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    return response.json()


def _post(client, path: str, data=None):
    return client.post(f"{API}{path}", data or {}, content_type="application/json")


def _patch(client, path: str, data: dict):
    return client.patch(f"{API}{path}", data, content_type="application/json")


def _put(client, path: str, data: dict):
    return client.put(f"{API}{path}", data, content_type="application/json")


def _names(body: dict) -> list[str]:
    return [item["employee"]["full_name"] for item in body["items"]]


def _complete(skp, supports):
    return complete_result(skp, "Rujukan tercatat", supports=supports)


# --- periods and goals -----------------------------------------------------------------


def test_periods_of_the_users_agency(bearer, plan):
    body = _ok(bearer("staff").get(f"{API}/periods"))

    assert body["count"] == 1
    period = body["items"][0]
    assert period["uuid"] == str(plan.period.uuid)
    assert period["year"] == plan.period.year
    assert period["approach"] == "quantitative"
    assert [w["number"] for w in period["windows"]] == [1, 2, 3, 4]


def test_periods_of_another_agency_are_not_listed(bearer, plan):
    assert _ok(bearer("other_employee").get(f"{API}/periods"))["count"] == 0


def test_goals_of_a_period(bearer, plan):
    body = _ok(bearer("staff").get(f"{API}/periods/{plan.period.uuid}/goals"))

    assert body["count"] == 1
    goal = body["items"][0]
    assert (goal["code"], goal["title"], goal["unit"]["code"]) == (
        "S1",
        "Meningkatnya derajat kesehatan",
        "DINKES",
    )
    assert [(i["text"], i["target_value"], i["target_unit"]) for i in goal["indicators"]] == [
        ("Angka kematian ibu", "80.00", "per 100.000")
    ]


def test_goals_of_another_agencys_period_are_not_found(bearer, plan):
    response = bearer("other_employee").get(f"{API}/periods/{plan.period.uuid}/goals")

    _problem(response, 404)


# --- reading SKPs ----------------------------------------------------------------------


def test_my_skps(bearer, plan):
    body = _ok(bearer("staff").get(f"{API}/skps?mine=true"))

    assert body["count"] == 1
    skp = body["items"][0]
    assert skp["uuid"] == str(plan.staff.uuid)
    assert (skp["status"], skp["version"], skp["approach"]) == ("draft", 1, "quantitative")
    assert skp["position"]["code"] == "STAFF"
    assert skp["unit"]["code"] == "DINKES-YAN-RUJ"
    assert skp["period"] == {"uuid": str(plan.period.uuid), "year": plan.period.year}
    assert skp["revises"] is None


def test_skp_list_shows_what_the_user_may_read(bearer, plan):
    assert _names(_ok(bearer("section_head").get(f"{API}/skps"))) == ["Dewi Kasi", "Eka Staf"]
    assert _names(_ok(bearer("peer").get(f"{API}/skps"))) == []
    assert _names(_ok(bearer("other_hr").get(f"{API}/skps"))) == []
    assert _names(_ok(bearer("hr").get(f"{API}/skps"))) == [
        "Budi Kadis",
        "Citra Kabid",
        "Dewi Kasi",
        "Eka Staf",
    ]


def test_skp_list_filters(bearer, plan, world):
    client = bearer("hr")

    approved = _ok(client.get(f"{API}/skps?status=approved"))
    by_employee = _ok(client.get(f"{API}/skps?employee={world.staff.uuid}"))
    by_period = _ok(client.get(f"{API}/skps?period={UNKNOWN}"))

    assert _names(approved) == ["Budi Kadis", "Citra Kabid", "Dewi Kasi"]
    assert _names(by_employee) == ["Eka Staf"]
    assert by_period["count"] == 0


def test_skp_detail_has_the_whole_plan(bearer, plan, world):
    body = _ok(bearer("section_head").get(f"{API}/skps/{plan.kasi.uuid}"))

    assert body["status"] == "approved"
    assert body["approved_by"]["full_name"] == "Citra Kabid"
    assert body["assessor_superior_at_approval"]["full_name"] == "Budi Kadis"
    [result] = body["results"]
    assert (result["kind"], result["text"], result["perspective"]) == (
        "main",
        "Rujukan terverifikasi",
        None,
    )
    assert [(i["aspect"], i["target_display"]) for i in result["indicators"]] == [
        ("quantity", "12 dokumen")
    ]
    [link] = result["links"]
    assert link["supports_result"]["uuid"] == str(plan.kabid_result.uuid)
    assert link["supports_result"]["employee"]["full_name"] == "Citra Kabid"
    assert link["supports_goal"] is None
    assert [e["core_value"] for e in body["expectations"]] == list(CORE_VALUE_CODES)
    assert body["expectations"][0]["name"] == "Berorientasi Pelayanan"
    assert len(body["expectations"][0]["guides"]) == 3
    assert body["expectations"][0]["text"] == "Harapan berorientasi_pelayanan"
    assert body["annex"] == []
    assert body["problems"] == []


def test_skp_detail_of_a_draft_says_what_is_missing(bearer, plan):
    body = _ok(bearer("staff").get(f"{API}/skps/{plan.staff.uuid}"))

    assert body["problems"] == ["Add at least one main result (RHK utama)."]


@pytest.mark.parametrize("persona", ["peer", "nurse", "other_employee", "other_hr"])
def test_skp_detail_is_not_found_for_who_may_not_read_it(bearer, plan, world, persona):
    body = _problem(bearer(persona).get(f"{API}/skps/{plan.staff.uuid}"), 404)

    assert world.staff.full_name not in str(body)


def test_skp_detail_of_an_unknown_skp_is_not_found(bearer, plan):
    _problem(bearer("hr").get(f"{API}/skps/{UNKNOWN}"), 404)


# --- creating an SKP -------------------------------------------------------------------


def test_create_my_skp(bearer, plan, world):
    body = _ok(_post(bearer("peer"), "/skps"), 201)

    skp = Skp.objects.get(uuid=body["uuid"])
    assert (skp.employee, skp.period, skp.status) == (world.peer, plan.period, "draft")
    assert len(body["expectations"]) == 7
    assert ActivityLog.objects.filter(
        action="planning.skp_create", object_uuid=skp.uuid, actor=world.users["peer"]
    ).exists()


def test_create_a_second_skp_for_the_same_post_is_refused(bearer, plan):
    body = _problem(_post(bearer("staff"), "/skps"), 400)

    assert body["detail"] == "There is already an SKP for this position and period."
    assert Skp.objects.filter(employee=plan.staff.employee).count() == 1


def test_create_an_skp_needs_an_employee_record(bearer, plan):
    body = _problem(_post(bearer("leader"), "/skps"), 400)

    assert body["detail"] == "Only an employee can start an SKP."


def test_create_an_skp_in_another_agencys_period_is_refused(bearer, plan, world):
    response = _post(bearer("other_employee"), "/skps", {"period": str(plan.period.uuid)})

    assert _problem(response, 400)["detail"] == "Your agency has no such assessment period."
    assert not Skp.objects.filter(employee=world.other_employee).exists()


# --- content ---------------------------------------------------------------------------


def test_add_a_result_with_its_first_indicator(bearer, plan):
    payload = {
        "text": "Rujukan tercatat",
        "indicator": {
            "aspect": "quantity",
            "text": "Jumlah rujukan",
            "target_value": "120",
            "target_unit": "dokumen",
        },
    }

    body = _ok(_post(bearer("staff"), f"/skps/{plan.staff.uuid}/results", payload), 201)

    assert (body["kind"], body["text"]) == ("main", "Rujukan tercatat")
    assert [(i["text"], i["target_display"]) for i in body["indicators"]] == [
        ("Jumlah rujukan", "120 dokumen")
    ]
    assert plan.staff.results.count() == 1


def test_hr_may_help_with_the_content(bearer, plan):
    response = _post(bearer("hr"), f"/skps/{plan.staff.uuid}/results", {"text": "Arsip"})

    _ok(response, 201)


@pytest.mark.parametrize(("persona", "status"), [("section_head", 403), ("peer", 404)])
def test_add_a_result_to_someone_elses_skp_is_refused(bearer, plan, persona, status):
    response = _post(bearer(persona), f"/skps/{plan.staff.uuid}/results", {"text": "Sisipan"})

    _problem(response, status)
    assert plan.staff.results.count() == 0


def test_add_a_result_to_an_approved_skp_is_refused(bearer, plan):
    response = _post(bearer("section_head"), f"/skps/{plan.kasi.uuid}/results", {"text": "Baru"})

    body = _problem(response, 400)
    assert body["detail"].startswith("This SKP is approved (ditetapkan) and can no longer")
    assert plan.kasi.results.count() == 1


def test_add_a_result_with_a_perspective_is_refused_below_jpt(bearer, plan):
    response = _post(
        bearer("staff"),
        f"/skps/{plan.staff.uuid}/results",
        {"text": "Rujukan", "perspective": "budget"},
    )

    _problem(response, 400)


def test_add_a_result_with_blank_text_is_invalid(bearer, plan):
    body = _problem(_post(bearer("staff"), f"/skps/{plan.staff.uuid}/results", {"text": ""}), 422)

    assert body["errors"][0]["loc"] == ["body", "payload", "text"]


def test_update_and_delete_a_result(bearer, plan):
    client = bearer("staff")
    result = _complete(plan.staff, plan.kasi_result)

    updated = _ok(_patch(client, f"/results/{result.uuid}", {"text": "Rujukan terdokumentasi"}))
    _ok(client.delete(f"{API}/results/{result.uuid}"), 204)

    assert updated["text"] == "Rujukan terdokumentasi"
    assert updated["indicators"][0]["text"] == "Jumlah Rujukan tercatat"
    assert not PlannedResult.objects.filter(pk=result.pk).exists()


def test_delete_a_result_of_an_approved_skp_is_refused(bearer, plan):
    body = _problem(bearer("section_head").delete(f"{API}/results/{plan.kasi_result.uuid}"), 400)

    assert "approved" in body["detail"]
    assert PlannedResult.objects.filter(pk=plan.kasi_result.pk).exists()


def test_change_a_result_of_someone_else_is_forbidden(bearer, plan):
    result = _complete(plan.staff, plan.kasi_result)

    _problem(_patch(bearer("section_head"), f"/results/{result.uuid}", {"text": "X"}), 403)

    result.refresh_from_db()
    assert result.text == "Rujukan tercatat"


def test_indicators_add_change_delete(bearer, plan):
    client = bearer("staff")
    result = _complete(plan.staff, plan.kasi_result)

    added = _ok(
        _post(
            client,
            f"/results/{result.uuid}/indicators",
            {"aspect": "time", "text": "Tepat waktu", "target_value": 12, "target_unit": "bulan"},
        ),
        201,
    )
    changed = _ok(_patch(client, f"/indicators/{added['uuid']}", {"target_value": "10.5"}))
    _ok(client.delete(f"{API}/indicators/{added['uuid']}"), 204)

    assert (added["aspect"], added["target_display"]) == ("time", "12 bulan")
    assert changed["target_display"] == "10.5 bulan"
    assert result.indicators.count() == 1


@pytest.mark.parametrize("target", [-1, "1.234", "1e20"])
def test_an_indicator_target_out_of_range_is_invalid(bearer, plan, target):
    result = _complete(plan.staff, plan.kasi_result)

    response = _post(
        bearer("staff"),
        f"/results/{result.uuid}/indicators",
        {"aspect": "quantity", "text": "Jumlah", "target_value": target, "target_unit": "x"},
    )

    _problem(response, 422)
    assert result.indicators.count() == 1


def test_an_indicator_of_someone_elses_skp_is_not_found(bearer, plan):
    indicator = plan.kasi_result.indicators.get()

    _problem(bearer("peer").delete(f"{API}/indicators/{indicator.uuid}"), 404)

    assert Indicator.objects.filter(pk=indicator.pk).exists()


# --- the cascade -----------------------------------------------------------------------


def test_link_a_result_to_the_assessors_result(bearer, plan):
    client = bearer("staff")
    result = _ok(_post(client, f"/skps/{plan.staff.uuid}/results", {"text": "Rujukan"}), 201)

    link = _ok(
        _post(
            client,
            f"/results/{result['uuid']}/links",
            {"supports_result": str(plan.kasi_result.uuid)},
        ),
        201,
    )
    _ok(client.delete(f"{API}/links/{link['uuid']}"), 204)

    assert link["supports_result"]["text"] == "Rujukan terverifikasi"
    assert not CascadeLink.objects.filter(uuid=link["uuid"]).exists()


def test_link_to_a_result_of_someone_not_the_assessor_is_refused(bearer, plan):
    client = bearer("staff")
    result = _ok(_post(client, f"/skps/{plan.staff.uuid}/results", {"text": "Rujukan"}), 201)

    body = _problem(
        _post(
            client,
            f"/results/{result['uuid']}/links",
            {"supports_result": str(plan.kabid_result.uuid)},
        ),
        400,
    )

    assert body["detail"] == "A result can only support a result of your assessor (Dewi Kasi)."
    assert not CascadeLink.objects.filter(result__uuid=result["uuid"]).exists()


@pytest.mark.parametrize(
    "payload",
    [{}, {"supports_result": UNKNOWN, "supports_goal": UNKNOWN}, {"supports_result": UNKNOWN}],
)
def test_link_needs_one_real_target(bearer, plan, payload):
    client = bearer("staff")
    result = _ok(_post(client, f"/skps/{plan.staff.uuid}/results", {"text": "Rujukan"}), 201)

    _problem(_post(client, f"/results/{result['uuid']}/links", payload), 400)


def test_link_targets_are_the_assessors_approved_results(bearer, plan):
    body = _ok(bearer("staff").get(f"{API}/skps/{plan.staff.uuid}/link-targets"))

    assert [(r["text"], r["employee"]["full_name"]) for r in body["results"]] == [
        ("Rujukan terverifikasi", "Dewi Kasi")
    ]
    assert (body["goals"], body["explanation"]) == ([], "")


def test_link_targets_explain_why_there_are_none(bearer, plan, world):
    nurse_skp = skp_create(employee=world.nurse, period=plan.period, on=plan.period.start_date)

    body = _ok(bearer("nurse").get(f"{API}/skps/{nurse_skp.uuid}/link-targets"))

    assert body["results"] == []
    assert body["explanation"] == (
        "Gita Kapus has no approved SKP for this period yet. Results can be linked once "
        "it is approved; ask them to finish it."
    )


def test_a_senior_executive_links_a_result_to_a_goal(bearer, plan, world):
    client = bearer("sekda")
    skp = _ok(_post(client, "/skps"), 201)
    targets = _ok(client.get(f"{API}/skps/{skp['uuid']}/link-targets"))
    result = _ok(
        _post(
            client,
            f"/skps/{skp['uuid']}/results",
            {"text": "Tata kelola meningkat", "perspective": "internal_strengthening"},
        ),
        201,
    )
    goal = OrganisationGoal.objects.get(code="S1")

    link = _ok(
        _post(
            client,
            f"/results/{result['uuid']}/links",
            {
                "supports_goal": str(goal.uuid),
                "supports_indicator": str(goal.indicators.get().uuid),
            },
        ),
        201,
    )

    assert [g["code"] for g in targets["goals"]] == ["S1"]
    assert result["perspective"] == "internal_strengthening"
    assert link["supports_goal"]["code"] == "S1"
    assert link["supports_indicator"]["text"] == "Angka kematian ibu"


def test_link_to_a_goal_of_another_period_is_refused(bearer, plan, world):
    client = bearer("sekda")
    skp = _ok(_post(client, "/skps"), 201)
    result = _ok(_post(client, f"/skps/{skp['uuid']}/results", {"text": "Tata kelola"}), 201)
    other = period_create(agency=world.agency, year=plan.period.year + 1)
    goal = goal_create(period=other, unit=world.root, code="S9", title="Tahun depan")

    body = _problem(
        _post(client, f"/results/{result['uuid']}/links", {"supports_goal": str(goal.uuid)}),
        400,
    )

    assert body["detail"] == "The period has no such organisation goal."


# --- annex and expectations ------------------------------------------------------------


def test_annex_add_change_delete(bearer, plan):
    client = bearer("staff")

    added = _ok(
        _post(
            client,
            f"/skps/{plan.staff.uuid}/annex",
            {"kind": "resource_support", "text": "Akses aplikasi SISRUTE"},
        ),
        201,
    )
    changed = _ok(_patch(client, f"/annex/{added['uuid']}", {"text": "Akses SISRUTE"}))
    _ok(client.delete(f"{API}/annex/{added['uuid']}"), 204)

    assert (added["kind"], changed["text"]) == ("resource_support", "Akses SISRUTE")
    assert not AnnexItem.objects.filter(uuid=added["uuid"]).exists()


def test_the_assessor_writes_the_expectations(bearer, plan):
    payload = {"expectations": [{"core_value": "akuntabel", "text": "Laporan tepat waktu"}]}

    body = _ok(_put(bearer("section_head"), f"/skps/{plan.staff.uuid}/expectations", payload))

    texts = {e["core_value"]: e["text"] for e in body["expectations"]}
    assert texts["akuntabel"] == "Laporan tepat waktu"
    assert texts["kompeten"] == ""


def test_the_employee_may_not_write_the_expectations(bearer, plan):
    payload = {"expectations": [{"core_value": "akuntabel", "text": "Sendiri"}]}

    _problem(_put(bearer("staff"), f"/skps/{plan.staff.uuid}/expectations", payload), 403)

    assert not plan.staff.expectations.exclude(text="").exists()


# --- workflow --------------------------------------------------------------------------


def test_submit_an_incomplete_skp_lists_the_problems(bearer, plan):
    body = _problem(_post(bearer("staff"), f"/skps/{plan.staff.uuid}/submit"), 400)

    assert body["detail"] == "The SKP cannot be submitted yet."
    assert body["problems"] == ["Add at least one main result (RHK utama)."]
    plan.staff.refresh_from_db()
    assert plan.staff.status == SkpStatus.DRAFT


def test_submit_then_approve(bearer, plan, world):
    _complete(plan.staff, plan.kasi_result)

    submitted = _ok(_post(bearer("staff"), f"/skps/{plan.staff.uuid}/submit"))
    refused = _problem(_post(bearer("section_head"), f"/skps/{plan.staff.uuid}/approve"), 400)
    fill_expectations(plan.staff)
    approved = _ok(_post(bearer("section_head"), f"/skps/{plan.staff.uuid}/approve"))

    assert submitted["status"] == "submitted"
    assert refused["problems"] == [
        "Write the leader's expectation for all seven BerAKHLAK values (7 missing)."
    ]
    assert approved["status"] == "approved"
    assert approved["approved_by"]["uuid"] == str(world.section_head.uuid)
    assert approved["assessor_superior_at_approval"]["full_name"] == "Citra Kabid"


@pytest.mark.parametrize("persona", ["staff", "division_head", "hr"])
def test_only_the_assessor_approves(bearer, plan, persona):
    _complete(plan.staff, plan.kasi_result)
    _post(bearer("staff"), f"/skps/{plan.staff.uuid}/submit")
    fill_expectations(plan.staff)

    _problem(_post(bearer(persona), f"/skps/{plan.staff.uuid}/approve"), 403)

    plan.staff.refresh_from_db()
    assert plan.staff.status == SkpStatus.SUBMITTED


def test_return_with_a_comment(bearer, plan):
    _complete(plan.staff, plan.kasi_result)
    _post(bearer("staff"), f"/skps/{plan.staff.uuid}/submit")

    body = _ok(
        _post(
            bearer("section_head"),
            f"/skps/{plan.staff.uuid}/return",
            {"comment": "Tambahkan target kualitas"},
        )
    )

    assert (body["status"], body["review_comment"]) == ("returned", "Tambahkan target kualitas")


def test_return_without_a_comment_is_invalid(bearer, plan):
    _complete(plan.staff, plan.kasi_result)
    _post(bearer("staff"), f"/skps/{plan.staff.uuid}/submit")

    _problem(_post(bearer("section_head"), f"/skps/{plan.staff.uuid}/return", {"comment": ""}), 422)

    plan.staff.refresh_from_db()
    assert plan.staff.status == SkpStatus.SUBMITTED


def test_hr_adopts_a_plan_after_the_deadline(bearer, plan):
    _complete(plan.staff, plan.kasi_result)

    body = _ok(_post(bearer("hr"), f"/skps/{plan.staff.uuid}/adopt", {"reason": "Lewat tenggat"}))

    assert (body["status"], body["adopted_by_hr"]) == ("approved", True)


def test_adopt_is_for_hr_only(bearer, plan):
    _complete(plan.staff, plan.kasi_result)

    _problem(_post(bearer("staff"), f"/skps/{plan.staff.uuid}/adopt", {"reason": "Saya"}), 403)

    plan.staff.refresh_from_db()
    assert plan.staff.status == SkpStatus.DRAFT


def test_revise_an_approved_skp(bearer, plan):
    body = _ok(_post(bearer("section_head"), f"/skps/{plan.kasi.uuid}/revise"), 201)

    assert (body["status"], body["version"], body["revises"]) == (
        "draft",
        2,
        str(plan.kasi.uuid),
    )
    assert [r["text"] for r in body["results"]] == ["Rujukan terverifikasi"]


def test_revise_someone_elses_skp_is_forbidden(bearer, plan):
    _problem(_post(bearer("division_head"), f"/skps/{plan.kasi.uuid}/revise"), 403)

    assert Skp.objects.filter(employee=plan.kasi.employee).count() == 1


# --- the team and the library ----------------------------------------------------------


def test_team_lists_the_people_assessed_with_their_plans(bearer, plan):
    body = _ok(bearer("section_head").get(f"{API}/team"))

    assert [
        (m["employee"]["full_name"], [p["status"] for p in m["plans"]]) for m in body["items"]
    ] == [
        ("Eka Staf", ["draft"]),
        ("Fajar Rekan", []),
    ]


def test_team_waiting_lists_only_submitted_plans(bearer, plan):
    client = bearer("section_head")
    assert _ok(client.get(f"{API}/team?waiting=true"))["count"] == 0
    _complete(plan.staff, plan.kasi_result)
    _post(bearer("staff"), f"/skps/{plan.staff.uuid}/submit")

    body = _ok(client.get(f"{API}/team?waiting=true"))

    assert [m["employee"]["full_name"] for m in body["items"]] == ["Eka Staf"]


def test_team_of_someone_who_assesses_nobody_is_empty(bearer, plan):
    assert _ok(bearer("staff").get(f"{API}/team"))["count"] == 0
    assert _ok(bearer("leader").get(f"{API}/team"))["count"] == 0


def _template(agency, text, kind="", field="Kesehatan"):
    return IndicatorTemplate.objects.create(
        agency=agency,
        field=field,
        position_kind=kind,
        result_text=text,
        indicator_text=f"Jumlah {text}",
        aspect=Aspect.QUANTITY,
        target_unit="dokumen",
        suggested_target=Decimal(12),
    )


def test_library_has_national_and_own_agency_templates(bearer, world):
    _template(None, "Nasional")
    _template(world.agency, "Kota", kind=PositionKind.FUNGSIONAL)
    _template(world.other_agency, "Lain")
    client = bearer("staff")

    everything = _ok(client.get(f"{API}/library"))
    executors = _ok(client.get(f"{API}/library?position_kind=pelaksana"))
    search = _ok(client.get(f"{API}/library?q=kota"))

    assert [(t["result_text"], t["national"]) for t in everything["items"]] == [
        ("Kota", False),
        ("Nasional", True),
    ]
    assert [t["result_text"] for t in executors["items"]] == ["Nasional"]
    assert [t["result_text"] for t in search["items"]] == ["Kota"]


# --- query counts ----------------------------------------------------------------------


def _staff_with_plans(world, plan, count: int) -> None:
    for n in range(count):
        position = PositionFactory(
            unit=world.section, kind=PositionKind.PELAKSANA, reports_to=world.positions["kasi"]
        )
        employee = EmployeeFactory(agency=world.agency, name=f"Staf {n:02d}")
        AssignmentFactory(
            employee=employee, position=position, start_date=datetime.date(2024, 1, 1)
        )
        skp = skp_create(employee=employee, period=plan.period, on=plan.period.start_date)
        _complete(skp, plan.kasi_result)


def _measure(client, path: str) -> tuple[int, int]:
    client.get(f"{API}{path}")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{API}{path}")
    assert response.status_code == 200
    return len(queries), response.json()["count"]


@pytest.mark.parametrize("path", ["/skps?limit=200", "/team?limit=200"])
def test_planning_lists_cost_the_same_queries_for_1_and_30_rows(bearer, world, plan, path):
    client = bearer("section_head")
    _staff_with_plans(world, plan, 1)
    few_queries, few = _measure(client, path)

    _staff_with_plans(world, plan, 29)
    many_queries, many = _measure(client, path)

    assert many == few + 29
    assert many_queries == few_queries


def test_library_and_goals_cost_the_same_queries_for_1_and_30_rows(bearer, world, plan):
    client = bearer("staff")
    paths = ["/library?limit=200", f"/periods/{plan.period.uuid}/goals?limit=200"]
    _template(None, "T0")
    few = [_measure(client, path)[0] for path in paths]

    for n in range(29):
        _template(world.agency, f"T{n + 1}")
        goal_create(period=plan.period, unit=world.health, code=f"G{n}", title=f"Sasaran {n}")
    many = [_measure(client, path) for path in paths]

    assert [count for _queries, count in many] == [30, 30]
    assert [queries for queries, _count in many] == few
