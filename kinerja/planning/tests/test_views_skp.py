"""The SKP screens through the test client: my SKP, the SKP page with its htmx editing,
the workflow actions for each persona, and the assessor's queue."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.core.clock import today
from kinerja.core.models import ActivityLog
from kinerja.org.enums import PositionKind
from kinerja.org.tests.factories import AssignmentFactory, EmployeeFactory, PositionFactory
from kinerja.planning.enums import Aspect, CoreValue, ResultKind, SkpStatus
from kinerja.planning.models import (
    CascadeLink,
    Indicator,
    IndicatorTemplate,
    PlannedResult,
    Skp,
)
from kinerja.planning.services import (
    annex_item_add,
    period_create,
    result_add,
    skp_approve,
    skp_create,
    skp_revise,
    skp_submit,
)
from kinerja.planning.tests.conftest import complete_result, fill_expectations

HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def _english(settings):
    """Exact messages are asserted in the source language, so these tests hold whatever
    the catalogue says; ``test_refusal_is_shown_in_indonesian`` checks the translation."""
    settings.LANGUAGE_CODE = "en"


def _login(client, world, persona):
    client.force_login(world.users[persona])


def _detail(skp):
    return reverse("planning:skp_detail", args=[skp.uuid])


def _state(skp):
    """What a denied request must leave untouched."""
    skp.refresh_from_db()
    return (
        skp.status,
        skp.version,
        list(skp.results.values_list("text", flat=True)),
        list(Indicator.objects.filter(result__skp=skp).values_list("text", flat=True)),
        list(skp.annex_items.values_list("text", flat=True)),
        list(skp.expectations.values_list("text", flat=True)),
        ActivityLog.objects.count(),
    )


def _complete_staff(plan):
    complete_result(plan.staff, "Surat rujukan terverifikasi", supports=plan.kasi_result)
    return plan.staff


# --- my SKP ----------------------------------------------------------------------------


def test_my_skp_lists_own_plan_with_deadline(client, world, plan):
    _login(client, world, "staff")

    response = client.get(reverse("planning:my_skp"))

    assert response.status_code == 200
    assert [skp for skp, _older in response.context["rows"]] == [plan.staff]
    assert response.context["can_start"] is False
    assert response.context["days_left"] == -1
    assert b"Start my SKP" not in response.content


def test_my_skp_offers_start_when_there_is_none(client, world, plan):
    _login(client, world, "peer")

    response = client.get(reverse("planning:my_skp"))

    assert response.context["rows"] == []
    assert response.context["can_start"] is True


def test_skp_create_starts_a_draft_for_the_current_post(client, world, plan):
    _login(client, world, "peer")

    response = client.post(reverse("planning:skp_create"))

    skp = Skp.objects.get(employee=world.peer)
    assert response.status_code == 302
    assert response.url == _detail(skp)
    assert (skp.status, skp.position.code, skp.expectations.count()) == ("draft", "PEER", 7)


def test_skp_create_refused_when_one_exists(client, world, plan):
    _login(client, world, "staff")

    response = client.post(reverse("planning:skp_create"), follow=True)

    assert Skp.objects.filter(employee=world.staff).count() == 1
    assert [str(m) for m in response.context["messages"]] == [
        "There is already an SKP for this position and period."
    ]


def test_skp_create_without_period_explains(client, world):
    _login(client, world, "staff")

    page = client.get(reverse("planning:my_skp"))
    response = client.post(reverse("planning:skp_create"))

    assert page.context["period"] is None
    assert response.status_code == 302
    assert Skp.objects.count() == 0


def test_my_skp_groups_earlier_versions_under_the_current_one(client, world, plan):
    revision = skp_revise(skp=plan.kasi)
    fill_expectations(revision)
    complete_result(revision, "Rujukan tambahan", supports=plan.kabid_result)
    skp_submit(skp=revision)
    skp_approve(skp=revision, approver=world.division_head)
    _login(client, world, "section_head")

    response = client.get(reverse("planning:my_skp"))

    assert response.context["rows"] == [(revision, [plan.kasi])]


def test_my_skp_needs_an_employee(client, world):
    _login(client, world, "leader")

    assert client.get(reverse("planning:my_skp")).status_code == 404


# --- the SKP page ----------------------------------------------------------------------


def test_skp_page_shows_identity_results_behaviour_annex_and_history(client, world, plan):
    staff = _complete_staff(plan)
    annex_item_add(skp=staff, kind="accountability", text="Laporan triwulanan")
    _login(client, world, "staff")

    response = client.get(_detail(staff))

    context = response.context
    assert response.status_code == 200
    assert context["superiors"].assessor.employee == world.section_head
    assert context["superiors"].assessor_superior.employee == world.division_head
    assert [r.text for r in context["main_results"]] == ["Surat rujukan terverifikasi"]
    assert context["additional_results"] == []
    assert [value.name for value, _e in context["behaviour"]][:2] == [
        "Berorientasi Pelayanan",
        "Akuntabel",
    ]
    assert [(kind, [i.text for i in items]) for kind, _label, items in context["annex"]] == [
        ("resource_support", []),
        ("accountability", ["Laporan triwulanan"]),
        ("consequence", []),
    ]
    assert [e["what"] for e in context["timeline"]] == ["started the SKP"]
    assert context["problems"] == []
    assert context["can_edit"] and context["can_submit"]
    assert not (context["can_review"] or context["can_adopt"] or context["can_revise"])
    content = response.content.decode()
    assert "Rujukan terverifikasi" in content  # the superior result it supports
    assert "Menggunakan kekayaan dan barang milik negara" in content


def test_skp_page_shows_the_snapshot_after_approval(client, world, plan):
    _login(client, world, "section_head")

    response = client.get(_detail(plan.kasi))

    assert response.context["skp"].approved_by == world.division_head
    assert response.context["skp"].assessor_superior_at_approval == world.head_of_office
    assert b"Citra Kabid" in response.content
    assert response.context["can_revise"] is True
    assert response.context["can_edit"] is False


def test_skp_page_lists_problems_in_plain_words(client, world, plan):
    result_add(skp=plan.staff, text="Berkas tanpa indikator")
    _login(client, world, "staff")

    response = client.get(_detail(plan.staff))

    assert response.context["problems"] == [
        "“Berkas tanpa indikator” has no indicator.",
        "“Berkas tanpa indikator” does not support a result of your assessor yet.",
    ]


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("staff", 200),
        ("section_head", 200),
        ("division_head", 200),
        ("hr", 200),
        ("leader", 200),
        ("superadmin", 200),
        ("peer", 404),
        ("nurse", 404),
        ("other_hr", 404),
        ("other_employee", 404),
    ],
)
def test_skp_page_visibility(client, world, plan, persona, status):
    _login(client, world, persona)

    response = client.get(_detail(plan.staff))

    assert response.status_code == status
    if status == 404:
        assert world.staff.full_name.encode() not in response.content


def test_skp_page_requires_login(client, world, plan):
    response = client.get(_detail(plan.staff))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def _add_complete_results(plan, count):
    for n in range(count):
        complete_result(plan.staff, f"Hasil {n}", supports=plan.kasi_result)
        annex_item_add(skp=plan.staff, kind="consequence", text=f"Konsekuensi {n}")


def _queries(client, url, params=None, headers=None):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}, headers=headers or {}).status_code == 200
    return len(ctx.captured_queries)


def test_skp_page_query_count_is_constant(client, world, plan):
    _login(client, world, "staff")
    url = _detail(plan.staff)
    _add_complete_results(plan, 1)
    few = _queries(client, url)

    _add_complete_results(plan, 29)
    many = _queries(client, url)

    assert few == many


def test_skp_page_query_count_is_constant_for_the_assessor(client, world, plan):
    _login(client, world, "section_head")
    url = _detail(plan.staff)
    _add_complete_results(plan, 1)
    few = _queries(client, url)

    _add_complete_results(plan, 29)
    many = _queries(client, url)

    assert few == many


# --- editing with htmx -----------------------------------------------------------------


def test_result_add_form_is_a_fragment_for_htmx(client, world, plan):
    _login(client, world, "staff")

    response = client.get(reverse("planning:result_add", args=[plan.staff.uuid]), headers=HTMX)

    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b'hx-post="/rencana/skp/' in response.content
    assert set(response.context["form"].fields) == {
        "kind",
        "text",
        "aspect",
        "indicator_text",
        "target_value",
        "target_unit",
    }


def test_result_add_form_is_a_page_without_htmx(client, world, plan):
    _login(client, world, "staff")

    response = client.get(reverse("planning:result_add", args=[plan.staff.uuid]))

    assert response.status_code == 200
    assert b"<html" in response.content


def test_result_add_with_htmx_returns_the_section_and_problems(client, world, plan):
    _login(client, world, "staff")

    response = client.post(
        reverse("planning:result_add", args=[plan.staff.uuid]),
        {
            "kind": "main",
            "text": "Data rujukan mutakhir",
            "aspect": "quantity",
            "indicator_text": "Jumlah data dimutakhirkan",
            "target_value": "12",
            "target_unit": "laporan",
        },
        headers=HTMX,
    )

    result = plan.staff.results.get()
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#skp-results"
    assert response["HX-Reswap"] == "outerHTML"
    assert b'id="skp-problems"' in response.content
    assert b'hx-swap-oob="true"' in response.content
    assert (result.text, result.kind) == ("Data rujukan mutakhir", "main")
    assert [(i.aspect, i.text, i.target_display) for i in result.indicators.all()] == [
        ("quantity", "Jumlah data dimutakhirkan", "12 laporan")
    ]


def test_result_add_invalid_keeps_input_and_translates_errors(client, world, plan):
    _login(client, world, "staff")

    response = client.post(
        reverse("planning:result_add", args=[plan.staff.uuid]),
        {"kind": "main", "text": "", "aspect": "quantity", "target_value": "-3"},
        headers=HTMX,
    )

    form = response.context["form"]
    assert response.status_code == 200
    assert "HX-Retarget" not in response
    assert form.errors == {
        "text": ["This field is required."],
        "indicator_text": ["Describe the indicator, or leave the aspect empty."],
        "target_value": ["Ensure this value is greater than or equal to 0."],
    }
    assert b'value="-3"' in response.content
    assert plan.staff.results.count() == 0


def test_result_add_without_htmx_redirects_with_message(client, world, plan):
    _login(client, world, "staff")

    response = client.post(
        reverse("planning:result_add", args=[plan.staff.uuid]),
        {"kind": "additional", "text": "Tugas piket"},
    )

    assert response.status_code == 302
    assert response.url == _detail(plan.staff) + "#skp-results"
    assert list(plan.staff.results.values_list("kind", "text")) == [("additional", "Tugas piket")]


def test_result_edit_and_delete(client, world, plan):
    result = result_add(skp=plan.staff, text="Lama")
    _login(client, world, "staff")

    edit = client.post(
        reverse("planning:result_edit", args=[result.uuid]),
        {"kind": "additional", "text": "Baru"},
        headers=HTMX,
    )
    result.refresh_from_db()
    delete = client.post(reverse("planning:result_delete", args=[result.uuid]), headers=HTMX)

    assert edit.status_code == 200
    assert (result.kind, result.text) == ("additional", "Baru")
    assert delete.status_code == 200
    assert delete["HX-Retarget"] == "#skp-results"
    assert plan.staff.results.count() == 0


def test_result_delete_refused_shows_the_reason_in_the_section(client, world, plan):
    revision = skp_revise(skp=plan.kasi)
    supported = revision.results.get()
    staff_result = result_add(skp=plan.staff, text="Pendukung")
    CascadeLink.objects.create(result=staff_result, supports_result=supported)
    _login(client, world, "section_head")

    response = client.post(reverse("planning:result_delete", args=[supported.uuid]), headers=HTMX)

    assert response.status_code == 200
    assert response.context["section_error"] == (
        "Subordinates' results support this result; unlink them before deleting it."
    )
    assert PlannedResult.objects.filter(pk=supported.pk).exists()


def test_indicator_add_edit_delete(client, world, plan):
    result = result_add(skp=plan.staff, text="Rujukan")
    _login(client, world, "staff")

    client.post(
        reverse("planning:indicator_add", args=[result.uuid]),
        {"aspect": "time", "indicator_text": "Waktu proses", "target_value": "3"},
        headers=HTMX,
    )
    indicator = result.indicators.get()
    client.post(
        reverse("planning:indicator_edit", args=[indicator.uuid]),
        {
            "aspect": "time",
            "indicator_text": "Waktu proses rujukan",
            "target_value": "2",
            "target_unit": "hari",
        },
        headers=HTMX,
    )
    indicator.refresh_from_db()
    edited = (indicator.text, indicator.target_display)
    client.post(reverse("planning:indicator_delete", args=[indicator.uuid]), headers=HTMX)

    assert edited == ("Waktu proses rujukan", "2 hari")
    assert result.indicators.count() == 0


def test_qualitative_indicator_asks_for_a_narrative(client, world):
    period = period_create(agency=world.agency, year=today().year, approach="qualitative")
    skp = skp_create(employee=world.staff, period=period, on=period.start_date)
    result = result_add(skp=skp, text="Layanan rujukan ramah")
    _login(client, world, "staff")

    form = client.get(reverse("planning:indicator_add", args=[result.uuid]), headers=HTMX)
    client.post(
        reverse("planning:indicator_add", args=[result.uuid]),
        {"aspect": "quality", "indicator_text": "Kepuasan pasien", "target_text": "Tanpa keluhan"},
        headers=HTMX,
    )

    assert list(form.context["form"].fields) == ["aspect", "indicator_text", "target_text"]
    assert list(result.indicators.values_list("target_text", flat=True)) == ["Tanpa keluhan"]


def test_link_to_the_assessors_result(client, world, plan):
    result = result_add(skp=plan.staff, text="Rujukan")
    _login(client, world, "staff")

    form = client.get(reverse("planning:result_link", args=[result.uuid]), headers=HTMX)
    response = client.post(
        reverse("planning:result_link", args=[result.uuid]),
        {"target": str(plan.kasi_result.uuid)},
        headers=HTMX,
    )
    link = result.links.get()
    delete = client.post(reverse("planning:link_delete", args=[link.uuid]), headers=HTMX)

    assert [label for _v, label in form.context["form"].fields["target"].choices] == [
        "---------",
        "Rujukan terverifikasi",
    ]
    assert response["HX-Retarget"] == "#skp-results"
    assert link.supports_result == plan.kasi_result
    assert delete.status_code == 200
    assert result.links.count() == 0


def test_link_refuses_a_result_that_is_not_offered(client, world, plan):
    result = result_add(skp=plan.staff, text="Rujukan")
    _login(client, world, "staff")

    response = client.post(
        reverse("planning:result_link", args=[result.uuid]),
        {"target": str(plan.kabid_result.uuid)},
        headers=HTMX,
    )

    assert "target" in response.context["form"].errors
    assert result.links.count() == 0


def test_assessor_without_approved_skp_is_explained(client, world):
    period = period_create(agency=world.agency, year=today().year)
    skp_create(employee=world.section_head, period=period, on=period.start_date)
    staff = skp_create(employee=world.staff, period=period, on=period.start_date)
    result = result_add(skp=staff, text="Rujukan")
    _login(client, world, "staff")

    page = client.get(_detail(staff))
    response = client.get(reverse("planning:result_link", args=[result.uuid]), headers=HTMX)

    panel = response.context["panel"]
    assert response.status_code == 200
    assert "form" not in response.context
    assert (panel["assessor"], panel["assessor_plan"].status) == (world.section_head, "draft")
    assert panel["assessor_superior"] == "Citra Kabid"
    content = response.content.decode()
    assert "Your assessor Dewi Kasi has not had their SKP approved yet." in content
    assert "<select" not in content
    assert page.context["assessor_panel"]["assessor"] == world.section_head
    assert b'data-testid="assessor-panel"' in page.content


def test_senior_executive_links_to_a_goal_with_perspective(client, world, plan):
    revision = skp_revise(skp=plan.kadis)
    result = result_add(skp=revision, text="Akses layanan meningkat", perspective="budget")
    _login(client, world, "head_of_office")

    add_form = client.get(reverse("planning:result_add", args=[revision.uuid]), headers=HTMX)
    response = client.post(
        reverse("planning:result_link", args=[result.uuid]),
        {"goal": str(plan.goal.uuid), "indicator": str(plan.goal.indicators.get().uuid)},
        headers=HTMX,
    )

    assert {"perspective", "assigned_by"} <= set(add_form.context["form"].fields)
    assert response["HX-Retarget"] == "#skp-results"
    link = result.links.get()
    assert (link.supports_goal, link.supports_indicator) == (plan.goal, plan.goal.indicators.get())


def test_library_suggestion_prefills_the_result_form(client, world, plan):
    template = IndicatorTemplate.objects.create(
        field="Administrasi",
        position_kind=PositionKind.PELAKSANA,
        result_text="Surat keluar tertata",
        indicator_text="Jumlah surat diarsipkan",
        aspect=Aspect.QUANTITY,
        target_unit="surat",
        suggested_target=Decimal(100),
    )
    IndicatorTemplate.objects.create(
        field="Guru",
        position_kind=PositionKind.FUNGSIONAL,
        result_text="Pembelajaran bermutu",
        indicator_text="Nilai rata-rata",
        aspect=Aspect.QUALITY,
    )
    _login(client, world, "staff")

    library = client.get(reverse("planning:skp_library", args=[plan.staff.uuid]), headers=HTMX)
    form = client.get(
        reverse("planning:result_add", args=[plan.staff.uuid]),
        {"template": str(template.uuid)},
        headers=HTMX,
    )

    assert library.context["templates"] == [template]
    assert form.context["form"].initial == {
        "kind": ResultKind.MAIN,
        "text": "Surat keluar tertata",
        "aspect": "quantity",
        "indicator_text": "Jumlah surat diarsipkan",
        "target_value": Decimal(100),
        "target_unit": "surat",
    }
    assert b"Surat keluar tertata" in form.content


def test_annex_add_edit_delete(client, world, plan):
    _login(client, world, "staff")

    client.post(
        reverse("planning:annex_add", args=[plan.staff.uuid]),
        {"kind": "resource_support", "text": "Komputer"},
        headers=HTMX,
    )
    item = plan.staff.annex_items.get()
    edit = client.post(
        reverse("planning:annex_edit", args=[item.uuid]),
        {"text": "Komputer dan printer"},
        headers=HTMX,
    )
    item.refresh_from_db()
    text = item.text
    delete = client.post(reverse("planning:annex_delete", args=[item.uuid]), headers=HTMX)

    assert edit["HX-Retarget"] == "#skp-annex"
    assert text == "Komputer dan printer"
    assert delete.status_code == 200
    assert plan.staff.annex_items.count() == 0


@pytest.mark.parametrize(
    ("persona", "status"), [("peer", 404), ("section_head", 403), ("other_hr", 404)]
)
def test_editing_someone_elses_skp_is_denied_and_changes_nothing(
    client, world, plan, persona, status
):
    result = complete_result(plan.staff, "Rujukan", supports=plan.kasi_result)
    item = annex_item_add(skp=plan.staff, kind="consequence", text="Apresiasi")
    indicator = result.indicators.get()
    link = result.links.get()
    before = _state(plan.staff)
    _login(client, world, persona)

    responses = [
        client.post(reverse("planning:result_add", args=[plan.staff.uuid]), {"text": "X"}),
        client.post(reverse("planning:result_edit", args=[result.uuid]), {"text": "X"}),
        client.post(reverse("planning:result_delete", args=[result.uuid])),
        client.post(reverse("planning:indicator_add", args=[result.uuid]), {"aspect": "time"}),
        client.post(reverse("planning:indicator_edit", args=[indicator.uuid]), {"aspect": "time"}),
        client.post(reverse("planning:indicator_delete", args=[indicator.uuid])),
        client.post(reverse("planning:result_link", args=[result.uuid]), {}),
        client.post(reverse("planning:link_delete", args=[link.uuid])),
        client.post(reverse("planning:annex_add", args=[plan.staff.uuid]), {"text": "X"}),
        client.post(reverse("planning:annex_edit", args=[item.uuid]), {"text": "X"}),
        client.post(reverse("planning:annex_delete", args=[item.uuid])),
        client.get(reverse("planning:skp_library", args=[plan.staff.uuid])),
    ]

    assert [r.status_code for r in responses] == [status] * len(responses)
    assert _state(plan.staff) == before
    assert CascadeLink.objects.filter(pk=link.pk).exists()


def test_hr_may_help_edit(client, world, plan):
    _login(client, world, "hr")

    client.post(
        reverse("planning:annex_add", args=[plan.staff.uuid]),
        {"kind": "consequence", "text": "Apresiasi"},
    )

    assert list(plan.staff.annex_items.values_list("text", flat=True)) == ["Apresiasi"]


def test_approved_skp_is_not_editable(client, world, plan):
    _login(client, world, "section_head")

    response = client.post(
        reverse("planning:result_add", args=[plan.kasi.uuid]),
        {"kind": "main", "text": "Terlambat"},
        headers=HTMX,
    )

    assert response.context["form"].non_field_errors() == [
        "This SKP is approved (ditetapkan) and can no longer be changed; start a revision instead."
    ]
    assert plan.kasi.results.count() == 1


# --- workflow actions ------------------------------------------------------------------


def test_submit_by_owner(client, world, plan):
    staff = _complete_staff(plan)
    _login(client, world, "staff")

    response = client.post(reverse("planning:skp_submit", args=[staff.uuid]), follow=True)

    staff.refresh_from_db()
    assert staff.status == SkpStatus.SUBMITTED
    assert [str(m) for m in response.context["messages"]] == [
        "Your SKP was submitted; your assessor has been notified."
    ]
    assert [e["what"] for e in response.context["timeline"]] == [
        "started the SKP",
        "submitted it for approval",
    ]


def test_submit_incomplete_shows_problems_and_changes_nothing(client, world, plan):
    _login(client, world, "staff")
    before = _state(plan.staff)

    response = client.post(reverse("planning:skp_submit", args=[plan.staff.uuid]))

    assert response.status_code == 200
    assert response.context["action_error"] == "The SKP cannot be submitted yet."
    assert response.context["action_problems"] == ["Add at least one main result (RHK utama)."]
    assert b'data-testid="action-error"' in response.content
    assert _state(plan.staff) == before


@pytest.mark.parametrize(("persona", "status"), [("section_head", 403), ("hr", 403), ("peer", 404)])
def test_submit_by_others_is_denied(client, world, plan, persona, status):
    staff = _complete_staff(plan)
    before = _state(staff)
    _login(client, world, persona)

    response = client.post(reverse("planning:skp_submit", args=[staff.uuid]))

    assert response.status_code == status
    assert _state(staff) == before


def _submitted(plan):
    staff = _complete_staff(plan)
    skp_submit(skp=staff)
    return staff


def test_assessor_writes_expectations_and_approves(client, world, plan):
    staff = _submitted(plan)
    _login(client, world, "section_head")
    texts = {code: f"Harapan {n}" for n, (code, _l) in enumerate(CoreValue.choices)}

    page = client.get(_detail(staff))
    saved = client.post(
        reverse("planning:expectations_edit", args=[staff.uuid]), texts, headers=HTMX
    )
    response = client.post(reverse("planning:skp_approve", args=[staff.uuid]))

    staff.refresh_from_db()
    assert page.context["can_review"] and page.context["can_write_expectations"]
    assert saved["HX-Retarget"] == "#skp-behaviour"
    assert response.status_code == 302
    assert (staff.status, staff.approved_by, staff.assessor_superior_at_approval) == (
        "approved",
        world.section_head,
        world.division_head,
    )
    assert sorted(staff.expectations.values_list("text", flat=True)) == sorted(texts.values())


def test_approve_without_expectations_shows_problems(client, world, plan):
    staff = _submitted(plan)
    before = _state(staff)
    _login(client, world, "section_head")

    response = client.post(reverse("planning:skp_approve", args=[staff.uuid]))

    assert response.context["action_error"] == "The SKP cannot be approved yet."
    assert response.context["action_problems"] == [
        "Write the leader's expectation for all seven BerAKHLAK values (7 missing)."
    ]
    assert _state(staff) == before


@pytest.mark.parametrize(
    ("persona", "status"),
    [("staff", 403), ("division_head", 403), ("hr", 403), ("peer", 404), ("other_hr", 404)],
)
def test_approve_by_others_is_denied(client, world, plan, persona, status):
    staff = _submitted(plan)
    fill_expectations(staff)
    before = _state(staff)
    _login(client, world, persona)

    approve = client.post(reverse("planning:skp_approve", args=[staff.uuid]))
    give_back = client.post(reverse("planning:skp_return", args=[staff.uuid]), {"comment": "x"})
    expect = client.post(
        reverse("planning:expectations_edit", args=[staff.uuid]), {"akuntabel": "x"}
    )

    assert [approve.status_code, give_back.status_code, expect.status_code] == [status] * 3
    assert _state(staff) == before


def test_employee_cannot_approve_own_skp(client, world, plan):
    staff = _submitted(plan)
    fill_expectations(staff)
    _login(client, world, "staff")

    page = client.get(_detail(staff))
    response = client.post(reverse("planning:skp_approve", args=[staff.uuid]))

    staff.refresh_from_db()
    assert page.context["can_review"] is False
    assert b"skp_approve" not in page.content and b"/setujui/" not in page.content
    assert response.status_code == 403
    assert staff.status == SkpStatus.SUBMITTED


def test_return_with_comment(client, world, plan):
    staff = _submitted(plan)
    _login(client, world, "section_head")

    empty = client.post(reverse("planning:skp_return", args=[staff.uuid]), {"comment": " "})
    staff.refresh_from_db()
    status_after_empty = staff.status
    client.post(reverse("planning:skp_return", args=[staff.uuid]), {"comment": "Perjelas target"})
    _login(client, world, "staff")
    page = client.get(_detail(staff))

    staff.refresh_from_db()
    assert empty.status_code == 200
    assert empty.context["return_form"].errors == {"comment": ["This field is required."]}
    assert status_after_empty == SkpStatus.SUBMITTED
    assert (staff.status, staff.review_comment) == ("returned", "Perjelas target")
    assert page.context["timeline"][-1]["comment"] == "Perjelas target"
    assert page.context["timeline"][-1]["who"] == "Dewi Kasi"
    assert b"Perjelas target" in page.content


def test_hr_adopts_by_default_after_the_deadline(client, world, plan):
    staff = _complete_staff(plan)
    _login(client, world, "hr")

    page = client.get(_detail(staff))
    response = client.post(
        reverse("planning:skp_adopt", args=[staff.uuid]), {"reason": "Lewat batas waktu"}
    )

    staff.refresh_from_db()
    assert page.context["can_adopt"] is True
    assert response.status_code == 302
    assert (staff.status, staff.adopted_by_hr) == ("approved", True)


def test_adopt_is_not_offered_before_the_deadline(client, world, plan):
    plan.period.planning_deadline = today() + datetime.timedelta(days=3)
    plan.period.save()
    staff = _complete_staff(plan)
    _login(client, world, "hr")

    page = client.get(_detail(staff))
    response = client.post(reverse("planning:skp_adopt", args=[staff.uuid]), {"reason": "x"})

    staff.refresh_from_db()
    assert page.context["can_adopt"] is False
    assert response.context["action_error"].startswith(
        "HR can adopt a plan by default only after the planning deadline"
    )
    assert staff.status == SkpStatus.DRAFT


@pytest.mark.parametrize(
    ("persona", "status"), [("staff", 403), ("section_head", 403), ("other_hr", 404)]
)
def test_adopt_by_others_is_denied(client, world, plan, persona, status):
    staff = _complete_staff(plan)
    before = _state(staff)
    _login(client, world, persona)

    response = client.post(reverse("planning:skp_adopt", args=[staff.uuid]), {"reason": "x"})

    assert response.status_code == status
    assert _state(staff) == before


def test_owner_revises_an_approved_skp(client, world, plan):
    _login(client, world, "section_head")

    response = client.post(reverse("planning:skp_revise", args=[plan.kasi.uuid]))

    revision = Skp.objects.get(previous=plan.kasi)
    assert response.url == _detail(revision)
    assert (revision.status, revision.version) == ("draft", 2)
    page = client.get(_detail(revision))
    assert page.context["skp"].previous == plan.kasi
    assert [e["what"] for e in page.context["timeline"]] == ["started this revision"]


@pytest.mark.parametrize(
    ("persona", "status"), [("division_head", 403), ("hr", 403), ("staff", 404)]
)
def test_revise_by_others_is_denied(client, world, plan, persona, status):
    before = _state(plan.kasi)
    _login(client, world, persona)

    response = client.post(reverse("planning:skp_revise", args=[plan.kasi.uuid]))

    assert response.status_code == status
    assert _state(plan.kasi) == before
    assert not Skp.objects.filter(previous=plan.kasi).exists()


def test_revise_of_a_draft_is_refused_on_the_page(client, world, plan):
    _login(client, world, "staff")

    response = client.post(reverse("planning:skp_revise", args=[plan.staff.uuid]))

    assert response.status_code == 200
    assert response.context["action_error"] == (
        "Only an approved SKP is revised; edit the draft instead."
    )


def test_actions_accept_only_post(client, world, plan):
    _login(client, world, "staff")

    assert client.get(reverse("planning:skp_submit", args=[plan.staff.uuid])).status_code == 405


# --- the assessor's queue --------------------------------------------------------------


def test_team_lists_assessees_with_status_and_waiting_filter(client, world, plan):
    _submitted(plan)
    _login(client, world, "section_head")

    everyone = client.get(reverse("planning:team"))
    waiting = client.get(reverse("planning:team"), {"waiting": "1"})

    assert [(p.name, [s.status for s in p.plans]) for p in everyone.context["people"]] == [
        ("Eka Staf", ["submitted"]),
        ("Fajar Rekan", []),
    ]
    assert everyone.context["waiting_count"] == 1
    assert [p.name for p in waiting.context["people"]] == ["Eka Staf"]
    assert b"Eka Staf" in waiting.content and b"Fajar Rekan" not in waiting.content


def test_team_is_empty_for_someone_who_assesses_nobody(client, world, plan):
    _login(client, world, "staff")

    response = client.get(reverse("planning:team"))

    assert response.status_code == 200
    assert response.context["people"] == []
    assert b"Eka Staf" not in response.content


def _add_team_members(world, period, count):
    for _n in range(count):
        post = PositionFactory(
            unit=world.section, kind=PositionKind.PELAKSANA, reports_to=world.positions["kasi"]
        )
        employee = EmployeeFactory(agency=world.agency)
        AssignmentFactory(employee=employee, position=post, start_date=datetime.date(2024, 1, 1))
        skp_create(employee=employee, period=period, on=period.start_date)


def test_team_query_count_is_constant(client, world, plan):
    _login(client, world, "section_head")
    url = reverse("planning:team")
    _add_team_members(world, plan.period, 1)
    few = _queries(client, url)

    _add_team_members(world, plan.period, 29)
    many = _queries(client, url)

    assert few == many


def test_my_skp_query_count_is_constant(client, world, plan):
    _login(client, world, "section_head")
    url = reverse("planning:my_skp")
    few = _queries(client, url)
    for _n in range(5):
        revision = skp_revise(skp=Skp.objects.filter(employee=world.section_head).latest("version"))
        fill_expectations(revision)
        skp_submit(skp=revision)
        skp_approve(skp=revision)

    many = _queries(client, url)

    assert few == many


# --- navigation ------------------------------------------------------------------------


def test_navigation_offers_my_skp_and_team_skp_by_role(client, world, plan):
    _login(client, world, "staff")
    staff_nav = [label for _url, label in client.get("/").context["nav_items"]]
    _login(client, world, "section_head")
    assessor_nav = [label for _url, label in client.get("/").context["nav_items"]]

    assert "My SKP" in staff_nav and "Team SKP" not in staff_nav
    assert "My SKP" in assessor_nav and "Team SKP" in assessor_nav


def test_refusal_is_shown_in_indonesian(client, world, plan, settings):
    settings.LANGUAGE_CODE = "id"
    _login(client, world, "staff")

    refused = client.post(reverse("planning:skp_submit", args=[plan.staff.uuid]))
    invalid = client.post(
        reverse("planning:result_add", args=[plan.staff.uuid]), {"kind": "main"}, headers=HTMX
    )

    assert refused.context["action_error"] == "SKP belum dapat diajukan."
    assert invalid.context["form"].errors["text"] == ["Bidang ini tidak boleh kosong."]


def test_team_lists_people_before_there_is_a_period(client, world):
    _login(client, world, "section_head")

    response = client.get(reverse("planning:team"))

    assert response.context["period"] is None
    assert [(p.name, p.plans) for p in response.context["people"]] == [
        ("Eka Staf", []),
        ("Fajar Rekan", []),
    ]


def test_assessors_superior_reads_but_does_not_review(client, world, plan):
    staff = _submitted(plan)
    _login(client, world, "division_head")

    response = client.get(_detail(staff))

    assert response.status_code == 200
    assert not (response.context["can_review"] or response.context["can_edit"])
