"""Compliance lists: who has not reported, who has not assessed, per window."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.appraisal.models import Evaluation
from kinerja.core.clock import now
from kinerja.execution.models import PeriodReport
from kinerja.org.tests.factories import AssignmentFactory, EmployeeFactory
from kinerja.planning.enums import SkpStatus
from kinerja.planning.models import Skp
from kinerja.reporting.selectors_compliance import not_assessed, not_reported
from kinerja.reporting.tests.conftest import make_evaluation, submitted_report
from kinerja.reporting.tests.test_batch import approved_skp
from kinerja.reporting.tests.test_views import login


@pytest.fixture
def window(plan):
    return plan.period.windows.get(number=1)


@pytest.fixture
def approved_team(plan, world, staff_plan):
    """Approved SKPs for staff (Kasi approved), peer and nurse; the Kasi's own is
    approved by the plan fixture."""
    Skp.objects.filter(pk=staff_plan.pk).update(
        status=SkpStatus.APPROVED, approved_by=world.section_head
    )
    return {
        "staff": Skp.objects.get(pk=staff_plan.pk),
        "peer": approved_skp(world.peer, plan.period, world.section_head),
        "nurse": approved_skp(world.nurse, plan.period, world.puskesmas_head),
    }


def names(rows, attr="employee") -> list[str]:
    return [
        getattr(row, attr).name if attr == "employee" else row.skp.employee.name for row in rows
    ]


def test_not_reported_lists_approved_plans_without_a_submitted_report(approved_team, window, world):
    submitted_report(approved_team["staff"], window)
    PeriodReport.objects.create(skp=approved_team["peer"], window=window)  # a draft

    rows = list(not_reported(world.users["hr"], window))

    by_name = {row.employee.name: row.report_status for row in rows}
    assert "Eka Staf" not in by_name
    assert by_name["Fajar Rekan"] == "draft"
    assert by_name["Hadi Perawat"] is None
    # The Kasi, Kabid and Kadis have approved plans from the planning fixture.
    assert {"Dewi Kasi", "Citra Kabid", "Budi Kadis"} <= set(by_name)


def test_not_reported_filters_by_unit(approved_team, window, world):
    rows = not_reported(world.users["hr"], window, world.puskesmas)

    assert [row.employee.name for row in rows] == ["Hadi Perawat"]


def test_not_reported_ignores_draft_plans_and_other_windows(approved_team, plan, world):
    Skp.objects.filter(pk=approved_team["peer"].pk).update(status=SkpStatus.DRAFT)
    second = plan.period.windows.get(number=2)
    submitted_report(approved_team["nurse"], second)

    rows = {row.employee.name for row in not_reported(world.users["hr"], second)}

    assert "Fajar Rekan" not in rows
    assert "Hadi Perawat" not in rows
    assert "Eka Staf" in rows


def test_not_reported_of_a_leader_is_their_subtree_only(approved_team, window, world):
    rows = {row.employee.name for row in not_reported(world.users["leader"], window)}

    assert "Hadi Perawat" in rows
    assert not rows & {"Andi Sekda", "Indah Pengelola"}


def test_not_reported_of_another_agency_is_empty(approved_team, window, world):
    assert list(not_reported(world.users["other_hr"], window)) == []


def test_not_assessed_lists_submitted_reports_without_final_evaluation(
    approved_team, window, world
):
    for key in ["staff", "peer", "nurse"]:
        submitted_report(approved_team[key], window)
    make_evaluation(approved_team["staff"], window, assessor=world.section_head)  # final
    make_evaluation(approved_team["peer"], window, assessor=world.section_head, final=False)

    rows = list(not_assessed(world.users["hr"], window))

    assert [(r.skp.employee.name, r.evaluation_status, r.assessor_name) for r in rows] == [
        ("Fajar Rekan", "draft", "Dewi Kasi"),
        ("Hadi Perawat", None, "Gita Kapus"),
    ]


def test_not_assessed_ignores_draft_reports(approved_team, window, world):
    PeriodReport.objects.create(skp=approved_team["peer"], window=window)

    assert list(not_assessed(world.users["hr"], window)) == []


# --- the page and the exports -------------------------------------------------------------


def url(name="reporting:compliance", **query) -> str:
    from urllib.parse import urlencode

    return reverse(name) + ("?" + urlencode(query) if query else "")


def test_compliance_page_lists_who_has_not_reported(client, world, approved_team, window):
    response = login(client, world, "hr").get(url(window=window.uuid, unit=world.section.uuid))

    assert response.status_code == 200
    rows = list(response.context["page"])
    assert {row.employee.name for row in rows} == {"Eka Staf", "Fajar Rekan", "Dewi Kasi"}
    assert f'data-employee="{world.nurse.uuid}"'.encode() not in response.content


def test_compliance_page_lists_who_has_not_assessed(client, world, approved_team, window):
    submitted_report(approved_team["staff"], window)

    response = login(client, world, "hr").get(url(window=window.uuid, list="assess"))

    assert response.status_code == 200
    assert f'data-employee="{world.staff.uuid}"'.encode() in response.content
    assert f'data-assessor="{world.section_head.uuid}"'.encode() in response.content


def test_compliance_page_defaults_to_the_latest_started_window(client, world, approved_team):
    response = login(client, world, "hr").get(url())

    assert response.status_code == 200
    window = response.context["filters"].window
    assert window.start_date <= now().date()


@pytest.mark.parametrize("persona", ["staff", "section_head", "division_head"])
def test_compliance_page_is_not_for_employees(client, world, approved_team, persona):
    assert login(client, world, persona).get(url()).status_code == 404


def test_compliance_of_another_agency_window_is_not_found(client, world, approved_team, window):
    response = login(client, world, "other_hr").get(url(window=window.uuid))

    assert response.status_code == 404


def test_compliance_unit_of_another_scope_is_not_found(client, world, approved_team, window):
    response = login(client, world, "leader").get(url(window=window.uuid, unit=world.bkpsdm.uuid))

    assert response.status_code == 404


def test_compliance_bad_uuid_is_not_found(client, world, approved_team):
    assert login(client, world, "hr").get(url(window="nope")).status_code == 404


def test_compliance_csv_exports_every_row(client, world, approved_team, window):
    response = login(client, world, "hr").get(
        url("reporting:compliance_csv", window=window.uuid, unit=world.section.uuid)
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:2] == ["NIP", "Name"]
    assert sorted(r[0] for r in rows[1:]) == sorted(
        [world.staff.nip, world.peer.nip, world.section_head.nip]
    )


def test_compliance_xlsx_exports_who_has_not_assessed(client, world, approved_team, window):
    for key in ["staff", "nurse"]:
        submitted_report(approved_team[key], window)

    response = login(client, world, "hr").get(
        url("reporting:compliance_xlsx", window=window.uuid, list="assess")
    )

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows[0]) == 7
    assert [(r[0], r[2]) for r in rows[1:]] == [
        (world.section_head.nip, world.staff.nip),
        (world.puskesmas_head.nip, world.nurse.nip),
    ]


def _more_staff(world, plan, window, count, submitted):
    for n in range(count):
        employee = EmployeeFactory(agency=world.agency, name=f"Tambahan {n:02d}")
        AssignmentFactory(employee=employee, position=world.positions["staff"])
        skp = approved_skp(employee, plan.period, world.section_head)
        if submitted:
            submitted_report(skp, window)
            Evaluation.objects.create(skp=skp, window=window, assessor=world.division_head)


@pytest.mark.parametrize("kind", ["report", "assess"])
def test_compliance_page_costs_the_same_queries_for_one_and_many(
    client, world, plan, approved_team, window, kind
):
    login(client, world, "hr")
    submitted_report(approved_team["staff"], window)
    page_url = url(window=window.uuid, list=kind)
    client.get(page_url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(page_url).status_code == 200
    _more_staff(world, plan, window, 12, submitted=kind == "assess")
    with CaptureQueriesContext(connection) as many:
        response = client.get(page_url)
    assert response.status_code == 200
    assert response.context["page"].paginator.count >= 12
    assert len(many) == len(few)


@pytest.mark.parametrize(
    ("persona", "compliance", "documents"),
    [
        ("hr", True, True),
        ("leader", True, False),
        ("section_head", False, True),
        ("staff", False, False),
    ],
)
def test_navigation_offers_compliance_and_documents_to_whom_may(
    client, world, plan, persona, compliance, documents
):
    content = login(client, world, persona).get(reverse("web:home")).content.decode()

    assert (f'href="{reverse("reporting:compliance")}"' in content) is compliance
    assert (f'href="{reverse("reporting:batch_list")}"' in content) is documents
