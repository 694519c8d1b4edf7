"""The role–result matrix, the cascade tree and the unlinked-results list through the
test client."""

import csv
import datetime
import io
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.org.enums import PositionKind
from kinerja.org.tests.factories import AssignmentFactory, EmployeeFactory, PositionFactory
from kinerja.planning.enums import SkpStatus
from kinerja.planning.models import CascadeLink, PlannedResult, Skp
from kinerja.planning.services import matrix_cell_assign, result_add, skp_create


def _cell_url(superior, employee):
    return reverse("planning:matrix_cell", args=[superior.uuid, employee.uuid])


def _counts():
    return (Skp.objects.count(), PlannedResult.objects.count(), CascadeLink.objects.count())


def _in_indonesian(message, **params):
    with translation.override("id"):
        return gettext(message) % params if params else gettext(message)


# --- the matrix ------------------------------------------------------------------------


def test_matrix_columns_are_own_results_rows_are_assessees(client, world, plan):
    client.force_login(world.users["section_head"])

    response = client.get(reverse("planning:matrix"))

    assert response.status_code == 200
    assert [c.text for c in response.context["columns"]] == ["Rujukan terverifikasi"]
    rows = response.context["rows"]
    assert [(r.employee.name, r.skp) for r in rows] == [
        ("Eka Staf", plan.staff),
        ("Fajar Rekan", None),
    ]
    assert [len(c.entries) for r in rows for c in r.cells] == [0, 0]
    assert "Jumlah Rujukan terverifikasi" in response.content.decode()


def test_matrix_fill_creates_linked_draft_result(client, world, plan):
    client.force_login(world.users["section_head"])

    response = client.post(
        _cell_url(plan.kasi_result, world.staff), {"text": "Berkas rujukan lengkap"}
    )

    assert response.status_code == 302
    result = PlannedResult.objects.get(skp=plan.staff)
    assert (result.text, result.kind) == ("Berkas rujukan lengkap", "main")
    assert [link.supports_result for link in result.links.all()] == [plan.kasi_result]


def test_matrix_fill_starts_the_skp_when_missing(client, world, plan):
    client.force_login(world.users["section_head"])

    client.post(_cell_url(plan.kasi_result, world.peer), {"text": "Data rujukan valid"})

    skp = Skp.objects.get(employee=world.peer)
    assert (skp.status, skp.period, skp.position.code) == ("draft", plan.period, "PEER")
    assert skp.expectations.count() == 7
    assert [(r.text, r.links.get().supports_result) for r in skp.results.all()] == [
        ("Data rujukan valid", plan.kasi_result)
    ]


def test_matrix_fill_with_htmx_returns_the_cell(client, world, plan):
    client.force_login(world.users["section_head"])

    response = client.post(
        _cell_url(plan.kasi_result, world.staff),
        {"text": "Berkas rujukan lengkap"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert content.startswith(f'<td id="cell-{plan.kasi_result.uuid}-{world.staff.uuid}"')
    assert "Berkas rujukan lengkap" in content
    assert "<html" not in content


def test_matrix_links_an_existing_unlinked_result(client, world, plan):
    existing = result_add(skp=plan.staff, text="Arsip rujukan tertata")
    client.force_login(world.users["section_head"])
    page = client.get(reverse("planning:matrix"))
    assert page.context["rows"][0].cells[0].options == [existing]

    client.post(_cell_url(plan.kasi_result, world.staff), {"result": str(existing.uuid)})

    assert [link.supports_result for link in existing.links.all()] == [plan.kasi_result]
    assert PlannedResult.objects.filter(skp=plan.staff).count() == 1


def test_matrix_cell_for_someone_not_assessed_is_refused(client, world, plan):
    client.force_login(world.users["section_head"])
    before = _counts()

    response = client.post(_cell_url(plan.kasi_result, world.nurse), {"text": "Asuhan"})

    assert response.status_code == 403
    assert _counts() == before


def test_matrix_cell_on_someone_elses_result_is_not_found(client, world, plan):
    client.force_login(world.users["section_head"])
    before = _counts()

    response = client.post(_cell_url(plan.kabid_result, world.staff), {"text": "Rujukan"})

    assert response.status_code == 404
    assert _counts() == before


def test_matrix_cell_requires_text_or_result(client, world, plan):
    client.force_login(world.users["section_head"])
    before = _counts()

    response = client.post(
        _cell_url(plan.kasi_result, world.staff), {"text": "  "}, headers={"HX-Request": "true"}
    )

    assert response.context["cell"].error == _in_indonesian(
        "Type the result this employee delivers, or pick one of their results."
    )
    assert _counts() == before


def test_matrix_cell_refuses_a_cycle_with_a_message(client, world, plan):
    existing = result_add(skp=plan.staff, text="Arsip rujukan tertata")
    # Links never form a cycle through the services; an imported or hand-edited
    # database could, and the matrix must refuse to close it.
    CascadeLink.objects.create(result=plan.kasi_result, supports_result=existing)
    client.force_login(world.users["section_head"])

    response = client.post(
        _cell_url(plan.kasi_result, world.staff),
        {"result": str(existing.uuid)},
        headers={"HX-Request": "true"},
    )

    assert response.context["cell"].error == _in_indonesian(
        "This link would make the results support each other."
    )
    assert not existing.links.exists()


def test_matrix_cell_refuses_a_submitted_skp(client, world, plan):
    Skp.objects.filter(pk=plan.staff.pk).update(status=SkpStatus.SUBMITTED)
    client.force_login(world.users["section_head"])

    response = client.post(_cell_url(plan.kasi_result, world.staff), {"text": "Rujukan"})

    assert response.status_code == 302
    assert not PlannedResult.objects.filter(skp=plan.staff).exists()
    page = client.get(reverse("planning:matrix"))
    assert page.context["rows"][0].cells[0].editable is False


def test_matrix_cell_assign_refuses_someone_assessed_by_another(world, plan):
    before = _counts()

    with pytest.raises(ApplicationError) as refusal:
        matrix_cell_assign(superior_result=plan.kasi_result, subordinate=world.nurse, text="X")

    assert refusal.value.message == _in_indonesian(
        "%(name)s is not assessed by %(assessor)s on %(date)s, so their results cannot "
        "support this result.",
        name="Hadi Perawat",
        assessor="Dewi Kasi",
        date=today().strftime("%d-%m-%Y"),
    )
    assert _counts() == before


def test_matrix_unlink_keeps_the_result(client, world, plan):
    result = matrix_cell_assign(
        superior_result=plan.kasi_result, subordinate=world.staff, text="Rujukan"
    )
    client.force_login(world.users["section_head"])

    response = client.post(
        reverse("planning:matrix_unlink", args=[result.links.get().uuid]),
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert response.context["cell"].options == [result]
    assert not result.links.exists()


def test_matrix_unlink_by_someone_else_is_not_found(client, world, plan):
    result = matrix_cell_assign(
        superior_result=plan.kasi_result, subordinate=world.staff, text="Rujukan"
    )
    client.force_login(world.users["division_head"])

    response = client.post(reverse("planning:matrix_unlink", args=[result.links.get().uuid]))

    assert response.status_code == 404
    assert result.links.count() == 1


def test_matrix_for_someone_who_assesses_nobody_explains(client, world, plan):
    client.force_login(world.users["staff"])

    response = client.get(reverse("planning:matrix"))

    assert response.status_code == 200
    assert response.context["blocked"] == "no_team"
    assert "rows" not in response.context


def test_matrix_without_own_approved_skp_points_to_it(client, world, plan):
    client.force_login(world.users["puskesmas_head"])

    response = client.get(reverse("planning:matrix"))

    assert response.context["blocked"] == "no_approved_skp"
    assert response.context["own_skp"] is None
    assert reverse("planning:my_skp").encode() in response.content


def test_matrix_without_employee_record_explains(client, world, plan):
    client.force_login(world.users["leader"])

    response = client.get(reverse("planning:matrix"))

    assert (response.status_code, response.context["blocked"]) == (200, "no_employee")


def _add_assessees(world, plan, count):
    for _ in range(count):
        post = PositionFactory(
            unit=world.section, kind=PositionKind.PELAKSANA, reports_to=world.positions["kasi"]
        )
        employee = EmployeeFactory(agency=world.agency)
        AssignmentFactory(employee=employee, position=post, start_date=datetime.date(2024, 1, 1))
        matrix_cell_assign(superior_result=plan.kasi_result, subordinate=employee, text="Tugas")


def _queries(client, url, params=None):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx.captured_queries)


def test_matrix_query_count_is_constant(client, world, plan):
    client.force_login(world.users["section_head"])
    _add_assessees(world, plan, 1)
    few = _queries(client, reverse("planning:matrix"))

    _add_assessees(world, plan, 29)
    many = _queries(client, reverse("planning:matrix"))

    assert few == many


# --- the cascade tree ------------------------------------------------------------------


def _shape(nodes):
    return [
        (n.result.text, n.result.skp.employee.name, n.result.skp.status, _shape(n.children))
        for n in nodes
    ]


def test_cascade_tree_from_goal_to_every_result(client, world, plan):
    matrix_cell_assign(superior_result=plan.kasi_result, subordinate=world.staff, text="Berkas")
    client.force_login(world.users["hr"])

    response = client.get(reverse("planning:cascade"), {"goal": str(plan.goal.uuid)})

    assert response.status_code == 200
    # The page renders three levels; the fourth (the staff's result) loads when opened.
    assert _shape(response.context["tree"]) == [
        (
            "Pelayanan kesehatan rujukan meningkat",
            "Budi Kadis",
            "approved",
            [
                (
                    "Layanan rujukan tepat waktu",
                    "Citra Kabid",
                    "approved",
                    [("Rujukan terverifikasi", "Dewi Kasi", "approved", [])],
                )
            ],
        )
    ]
    kasi = response.context["tree"][0].children[0].children[0]
    assert kasi.child_count == 1
    assert (response.context["result_count"], response.context["people_count"]) == (4, 4)
    content = response.content.decode()
    branch = {"goal": str(plan.goal.uuid), "branch": str(plan.kasi_result.uuid)}
    assert f'hx-get="{reverse("planning:cascade")}?{urlencode(branch)}' in content.replace(
        "&amp;", "&"
    )
    assert "Berkas" not in content


def test_cascade_branch_loads_the_results_below_the_page(client, world, plan):
    matrix_cell_assign(superior_result=plan.kasi_result, subordinate=world.staff, text="Berkas")
    client.force_login(world.users["hr"])
    params = {"goal": str(plan.goal.uuid), "branch": str(plan.kasi_result.uuid)}

    rows = client.get(reverse("planning:cascade"), params, HTTP_HX_REQUEST="true")
    page = client.get(reverse("planning:cascade"), params)

    assert rows.status_code == 200
    assert "<html" not in rows.content.decode()
    assert "HX-Request" in rows["Vary"]
    for response in (rows, page):
        content = response.content.decode()
        assert "Berkas" in content
        assert "Pengadministrasi Rujukan" in content
        assert reverse("planning:skp_detail", args=[plan.staff.uuid]) in content
    assert _shape(page.context["tree"]) == [("Berkas", "Eka Staf", "draft", [])]


def test_cascade_branch_outside_the_goal_is_not_found(client, world, plan):
    elsewhere = result_add(skp=plan.staff, text="Arsip rujukan tertata")
    client.force_login(world.users["hr"])

    response = client.get(
        reverse("planning:cascade"),
        {"goal": str(plan.goal.uuid), "branch": str(elsewhere.uuid)},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 404


def test_cascade_lists_goals_of_own_agency_for_employees(client, world, plan):
    client.force_login(world.users["staff"])

    response = client.get(reverse("planning:cascade"))

    assert [g.code for g in response.context["goals"]] == ["S1"]
    assert response.context["tree"] == []


def test_cascade_links_only_skps_the_user_may_open(client, world, plan):
    client.force_login(world.users["staff"])

    response = client.get(reverse("planning:cascade"), {"goal": str(plan.goal.uuid)})

    assert response.context["openable"] == set()
    assert reverse("planning:skp_detail", args=[plan.kasi.uuid]) not in response.content.decode()


def test_cascade_goal_of_another_agency_is_not_found(client, world, plan):
    client.force_login(world.users["other_employee"])

    response = client.get(reverse("planning:cascade"), {"goal": str(plan.goal.uuid)})

    assert response.status_code == 404
    assert b"Pelayanan kesehatan rujukan" not in response.content


def test_cascade_tree_query_count_is_constant(client, world, plan):
    client.force_login(world.users["hr"])
    url = reverse("planning:cascade")
    params = {"goal": str(plan.goal.uuid)}
    _add_assessees(world, plan, 1)
    few = _queries(client, url, params)

    _add_assessees(world, plan, 29)
    many = _queries(client, url, params)

    assert few == many


def test_cascade_branch_query_count_is_constant(client, world, plan):
    client.force_login(world.users["hr"])
    url = reverse("planning:cascade")
    params = {"goal": str(plan.goal.uuid), "branch": str(plan.kasi_result.uuid)}
    _add_assessees(world, plan, 1)
    few = _queries(client, url, params)

    _add_assessees(world, plan, 29)
    many = _queries(client, url, params)

    assert few == many


# --- results that support nothing ------------------------------------------------------


def test_unlinked_lists_results_and_employees_without_skp(client, world, plan):
    result_add(skp=plan.staff, text="Arsip rujukan tertata")
    client.force_login(world.users["hr"])

    response = client.get(reverse("planning:unlinked"))

    assert response.status_code == 200
    assert [
        (unit.name, [r.text for r in results])
        for unit, results in response.context["result_groups"]
    ] == [("Seksi Rujukan", ["Arsip rujukan tertata"])]
    assert [
        (unit.name, [e.name for e in employees])
        for unit, employees in response.context["missing_groups"]
    ] == [
        ("Sekretariat Daerah", ["Andi Sekda"]),
        ("Seksi Rujukan", ["Fajar Rekan"]),
        ("Puskesmas Kassi-Kassi", ["Gita Kapus", "Hadi Perawat"]),
        ("BKPSDM", ["Indah Pengelola"]),
    ]
    assert (response.context["result_count"], response.context["missing_count"]) == (1, 5)


def test_unlinked_as_csv(client, world, plan):
    result_add(skp=plan.staff, text="=Arsip rujukan")
    client.force_login(world.users["hr"])

    response = client.get(reverse("planning:unlinked"), {"format": "csv"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert len(rows) == 1 + 1 + 5
    assert rows[1][1:] == [
        "Seksi Rujukan",
        world.staff.nip,
        "Eka Staf",
        "Pengadministrasi Rujukan",
        plan.staff.get_status_display(),
        "'=Arsip rujukan",
    ]


def test_unlinked_for_a_unit_by_its_leader(client, world, plan):
    client.force_login(world.users["leader"])

    response = client.get(reverse("planning:unlinked"), {"unit": str(world.section.uuid)})

    assert response.status_code == 200
    assert [
        [e.name for e in employees] for _unit, employees in response.context["missing_groups"]
    ] == [["Fajar Rekan"]]


def test_unlinked_refused_to_employees(client, world, plan):
    client.force_login(world.users["staff"])

    assert client.get(reverse("planning:unlinked")).status_code == 403
    assert (
        client.get(reverse("planning:unlinked"), {"unit": str(world.section.uuid)}).status_code
        == 403
    )


def test_unlinked_query_count_is_constant(client, world, plan):
    client.force_login(world.users["hr"])

    def add(count):
        for _ in range(count):
            post = PositionFactory(
                unit=world.section,
                kind=PositionKind.PELAKSANA,
                reports_to=world.positions["kasi"],
            )
            employee = EmployeeFactory(agency=world.agency)
            AssignmentFactory(employee=employee, position=post, start_date=plan.period.start_date)
            result_add(skp=skp_create(employee=employee, period=plan.period), text="Tugas")
            other = EmployeeFactory(agency=world.agency)
            AssignmentFactory(employee=other, position=post, start_date=plan.period.start_date)

    add(1)
    few = _queries(client, reverse("planning:unlinked"))
    add(29)
    many = _queries(client, reverse("planning:unlinked"))

    assert few == many
