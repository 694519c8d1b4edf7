import io
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.org.enums import PositionKind
from kinerja.org.tests.factories import AssignmentFactory, EmployeeFactory, PositionFactory
from kinerja.planning.enums import Aspect
from kinerja.planning.models import Skp
from kinerja.planning.services import indicator_add, period_create, result_add, skp_create
from kinerja.planning.tests.conftest import complete_result
from kinerja.reporting.tests.conftest import RESULT_TEXT
from kinerja.reporting.views import safe_filename

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def login(client, world, persona):
    """Logged in, reading English: the labels are the source strings."""
    client.force_login(world.users[persona])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def sheet_rows(response) -> list[tuple]:
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    return list(workbook.worksheets[0].iter_rows(values_only=True))


# --- the SKP PDF -----------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["staff", "section_head", "division_head", "hr", "leader"])
def test_skp_pdf_downloads_for_who_may_read_the_plan(client, world, staff_plan, persona):
    url = reverse("reporting:skp_pdf", args=[staff_plan.uuid])
    response = login(client, world, persona).get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="SKP_{world.staff.nip}_{staff_plan.period.year}_v1.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"
    assert response.content.startswith(b"%PDF-")


@pytest.mark.parametrize("persona", ["peer", "nurse", "other_employee", "other_hr"])
def test_skp_pdf_is_not_found_for_who_may_not_read_it(client, world, staff_plan, persona):
    url = reverse("reporting:skp_pdf", args=[staff_plan.uuid])
    response = login(client, world, persona).get(url)

    assert response.status_code == 404
    assert world.staff.nip.encode() not in response.content
    assert b"%PDF" not in response.content


def test_skp_pdf_asks_an_anonymous_visitor_to_log_in(client, staff_plan):
    response = client.get(reverse("reporting:skp_pdf", args=[staff_plan.uuid]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_skp_pdf_of_an_unknown_plan_is_not_found(client, world, staff_plan):
    url = reverse("reporting:skp_pdf", args=["00000000-0000-0000-0000-000000000000"])

    assert login(client, world, "hr").get(url).status_code == 404


def test_skp_pdf_refuses_writes(client, world, staff_plan):
    url = reverse("reporting:skp_pdf", args=[staff_plan.uuid])

    assert login(client, world, "staff").post(url).status_code == 405


def test_safe_filename_keeps_only_plain_characters():
    assert safe_filename("SKP", "Unit/Kota 1", '"2026"', "v1") == "SKP_Unit-Kota-1_2026_v1"


# --- the unit XLSX ---------------------------------------------------------------------

HEADER = (
    "NIP",
    "Name",
    "Position",
    "Unit",
    "SKP status",
    "Version",
    "SKP start",
    "SKP end",
    "Result kind",
    "Planned result (RHK)",
    "Supports the superior's result",
    "Aspect",
    "Indicator (IKI)",
    "Target",
    "Unit of measure",
)


def xlsx_url(unit, period=None) -> str:
    url = reverse("reporting:unit_skp_xlsx", args=[unit.uuid])
    return f"{url}?period={period.uuid}" if period else url


def test_unit_xlsx_has_a_row_per_indicator_of_the_subtree(client, world, staff_plan, plan):
    response = login(client, world, "hr").get(xlsx_url(world.division, plan.period))

    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == (
        f'attachment; filename="SKP_DINKES-YAN_{plan.period.year}.xlsx"'
    )
    rows = sheet_rows(response)
    assert rows[0] == HEADER
    assert [(r[1], r[9], r[10], r[12], r[13], r[14]) for r in rows[1:]] == [
        (
            "Citra Kabid",
            "Layanan rujukan tepat waktu",
            "Pelayanan kesehatan rujukan meningkat",
            "Jumlah Layanan rujukan tepat waktu",
            12,
            "dokumen",
        ),
        (
            "Dewi Kasi",
            "Rujukan terverifikasi",
            "Layanan rujukan tepat waktu",
            "Jumlah Rujukan terverifikasi",
            12,
            "dokumen",
        ),
        (
            "Eka Staf",
            RESULT_TEXT,
            "Rujukan terverifikasi",
            "Jumlah dokumen rujukan yang diverifikasi",
            120,
            "dokumen",
        ),
        (
            "Eka Staf",
            RESULT_TEXT,
            "Rujukan terverifikasi",
            "Persentase dokumen tanpa kesalahan",
            100,
            "%",
        ),
        (
            "Eka Staf",
            RESULT_TEXT,
            "Rujukan terverifikasi",
            "Waktu penyelesaian verifikasi",
            12,
            "bulan",
        ),
        (
            "Eka Staf",
            "Membantu kegiatan bakti sosial",
            None,
            "Jumlah kegiatan yang diikuti",
            2,
            "kegiatan",
        ),
    ]
    staff_row = rows[3]
    assert staff_row[:9] == (
        world.staff.nip,
        "Eka Staf",
        "Pengadministrasi Rujukan",
        "Seksi Rujukan",
        "Draft",
        1,
        staff_row[6],
        staff_row[7],
        "Main (utama)",
    )
    assert staff_row[6].date() == staff_plan.start_date
    assert staff_row[11] == "Quantity (kuantitas)"


def test_unit_xlsx_lists_a_plan_without_results_on_its_own_row(client, world, plan):
    rows = sheet_rows(login(client, world, "hr").get(xlsx_url(world.section)))

    assert [(r[1], r[4], r[9], r[12]) for r in rows[1:]] == [
        (
            "Dewi Kasi",
            "Approved (ditetapkan)",
            "Rujukan terverifikasi",
            "Jumlah Rujukan terverifikasi",
        ),
        ("Eka Staf", "Draft", None, None),
    ]


def test_unit_xlsx_header_is_styled_frozen_and_sized(client, world, plan):
    response = login(client, world, "hr").get(xlsx_url(world.section))

    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert sheet.title == f"SKP {plan.period.year}"
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.b is True
    assert sheet.column_dimensions["J"].width == 45
    assert sheet.auto_filter.ref == "A1:O3"


def test_unit_xlsx_writes_formula_like_text_as_text(client, world, plan):
    result = result_add(skp=plan.staff, text='=HYPERLINK("http://x","klik")')
    indicator_add(result=result, aspect=Aspect.QUANTITY, text="=1+1", target_text="-")

    response = login(client, world, "hr").get(xlsx_url(world.section))

    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert sheet["J3"].value == '=HYPERLINK("http://x","klik")'
    assert sheet["J3"].data_type == "s"
    assert sheet["M3"].data_type == "s"


@pytest.mark.parametrize("persona", ["hr", "leader", "superadmin"])
def test_unit_xlsx_downloads_for_who_may_see_the_units_plans(client, world, plan, persona):
    response = login(client, world, persona).get(xlsx_url(world.health))

    assert response.status_code == 200
    assert len(sheet_rows(response)) == 1 + 4


@pytest.mark.parametrize(
    "persona", ["staff", "section_head", "division_head", "head_of_office", "other_hr"]
)
def test_unit_xlsx_is_not_found_for_others(client, world, plan, persona):
    response = login(client, world, persona).get(xlsx_url(world.health))

    assert response.status_code == 404
    assert world.staff.nip.encode() not in response.content


def test_unit_xlsx_of_a_unit_outside_the_leaders_scope_is_not_found(client, world, plan):
    assert login(client, world, "leader").get(xlsx_url(world.bkpsdm)).status_code == 404


def test_unit_xlsx_for_a_period_of_another_agency_is_not_found(client, world, plan):
    other_period = period_create(agency=world.other_agency, year=plan.period.year)

    response = login(client, world, "hr").get(xlsx_url(world.health, other_period))

    assert response.status_code == 404


@pytest.mark.parametrize("value", ["not-a-uuid", "00000000-0000-0000-0000-000000000000"])
def test_unit_xlsx_for_an_unknown_period_is_not_found(client, world, plan, value):
    url = reverse("reporting:unit_skp_xlsx", args=[world.health.uuid])

    assert login(client, world, "hr").get(url, {"period": value}).status_code == 404


def test_unit_xlsx_without_any_period_is_not_found(client, world):
    assert login(client, world, "hr").get(xlsx_url(world.health)).status_code == 404


def test_unit_xlsx_leaves_out_superseded_versions(client, world, plan):
    Skp.objects.filter(pk=plan.kasi.pk).update(status="superseded")

    rows = sheet_rows(login(client, world, "hr").get(xlsx_url(world.section)))

    assert [r[1] for r in rows[1:]] == ["Eka Staf"]


def _add_planned_staff(world, plan, count: int) -> None:
    for n in range(count):
        position = PositionFactory(
            unit=world.section,
            kind=PositionKind.PELAKSANA,
            reports_to=world.positions["kasi"],
        )
        employee = EmployeeFactory(agency=world.agency, name=f"Staf Tambahan {n:02d}")
        AssignmentFactory(employee=employee, position=position, start_date=plan.period.start_date)
        skp = skp_create(employee=employee, period=plan.period, on=plan.period.start_date)
        result = complete_result(skp, f"Hasil {n}", supports=plan.kasi_result)
        indicator_add(
            result=result, aspect=Aspect.TIME, text="Tepat waktu", target_value=Decimal(12)
        )


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_unit_xlsx_query_count_is_constant(client, world, plan):
    login(client, world, "hr")
    url = xlsx_url(world.section, plan.period)
    _add_planned_staff(world, plan, 1)
    few = _queries(client, url)

    _add_planned_staff(world, plan, 29)
    many = _queries(client, url)

    assert len(sheet_rows(client.get(url))) == 1 + 1 + 1 + 30 * 2
    assert many == few


def test_skp_page_links_to_its_pdf(client, world, staff_plan):
    response = login(client, world, "staff").get(
        reverse("planning:skp_detail", args=[staff_plan.uuid])
    )

    assert reverse("reporting:skp_pdf", args=[staff_plan.uuid]) in response.content.decode()
