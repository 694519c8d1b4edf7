"""API: evaluation PDFs, bulk document jobs and compliance lists."""

import io
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.api.tests.conftest import API
from kinerja.execution.models import PeriodReport
from kinerja.org.tests.factories import AssignmentFactory, EmployeeFactory
from kinerja.reporting.models import DocumentBatch
from kinerja.reporting.tests import conftest as reporting_fixtures
from kinerja.reporting.tests.conftest import make_evaluation, submitted_report
from kinerja.reporting.tests.test_batch import approved_skp

plan = reporting_fixtures.plan
staff_plan = reporting_fixtures.staff_plan
evaluated = reporting_fixtures.evaluated


def test_api_evaluation_pdf_for_the_assessor(bearer, evaluated):
    response = bearer("section_head").get(f"{API}/evaluations/{evaluated.uuid}/pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


@pytest.mark.parametrize("persona", ["peer", "other_hr"])
def test_api_evaluation_pdf_is_not_found_for_others(bearer, evaluated, persona):
    response = bearer(persona).get(f"{API}/evaluations/{evaluated.uuid}/pdf")

    assert response.status_code == 404


def test_api_batch_start_status_and_zip(
    bearer, evaluated, world, plan, django_capture_on_commit_callbacks
):
    client = bearer("hr")
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(
            f"{API}/document-batches",
            {"unit": str(world.section.uuid), "window": str(evaluated.window.uuid)},
            content_type="application/json",
        )

    assert started.status_code == 201
    uuid = started.json()["uuid"]
    status = client.get(f"{API}/document-batches/{uuid}").json()
    assert (status["status"], status["total"], status["done"], status["percent"]) == (
        "done",
        1,
        1,
        100,
    )
    assert status["download"] == f"/api/v1/document-batches/{uuid}/zip"
    response = client.get(status["download"])
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert len(archive.namelist()) == 1


def test_api_batch_start_for_a_unit_outside_scope_is_not_found(bearer, evaluated, world):
    response = bearer("section_head").post(
        f"{API}/document-batches",
        {"unit": str(world.puskesmas.uuid), "window": str(evaluated.window.uuid)},
        content_type="application/json",
    )

    assert response.status_code == 404
    assert not DocumentBatch.objects.exists()


def test_api_batch_start_without_documents_is_a_problem(bearer, world, plan):
    response = bearer("hr").post(
        f"{API}/document-batches",
        {"unit": str(world.section.uuid), "period": str(plan.period.uuid)},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert not DocumentBatch.objects.exists()


def test_api_batch_of_someone_else_is_not_found(bearer, world, plan):
    batch = DocumentBatch.objects.create(
        unit=world.section, period=plan.period, requested_by=world.users["hr"], total=1
    )

    assert bearer("section_head").get(f"{API}/document-batches/{batch.uuid}").status_code == 404
    assert bearer("hr").get(f"{API}/document-batches/{batch.uuid}/zip").status_code == 400


def test_api_compliance_lists(bearer, evaluated, world, plan):
    window = evaluated.window
    peer = approved_skp(world.peer, plan.period, world.section_head)
    PeriodReport.objects.create(skp=peer, window=window)
    client = bearer("hr")

    reported = client.get(
        f"{API}/compliance/not-reported",
        {"window": str(window.uuid), "unit": str(world.section.uuid)},
    ).json()

    assert {item["employee"]["nip"]: item["report_status"] for item in reported["items"]} == {
        world.peer.nip: "draft",
        world.section_head.nip: None,
    }
    assert reported["count"] == 2

    submitted_report(peer, plan.period.windows.get(number=2))
    assessed = client.get(f"{API}/compliance/not-assessed", {"window": str(window.uuid)}).json()
    assert assessed == {"items": [], "count": 0}  # staff's evaluation is final


def test_api_compliance_is_not_for_employees(bearer, evaluated):
    response = bearer("staff").get(
        f"{API}/compliance/not-reported", {"window": str(evaluated.window.uuid)}
    )

    assert response.status_code == 404


def test_api_not_assessed_costs_the_same_queries_for_one_and_many(bearer, world, plan):
    window = plan.period.windows.get(number=1)
    client = bearer("hr")
    url = f"{API}/compliance/not-assessed"

    def add(n):
        for i in range(n):
            employee = EmployeeFactory(agency=world.agency, name=f"Tambahan {n}-{i}")
            AssignmentFactory(employee=employee, position=world.positions["staff"])
            skp = approved_skp(employee, plan.period, world.section_head)
            submitted_report(skp, window)
            make_evaluation(skp, window, assessor=world.section_head, final=False)

    add(1)
    client.get(url, {"window": str(window.uuid)})
    with CaptureQueriesContext(connection) as one:
        assert client.get(url, {"window": str(window.uuid)}).json()["count"] == 1
    add(11)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url, {"window": str(window.uuid)}).json()["count"] == 12
    assert len(many) == len(one)
