"""HR and leaders' pages: results with the honest statistics, set-up, exports, poster,
permissions and query counts."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.core.models import ActivityLog
from kinerja.surveys.enums import RejectionReason
from kinerja.surveys.models import RejectedSubmission, SurveyPeriod, SurveyUnit
from kinerja.surveys.tests.conftest import add_responses


def login(client, world, key):
    client.force_login(world.users[key])


def results_url(survey, period=None):
    url = reverse("surveys:results", args=[survey.unit.uuid])
    return f"{url}?periode={period.uuid}" if period else url


def test_results_show_ikm_grade_interval_and_adequacy(client, world, survey):
    add_responses(survey.unit, survey.period, [(4, 3, 3, 4, 4, 3, 4, 3, 4)] * 5 + [(3,) * 9] * 5)
    RejectedSubmission.objects.create(
        survey_unit=survey.unit, day=survey.on, reason=RejectionReason.HONEYPOT, count=4
    )
    login(client, world, "hr")
    page = client.get(results_url(survey))
    assert page.status_code == 200
    results = page.context["results"]
    assert results.index.respondents == 10
    # 5 × 32 + 5 × 27 = 295 points over 90 answers → 295 / 90 × 25 = 81.94
    assert str(results.index.index_display) == "81.94"
    assert results.index.band.grade == "B"
    assert results.sample.required == 80 and results.sample.provisional
    html = page.content.decode()
    assert 'id="survey-ikm">81,94<' in html
    assert 'id="survey-ikm-ci"' in html
    assert 'id="survey-provisional"' in html
    assert 'data-code="sample_below_required"' in html
    assert 'data-reason="honeypot"' in html
    assert html.count("<details") >= 13  # why panels: index, interval, grade, sample, 9 elements


def test_results_trend_lists_periods_oldest_first(client, world, survey):
    add_responses(survey.unit, survey.earlier, [(2,) * 9] * 3)
    add_responses(survey.unit, survey.period, [(4,) * 9] * 3)
    login(client, world, "hr")
    trend = client.get(results_url(survey)).context["trend"]
    assert [(p.period.name, p.respondents, str(p.index_display)) for p in trend] == [
        ("Triwulan lalu", 3, "50.00"),
        ("Triwulan ini", 3, "100.00"),
    ]


def test_results_breakdown_by_profile(client, world, survey):
    add_responses(survey.unit, survey.period, [(4,) * 9] * 2, sex="F")
    add_responses(survey.unit, survey.period, [(2,) * 9], sex="M")
    add_responses(survey.unit, survey.period, [(3,) * 9])
    login(client, world, "hr")
    breakdowns = client.get(results_url(survey)).context["results"].breakdowns
    sex = next(b for b in breakdowns if b.field == "sex")
    rows = {r.value: (r.count, str(r.index_display)) for r in sex.rows}
    assert rows == {"M": (1, "50.00"), "F": (2, "100.00")}
    assert sex.unanswered == 1


def test_results_default_period_is_latest_with_answers(client, world, survey):
    add_responses(survey.unit, survey.earlier, [(3,) * 9])
    login(client, world, "hr")
    assert client.get(results_url(survey)).context["period"] == survey.earlier


def test_results_default_period_prefers_an_ended_one(client, world, survey):
    add_responses(survey.unit, survey.earlier, [(3,) * 9])
    add_responses(survey.unit, survey.period, [(4,) * 9])
    login(client, world, "hr")
    assert client.get(results_url(survey)).context["period"] == survey.earlier
    assert client.get(results_url(survey, survey.period)).context["period"] == survey.period


def test_results_unknown_period_is_404(client, world, survey):
    login(client, world, "hr")
    url = reverse("surveys:results", args=[survey.unit.uuid]) + "?periode=nope"
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("persona", "status"),
    [("hr", 200), ("leader", 200), ("superadmin", 200), ("staff", 404), ("other_hr", 404),
     ("puskesmas_head", 404), ("section_head", 404)],
)  # fmt: skip
def test_results_permissions(client, world, survey, persona, status):
    login(client, world, persona)
    assert client.get(results_url(survey)).status_code == status


def test_results_anonymous_goes_to_login(client, survey):
    response = client.get(results_url(survey))
    assert response.status_code == 302 and "/akun/login/" in response["Location"]


def _results_queries(client, survey) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(results_url(survey)).status_code == 200
    return len(ctx)


def test_results_query_count_does_not_grow_with_answers_or_periods(client, world, survey):
    login(client, world, "hr")
    add_responses(survey.unit, survey.period, [(3,) * 9])
    one = _results_queries(client, survey)
    add_responses(survey.unit, survey.period, [(4,) * 9] * 40, sex="F", age_band="20-29")
    for n in range(5):
        start = survey.earlier.start_date - datetime.timedelta(days=100 * (n + 1))
        period = SurveyPeriod.objects.create(
            agency=world.agency, name=f"Lama {n}", start_date=start,
            end_date=start + datetime.timedelta(days=80),
        )  # fmt: skip
        add_responses(survey.unit, period, [(2,) * 9] * 3)
    RejectedSubmission.objects.create(
        survey_unit=survey.unit, day=survey.on, reason=RejectionReason.INVALID, count=2
    )
    assert _results_queries(client, survey) == one


def test_list_query_count_does_not_grow_with_units(client, world, survey):
    login(client, world, "hr")
    url = reverse("surveys:list")
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    one = len(ctx)
    for unit in [world.root, world.health, world.division, world.section, world.bkpsdm]:
        made = SurveyUnit.objects.create(unit=unit, slug=f"s-{unit.code.lower()}")
        add_responses(made, survey.period, [(3,) * 9] * 2)
    with CaptureQueriesContext(connection) as ctx:
        page = client.get(url)
    assert len(page.context["rows"]) == 6
    assert len(ctx) == one


def test_list_denied_to_plain_employee(client, world, survey):
    login(client, world, "staff")
    assert client.get(reverse("surveys:list")).status_code == 403


def test_create_survey_by_hr_is_logged(client, world):
    login(client, world, "hr")
    response = client.post(
        reverse("surveys:create"),
        {"unit": world.puskesmas.pk, "slug": "pkm-baru", "population_served": "250",
         "is_active": "on", "ask_officer": "on", "officer_threshold": "3"},
    )  # fmt: skip
    survey_unit = SurveyUnit.objects.get(slug="pkm-baru")
    assert response.status_code == 302
    assert survey_unit.population_served == 250
    entry = ActivityLog.objects.get(action="surveys.survey_unit_create")
    assert entry.actor == world.users["hr"] and entry.after["slug"] == "pkm-baru"


def test_create_survey_reserved_slug_or_low_threshold_is_refused(client, world):
    login(client, world, "hr")
    for slug, threshold in [("unit", "3"), ("pkm-ok", "2")]:
        response = client.post(
            reverse("surveys:create"),
            {"unit": world.puskesmas.pk, "slug": slug, "officer_threshold": threshold},
        )
        assert response.status_code == 200
    assert not SurveyUnit.objects.exists()


def test_create_survey_denied_to_leader_changes_nothing(client, world):
    login(client, world, "leader")
    response = client.post(
        reverse("surveys:create"), {"unit": world.puskesmas.pk, "slug": "x-leader"}
    )
    assert response.status_code == 403
    assert not SurveyUnit.objects.exists()


def test_edit_settings_logs_before_and_after(client, world, survey):
    login(client, world, "hr")
    response = client.post(
        reverse("surveys:edit", args=[survey.unit.uuid]),
        {"slug": "pkm-kassi-kassi", "population_served": "400", "is_active": "on",
         "officer_threshold": "5"},
    )  # fmt: skip
    assert response.status_code == 302
    survey.unit.refresh_from_db()
    assert survey.unit.population_served == 400 and not survey.unit.ask_officer
    entry = ActivityLog.objects.get(action="surveys.survey_unit_update")
    assert entry.before["population_served"] == 100 and entry.after["population_served"] == 400


def test_edit_denied_to_leader_changes_nothing(client, world, survey):
    login(client, world, "leader")
    response = client.post(
        reverse("surveys:edit", args=[survey.unit.uuid]),
        {"slug": "hijack", "population_served": "1"},
    )
    assert response.status_code == 403
    survey.unit.refresh_from_db()
    assert survey.unit.slug == "pkm-kassi-kassi"


def test_period_overlap_is_refused(client, world, survey):
    login(client, world, "hr")
    url = reverse("surveys:period_create", args=[survey.unit.uuid])
    overlapping = {"name": "Tumpang", "start_date": survey.on.isoformat(),
                   "end_date": survey.on.isoformat()}  # fmt: skip
    assert client.post(url, overlapping).status_code == 200
    later = survey.on + datetime.timedelta(days=100)
    fine = {"name": "Nanti", "start_date": later.isoformat(), "end_date": later.isoformat()}
    assert client.post(url, fine).status_code == 302
    assert SurveyPeriod.objects.filter(name="Nanti").exists()
    assert not SurveyPeriod.objects.filter(name="Tumpang").exists()


def test_export_answers_csv_has_no_personal_data(client, world, survey):
    add_responses(survey.unit, survey.period, [(4, 3, 2, 1, 4, 3, 2, 1, 4)], officer=world.nurse,
                  sex="F")  # fmt: skip
    login(client, world, "hr")
    url = reverse("surveys:export_answers", args=[survey.unit.uuid, "csv"])
    response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 2
    assert rows[1][1:10] == ["4", "3", "2", "1", "4", "3", "2", "1", "4"]
    for secret in [world.nurse.name, world.nurse.nip, str(world.nurse.uuid)]:
        assert secret not in text
    assert str(survey.unit.responses.get().uuid) not in text


def test_export_answers_xlsx_and_results(client, world, survey):
    add_responses(survey.unit, survey.period, [(3,) * 9] * 4, officer=world.nurse)
    login(client, world, "leader")
    answers = client.get(reverse("surveys:export_answers", args=[survey.unit.uuid, "xlsx"]))
    sheet = load_workbook(io.BytesIO(answers.content)).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row]
    assert sheet.max_row == 5
    assert world.nurse.name not in [str(v) for v in values]
    results = client.get(reverse("surveys:export_results", args=[survey.unit.uuid, "csv"]))
    text = results.content.decode("utf-8-sig")
    assert "75.00" in text
    assert (
        client.get(reverse("surveys:export_answers", args=[survey.unit.uuid, "doc"])).status_code
        == 404
    )


def test_poster_png_and_pdf_and_report(client, world, survey):
    add_responses(survey.unit, survey.period, [(3,) * 9] * 4)
    login(client, world, "hr")
    png = client.get(reverse("surveys:poster", args=[survey.unit.uuid, "png"]))
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    pdf = client.get(reverse("surveys:poster", args=[survey.unit.uuid, "pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    report = client.get(reverse("surveys:report", args=[survey.unit.uuid]))
    assert report.status_code == 200 and report.content.startswith(b"%PDF")


def test_poster_qr_encodes_the_public_address(world, survey):
    from kinerja.surveys.documents import qr_code

    url = "http://testserver/survei/pkm-kassi-kassi/"
    code = qr_code(url)
    assert code.designator.endswith("-M")  # error correction level M
    assert code.matrix  # a real code, not an empty image


def test_poster_denied_to_employee(client, world, survey):
    login(client, world, "nurse")
    assert client.get(reverse("surveys:poster", args=[survey.unit.uuid, "png"])).status_code == 404


def test_results_without_answers_or_periods_render(client, world, survey):
    login(client, world, "hr")
    page = client.get(results_url(survey))
    assert page.status_code == 200
    assert page.context["results"].index.index is None
    assert 'id="survey-provisional"' in page.content.decode()
    SurveyPeriod.objects.all().delete()
    empty = client.get(results_url(survey))
    assert empty.status_code == 200 and "results" not in empty.context
    report = client.get(reverse("surveys:report", args=[survey.unit.uuid]))
    assert report.status_code == 404


def _unit_hr(world):
    """An HR admin over the puskesmas only (not the whole agency)."""
    from kinerja.access.models import RoleKind, ScopedRole

    user = get_user_model().objects.create_user(username="sdm.pkm", password=None)
    ScopedRole.objects.create(
        user=user, role=RoleKind.HR_ADMIN, agency=world.agency, unit=world.puskesmas
    )
    return user


def test_agency_hr_opens_one_period_for_every_survey_unit(client, world, survey):
    other = SurveyUnit.objects.create(unit=world.health, slug="dinkes", population_served=50)
    login(client, world, "hr")
    url = reverse("surveys:period_create", args=[survey.unit.uuid])
    assert "agency_wide" in client.get(url).context["form"].fields
    later = survey.on + datetime.timedelta(days=100)
    data = {"name": "Semester bersama", "start_date": later.isoformat(),
            "end_date": later.isoformat(), "agency_wide": "on"}  # fmt: skip
    assert client.post(url, data).status_code == 302
    shared = SurveyPeriod.objects.get(name="Semester bersama")
    assert shared.unit_id is None and shared.agency_id == world.agency.pk
    page = client.get(reverse("surveys:results", args=[other.uuid]))
    assert shared in page.context["periods"]


def test_unit_hr_opens_periods_for_their_unit_only(client, world, survey):
    client.force_login(_unit_hr(world))
    url = reverse("surveys:period_create", args=[survey.unit.uuid])
    assert "agency_wide" not in client.get(url).context["form"].fields
    later = survey.on + datetime.timedelta(days=100)
    data = {"name": "Hanya unit", "start_date": later.isoformat(),
            "end_date": later.isoformat(), "agency_wide": "on"}  # fmt: skip
    assert client.post(url, data).status_code == 302
    assert SurveyPeriod.objects.get(name="Hanya unit").unit_id == world.puskesmas.pk
