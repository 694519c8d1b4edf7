import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.appraisal.enums import EvaluationStatus, ObjectionStatus
from kinerja.appraisal.models import Evaluation, FinalisationRun, FinalisationStatus, Objection
from kinerja.appraisal.services.credit_points import credit_points_award
from kinerja.appraisal.services.objection import objection_file
from kinerja.appraisal.tests.objection_world import final, rated
from kinerja.core.services import log_action
from kinerja.org.enums import FunctionalLevel, PositionKind
from kinerja.org.tests.factories import AssignmentFactory, EmployeeFactory, PositionFactory
from kinerja.planning.services import skp_create

START = datetime.date(2024, 1, 1)  # as the world's own posts (root conftest.py)


def login_user(employee):
    """A login for ``employee`` (tests here never sign in with a password)."""
    user = get_user_model().objects.create_user(username=employee.nip, password=None)
    employee.user = user
    employee.save(update_fields=["user"])
    return user


pytestmark = pytest.mark.django_db


def client_for(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def staff_final(world, year):
    return final(year.staff, world.section_head, "below", "as_expected")


def extra_objections(world, year, count):
    """``count`` more employees in the nurse's Puskesmas, each objecting to a final
    result with credit points."""
    for i in range(count):
        position = PositionFactory(
            unit=world.puskesmas,
            code=f"PRW{i}",
            name=f"Perawat {i}",
            kind=PositionKind.FUNGSIONAL,
            level=FunctionalLevel.AHLI_PERTAMA,
            reports_to=world.positions["kapus"],
        )
        employee = EmployeeFactory(agency=world.agency, name=f"Perawat {i}")
        AssignmentFactory(employee=employee, position=position, start_date=START)
        user = login_user(employee)
        skp = skp_create(employee=employee, period=year.period, on=year.period.start_date)
        evaluation = final(skp, world.puskesmas_head, "below", "below")
        credit_points_award(evaluation=evaluation, actor=None)
        objection_file(evaluation=evaluation, reasons=f"Alasan {i}", actor=user)
        log_action(actor=user, action="test.touch", subject_employee_id=employee.pk, after={"i": i})


def test_objection_page_employee_files_from_results(client, world, staff_final):
    client = client_for(client, world.users["staff"])
    page = client.get(reverse("appraisal:objection_mine"))
    assert page.status_code == 200
    assert reverse("appraisal:objection_file", args=[staff_final.uuid]) in page.text
    response = client.post(
        reverse("appraisal:objection_file", args=[staff_final.uuid]),
        {"reasons": "Target sudah tercapai."},
    )
    objection = Objection.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("appraisal:objection_detail", args=[objection.uuid])
    assert objection.reasons == "Target sudah tercapai."


def test_objection_page_file_refused_for_someone_else(client, world, staff_final):
    client = client_for(client, world.users["peer"])
    response = client.post(
        reverse("appraisal:objection_file", args=[staff_final.uuid]), {"reasons": "x"}
    )
    assert response.status_code == 404
    assert not Objection.objects.exists()


def test_objection_page_file_after_deadline_shows_problem(client, world, year):
    evaluation = final(year.staff, world.section_head, days_ago=15)
    client = client_for(client, world.users["staff"])
    response = client.post(
        reverse("appraisal:objection_file", args=[evaluation.uuid]), {"reasons": "x"}
    )
    assert response.status_code == 200
    assert 'data-testid="problem"' in response.text
    assert not Objection.objects.exists()


def test_objection_detail_shows_both_sides_and_decides(client, world, staff_final):
    objection = objection_file(
        evaluation=staff_final, reasons="Alasan pegawai", actor=world.users["staff"]
    )
    assessor = client_for(client, world.users["section_head"])
    assessor.post(
        reverse("appraisal:objection_statement", args=[objection.uuid]),
        {"statement": "Penjelasan penilai"},
    )
    client.logout()
    decider = client_for(client, world.users["division_head"])
    page = decider.get(reverse("appraisal:objection_detail", args=[objection.uuid]))
    assert 'data-testid="reasons"' in page.text and "Alasan pegawai" in page.text
    assert "Penjelasan penilai" in page.text
    assert 'data-testid="decide-form"' in page.text
    response = decider.post(
        reverse("appraisal:objection_decide", args=[objection.uuid]),
        {
            "decision": "change",
            "results_rating": "as_expected",
            "behaviour_rating": "as_expected",
            "reason": "Bukti lengkap",
        },
    )
    assert response.status_code == 302
    staff_final.refresh_from_db()
    assert staff_final.predicate == "baik"
    page = decider.get(reverse("appraisal:objection_detail", args=[objection.uuid]))
    assert 'data-testid="decide-form"' not in page.text
    assert 'data-status="changed"' in page.text


@pytest.mark.parametrize("key", ["section_head", "staff", "head_of_office"])
def test_objection_decide_page_refused_to_others(client, world, staff_final, key):
    objection = objection_file(evaluation=staff_final, reasons="x", actor=world.users["staff"])
    client = client_for(client, world.users[key])
    response = client.post(
        reverse("appraisal:objection_decide", args=[objection.uuid]),
        {"decision": "uphold", "reason": "x"},
    )
    assert response.status_code in (403, 404)
    objection.refresh_from_db()
    assert objection.status == ObjectionStatus.FILED


def test_objection_detail_hidden_from_unrelated_people(client, world, staff_final):
    objection = objection_file(evaluation=staff_final, reasons="x", actor=world.users["staff"])
    for key in ("peer", "nurse", "other_hr"):
        client.force_login(world.users[key])
        response = client.get(reverse("appraisal:objection_detail", args=[objection.uuid]))
        assert response.status_code == 404


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_objection_list_hr_sees_overdue_and_constant_queries(client, world, year, staff_final):
    objection_file(evaluation=staff_final, reasons="x", actor=world.users["staff"])
    Objection.objects.update(decide_by=year.period.start_date)
    client = client_for(client, world.users["hr"])
    url = reverse("appraisal:objection_list")
    page = client.get(url)
    assert page.text.count('data-testid="objection-row"') == 1
    assert 'data-testid="overdue"' in page.text
    one = _queries(client, url)
    extra_objections(world, year, 10)
    assert client.get(url).text.count('data-testid="objection-row"') == 11
    assert _queries(client, url) == one


def test_objection_list_decider_filter(client, world, year, staff_final):
    objection_file(evaluation=staff_final, reasons="x", actor=world.users["staff"])
    extra_objections(world, year, 2)
    client = client_for(client, world.users["division_head"])
    page = client.get(reverse("appraisal:objection_list") + "?peran=putuskan")
    assert page.text.count('data-testid="objection-row"') == 1


def test_activity_log_page_for_hr_with_constant_queries(client, world, year, staff_final):
    objection_file(evaluation=staff_final, reasons="x", actor=world.users["staff"])
    client = client_for(client, world.users["hr"])
    url = reverse("appraisal:activity_log", args=[world.staff.uuid])
    page = client.get(url)
    assert 'data-testid="activity-row"' in page.text
    assert "appraisal.objection_file" in page.text
    one = _queries(client, url)
    for i in range(12):
        log_action(
            actor=world.users["section_head"],
            action="test.change",
            subject_employee_id=world.staff.pk,
            before={"n": i},
            after={"n": i + 1},
            reason=f"alasan {i}",
        )
    assert _queries(client, url) == one


def test_activity_log_export_csv(client, world, staff_final):
    objection_file(evaluation=staff_final, reasons="Alasan CSV", actor=world.users["staff"])
    client = client_for(client, world.users["hr"])
    response = client.get(reverse("appraisal:activity_log_csv", args=[world.staff.uuid]))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert any(row[2] == "appraisal.objection_file" and row[6] == "Alasan CSV" for row in rows)


@pytest.mark.parametrize("key", ["staff", "section_head", "other_hr", "leader"])
def test_activity_log_refused_to_non_hr(client, world, staff_final, key):
    client = client_for(client, world.users[key])
    for name in ("appraisal:activity_log", "appraisal:activity_log_csv"):
        response = client.get(reverse(name, args=[world.staff.uuid]))
        assert response.status_code == 404


def test_credit_points_list_and_exports(client, world, year):
    evaluation = final(year.nurse, world.puskesmas_head, "above", "above")
    credit_points_award(evaluation=evaluation, actor=None)
    client = client_for(client, world.users["hr"])
    url = reverse("appraisal:credit_points_list")
    page = client.get(url)
    assert 'data-points="18.75"' in page.text
    assert "<details>" in page.text
    one = _queries(client, url)
    extra_objections(world, year, 10)
    assert client.get(url).text.count('data-testid="credit-points-row"') == 11
    assert _queries(client, url) == one

    xlsx = client.get(reverse("appraisal:credit_points_export") + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][0] == "NIP"
    assert len(values) == 12
    assert any(row[1] == world.nurse.full_name and row[-1] == 18.75 for row in values)
    text = client.get(
        reverse("appraisal:credit_points_export") + f"?format=csv&unit={world.puskesmas.uuid}"
    ).content.decode()
    assert len(list(csv.reader(io.StringIO(text)))) == 12


def test_credit_points_list_refused_to_employees(client, world):
    client = client_for(client, world.users["staff"])
    assert client.get(reverse("appraisal:credit_points_list")).status_code == 403
    assert client.get(reverse("appraisal:credit_points_export")).status_code == 403


def test_credit_points_shown_to_the_employee(client, world, year):
    evaluation = final(year.nurse, world.puskesmas_head, "as_expected", "as_expected")
    credit_points_award(evaluation=evaluation, actor=None)
    page = client_for(client, world.users["nurse"]).get(reverse("appraisal:objection_mine"))
    assert 'data-points="12.50"' in page.text


def test_year_end_page_runs_the_finalisation(
    client, world, year, django_capture_on_commit_callbacks
):
    rated(year.staff, world.section_head, "above", "as_expected")
    rated(year.nurse, world.puskesmas_head)
    client = client_for(client, world.users["hr"])
    assert client.get(reverse("appraisal:year_end")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("appraisal:year_end"),
            {"period": str(year.period.uuid), "unit": str(world.section.uuid)},
        )
    run = FinalisationRun.objects.get()
    assert response["Location"] == reverse("appraisal:year_end_run", args=[run.uuid])
    assert run.status == FinalisationStatus.DONE
    assert Evaluation.objects.get(skp=year.staff).status == EvaluationStatus.FINAL
    assert Evaluation.objects.get(skp=year.nurse).status == EvaluationStatus.DRAFT
    page = client.get(response["Location"])
    assert 'data-status="done"' in page.text


def test_year_end_refused_to_non_hr(client, world, year):
    rated(year.staff, world.section_head)
    client = client_for(client, world.users["section_head"])
    assert client.get(reverse("appraisal:year_end")).status_code == 403
    response = client.post(reverse("appraisal:year_end"), {"period": str(year.period.uuid)})
    assert response.status_code == 403
    assert not FinalisationRun.objects.exists()
