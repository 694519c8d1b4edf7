"""Periods, organisation goals and the indicator library through the test client."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from kinerja.core.models import ActivityLog
from kinerja.planning.models import (
    AssessmentPeriod,
    IndicatorTemplate,
    OrganisationGoal,
    OrganisationIndicator,
)
from kinerja.planning.services import goal_create, goal_indicator_add, period_create


def _in_indonesian(message):
    with translation.override("id"):
        return gettext(message)


def _nav_urls(response):
    return [url for url, _label in response.context["nav_items"]]


# --- periods ---------------------------------------------------------------------------


@pytest.fixture
def period(world):
    return period_create(agency=world.agency, year=2030)


def test_period_list_for_hr_with_edit_links(client, world, period):
    client.force_login(world.users["hr"])

    response = client.get(reverse("planning:period_list"))

    assert response.status_code == 200
    assert response.context["periods"] == [period]
    assert reverse("planning:period_edit", args=[period.uuid]).encode() in response.content


def test_period_list_for_leader_reads_only(client, world, period):
    client.force_login(world.users["leader"])

    response = client.get(reverse("planning:period_list"))

    assert response.context["periods"] == [period]
    assert response.context["may_create"] is False
    assert reverse("planning:period_edit", args=[period.uuid]).encode() not in response.content


def test_period_list_refused_to_employees(client, world, period):
    client.force_login(world.users["staff"])

    assert client.get(reverse("planning:period_list")).status_code == 403


def test_period_create_by_hr(client, world):
    client.force_login(world.users["hr"])

    response = client.post(
        reverse("planning:period_create"),
        {
            "agency": str(world.agency.uuid),
            "year": "2031",
            "approach": "qualitative",
            "rhythm": "monthly",
            "planning_deadline": "2031-02-15",
            "assessment_deadline": "",
        },
    )

    period = AssessmentPeriod.objects.get(agency=world.agency, year=2031)
    assert response.status_code == 302
    assert response.url == reverse("planning:period_edit", args=[period.uuid])
    assert (period.approach, period.rhythm, period.planning_deadline) == (
        "qualitative",
        "monthly",
        datetime.date(2031, 2, 15),
    )
    assert period.assessment_deadline == datetime.date(2032, 1, 31)
    assert period.windows.count() == 12


def test_period_create_twice_shows_the_error(client, world, period):
    client.force_login(world.users["hr"])

    response = client.post(
        reverse("planning:period_create"),
        {
            "agency": str(world.agency.uuid),
            "year": "2030",
            "approach": "quantitative",
            "rhythm": "quarterly",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert AssessmentPeriod.objects.filter(year=2030).count() == 1


@pytest.mark.parametrize("persona", ["staff", "leader"])
def test_period_create_refused_without_rights(client, world, persona):
    client.force_login(world.users[persona])

    response = client.post(
        reverse("planning:period_create"),
        {
            "agency": str(world.agency.uuid),
            "year": "2031",
            "approach": "quantitative",
            "rhythm": "quarterly",
        },
    )

    assert response.status_code == 403
    assert not AssessmentPeriod.objects.exists()


def test_period_create_for_another_agency_is_refused(client, world):
    client.force_login(world.users["other_hr"])

    response = client.post(
        reverse("planning:period_create"),
        {
            "agency": str(world.agency.uuid),
            "year": "2031",
            "approach": "quantitative",
            "rhythm": "quarterly",
        },
    )

    assert response.status_code == 200
    assert "agency" in response.context["form"].errors
    assert not AssessmentPeriod.objects.exists()


def _edit_data(period, **changes):
    data = {
        "approach": period.approach,
        "rhythm": period.rhythm,
        "planning_deadline": period.planning_deadline.isoformat(),
        "assessment_deadline": period.assessment_deadline.isoformat(),
        **{f"window_{w.number}": w.report_deadline.isoformat() for w in period.windows.all()},
    }
    data.update(changes)
    return data


def test_period_edit_changes_deadlines_and_a_window(client, world, period):
    client.force_login(world.users["hr"])

    response = client.post(
        reverse("planning:period_edit", args=[period.uuid]),
        _edit_data(period, planning_deadline="2030-02-28", window_2="2030-07-05"),
    )

    assert response.status_code == 302
    period.refresh_from_db()
    assert period.planning_deadline == datetime.date(2030, 2, 28)
    assert [w.report_deadline for w in period.windows.all()] == [
        datetime.date(2030, 4, 10),
        datetime.date(2030, 7, 5),
        datetime.date(2030, 10, 10),
        datetime.date(2031, 1, 10),
    ]
    assert ActivityLog.objects.filter(action="planning.period_update").count() == 1


def test_period_edit_new_rhythm_replaces_windows(client, world, period):
    client.force_login(world.users["hr"])

    client.post(
        reverse("planning:period_edit", args=[period.uuid]), _edit_data(period, rhythm="monthly")
    )

    assert [w.label for w in period.windows.all()][:2] == ["Januari 2030", "Februari 2030"]
    assert period.windows.count() == 12


def test_period_edit_refuses_a_report_due_before_its_window_ends(client, world, period):
    client.force_login(world.users["hr"])

    response = client.post(
        reverse("planning:period_edit", args=[period.uuid]),
        _edit_data(period, window_1="2030-03-01", planning_deadline="2030-02-28"),
    )

    assert response.status_code == 200
    assert "window_1" in response.context["form"].errors
    period.refresh_from_db()
    assert period.planning_deadline == datetime.date(2030, 1, 31)
    assert period.windows.get(number=1).report_deadline == datetime.date(2030, 4, 10)


def test_period_edit_refuses_a_planning_deadline_outside_the_period(client, world, period):
    client.force_login(world.users["hr"])

    response = client.post(
        reverse("planning:period_edit", args=[period.uuid]),
        _edit_data(period, planning_deadline="2031-01-05"),
    )

    assert response.context["form"].errors["planning_deadline"] == [
        _in_indonesian("The planning deadline must fall within the period.")
    ]


@pytest.mark.parametrize(("persona", "status"), [("leader", 403), ("other_hr", 404)])
def test_period_edit_refused_without_rights(client, world, period, persona, status):
    client.force_login(world.users[persona])
    url = reverse("planning:period_edit", args=[period.uuid])

    assert client.get(url).status_code == status
    response = client.post(url, _edit_data(period, planning_deadline="2030-02-28"))

    assert response.status_code == status
    period.refresh_from_db()
    assert period.planning_deadline == datetime.date(2030, 1, 31)


# --- organisation goals ----------------------------------------------------------------


@pytest.fixture
def goal(world, period):
    goal = goal_create(period=period, unit=world.health, code="S1", title="Derajat kesehatan")
    goal_indicator_add(
        goal=goal, text="Angka kematian ibu", target_value=Decimal(80), target_unit="kasus"
    )
    return goal


def _goal_data(unit, code="S2", title="Layanan prima", rows=(), existing=0):
    data = {
        "unit": str(unit.uuid),
        "code": code,
        "title": title,
        "source": "Renstra 2026–2030",
        "iku-TOTAL_FORMS": str(len(rows)),
        "iku-INITIAL_FORMS": str(existing),
        "iku-MIN_NUM_FORMS": "0",
        "iku-MAX_NUM_FORMS": "1000",
    }
    for n, row in enumerate(rows):
        data.update({f"iku-{n}-{key}": value for key, value in row.items()})
    return data


def test_goal_list_shows_goals_with_indicators(client, world, goal):
    client.force_login(world.users["leader"])

    response = client.get(reverse("planning:goal_list", args=[goal.period.uuid]))

    assert response.status_code == 200
    assert [(g.code, [i.text for i in g.indicators.all()]) for g in response.context["goals"]] == [
        ("S1", ["Angka kematian ibu"])
    ]
    assert response.context["manageable"] == {
        world.health.pk,
        world.division.pk,
        world.section.pk,
        world.puskesmas.pk,
    }


def test_goal_create_with_indicators(client, world, period):
    client.force_login(world.users["hr"])

    response = client.post(
        reverse("planning:goal_create", args=[period.uuid]),
        _goal_data(
            world.bkpsdm,
            rows=[
                {"text": "Indeks profesionalitas ASN", "target_value": "75", "target_unit": "poin"},
                {"text": "", "target_value": "", "target_unit": ""},
            ],
        ),
    )

    assert response.status_code == 302
    goal = OrganisationGoal.objects.get(period=period, code="S2")
    assert (goal.unit, goal.title, goal.source) == (
        world.bkpsdm,
        "Layanan prima",
        "Renstra 2026–2030",
    )
    assert [(i.text, i.target_value, i.target_unit) for i in goal.indicators.all()] == [
        ("Indeks profesionalitas ASN", Decimal(75), "poin")
    ]


def test_goal_create_by_leader_only_for_own_units(client, world, period):
    client.force_login(world.users["leader"])

    allowed = client.post(
        reverse("planning:goal_create", args=[period.uuid]), _goal_data(world.puskesmas)
    )
    refused = client.post(
        reverse("planning:goal_create", args=[period.uuid]), _goal_data(world.bkpsdm, code="S3")
    )

    assert allowed.status_code == 302
    assert refused.status_code == 200
    assert "unit" in refused.context["form"].errors
    assert list(OrganisationGoal.objects.values_list("code", flat=True)) == ["S2"]


def test_goal_create_refused_to_employees(client, world, period):
    client.force_login(world.users["staff"])

    response = client.post(
        reverse("planning:goal_create", args=[period.uuid]), _goal_data(world.health)
    )

    assert response.status_code == 404
    assert not OrganisationGoal.objects.exists()


def test_goal_edit_updates_adds_and_deletes_indicators(client, world, goal):
    indicator = goal.indicators.get()
    client.force_login(world.users["hr"])

    response = client.post(
        reverse("planning:goal_edit", args=[goal.uuid]),
        _goal_data(
            world.health,
            code="S1",
            title="Derajat kesehatan meningkat",
            existing=1,
            rows=[
                {
                    "uuid": str(indicator.uuid),
                    "text": "Angka kematian ibu",
                    "target_value": "70",
                    "target_unit": "kasus",
                },
                {"text": "Angka kematian bayi", "target_value": "12", "target_unit": "kasus"},
            ],
        ),
    )

    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.title == "Derajat kesehatan meningkat"
    assert [(i.text, i.target_value) for i in goal.indicators.all()] == [
        ("Angka kematian ibu", Decimal(70)),
        ("Angka kematian bayi", Decimal(12)),
    ]

    client.post(
        reverse("planning:goal_edit", args=[goal.uuid]),
        _goal_data(
            world.health,
            code="S1",
            existing=1,
            rows=[
                {
                    "uuid": str(indicator.uuid),
                    "text": "Angka kematian ibu",
                    "target_value": "70",
                    "target_unit": "kasus",
                    "DELETE": "on",
                }
            ],
        ),
    )

    assert [i.text for i in goal.indicators.all()] == ["Angka kematian bayi"]


def test_goal_edit_refused_to_leader_of_another_unit(client, world, period):
    other = goal_create(period=period, unit=world.bkpsdm, code="S9", title="SDM")
    client.force_login(world.users["leader"])

    response = client.post(
        reverse("planning:goal_edit", args=[other.uuid]),
        _goal_data(world.bkpsdm, code="S9", title="Diubah"),
    )

    assert response.status_code == 403
    other.refresh_from_db()
    assert other.title == "SDM"


def test_goal_delete(client, world, goal):
    client.force_login(world.users["hr"])

    response = client.post(reverse("planning:goal_delete", args=[goal.uuid]))

    assert response.status_code == 302
    assert not OrganisationGoal.objects.exists()
    assert not OrganisationIndicator.objects.exists()


def test_goal_delete_refused_while_results_support_it(client, world, plan):
    client.force_login(world.users["hr"])

    response = client.post(reverse("planning:goal_delete", args=[plan.goal.uuid]), follow=True)

    assert OrganisationGoal.objects.filter(pk=plan.goal.pk).exists()
    assert [str(m) for m in response.context["messages"]] == [
        _in_indonesian("Results support this goal; unlink them before deleting it.")
    ]


def test_goal_delete_refused_to_employees(client, world, goal):
    client.force_login(world.users["staff"])

    response = client.post(reverse("planning:goal_delete", args=[goal.uuid]))

    assert response.status_code == 404
    assert OrganisationGoal.objects.filter(pk=goal.pk).exists()


# --- the indicator library -------------------------------------------------------------


def _template(agency=None, field="Kesehatan", kind="", text="Pelayanan pasien", active=True):
    return IndicatorTemplate.objects.create(
        agency=agency,
        field=field,
        position_kind=kind,
        result_text=text,
        indicator_text=f"Persentase {text}",
        aspect="quality",
        target_unit="%",
        is_active=active,
    )


def _template_data(**changes):
    data = {
        "field": "Perizinan",
        "position_kind": "pelaksana",
        "result_text": "Izin terbit tepat waktu",
        "indicator_text": "Rata-rata hari penyelesaian izin",
        "aspect": "time",
        "target_unit": "hari",
        "suggested_target": "5",
    }
    data.update(changes)
    return data


def test_library_shows_national_and_own_agency(client, world):
    national = _template(text="Nasional")
    own = _template(world.agency, text="Kota")
    _template(world.other_agency, text="Kabupaten")
    _template(world.agency, text="Ditarik", active=False)
    client.force_login(world.users["staff"])

    response = client.get(reverse("planning:library"))

    assert response.status_code == 200
    assert {t.result_text for t in response.context["templates"]} == {"Nasional", "Kota"}
    assert response.context["editable"] == set()
    assert response.context["may_curate"] is False
    assert national in response.context["templates"] and own in response.context["templates"]


def test_library_filters_by_field_and_kind(client, world):
    _template(field="Kesehatan", kind="fungsional", text="Asuhan")
    _template(field="Kesehatan", kind="", text="Umum")
    _template(field="Kesehatan", kind="pelaksana", text="Administrasi")
    _template(field="Pendidikan", kind="fungsional", text="Mengajar")
    client.force_login(world.users["staff"])

    response = client.get(reverse("planning:library"), {"field": "Kesehatan", "kind": "fungsional"})

    assert [t.result_text for t in response.context["templates"]] == ["Asuhan", "Umum"]
    assert response.context["fields"] == ["Kesehatan", "Pendidikan"]


def test_library_for_hr_shows_withdrawn_and_edit_rights(client, world):
    national = _template(text="Nasional")
    own = _template(world.agency, text="Kota")
    withdrawn = _template(world.agency, text="Ditarik", active=False)
    client.force_login(world.users["hr"])

    response = client.get(reverse("planning:library"), {"inactive": "1"})

    assert set(response.context["templates"]) == {national, own, withdrawn}
    assert response.context["editable"] == {own.pk, withdrawn.pk}


def test_library_create_by_hr_for_own_agency(client, world):
    client.force_login(world.users["hr"])

    response = client.post(reverse("planning:library_create"), _template_data())

    assert response.status_code == 302
    template = IndicatorTemplate.objects.get()
    assert (template.agency, template.field, template.suggested_target) == (
        world.agency,
        "Perizinan",
        Decimal(5),
    )


def test_library_create_national_by_superadmin(client, world):
    client.force_login(world.users["superadmin"])

    client.post(reverse("planning:library_create"), _template_data(agency="national"))

    assert IndicatorTemplate.objects.get().agency is None


def test_library_create_refused_to_employees(client, world):
    client.force_login(world.users["staff"])

    assert client.post(reverse("planning:library_create"), _template_data()).status_code == 403
    assert not IndicatorTemplate.objects.exists()


def test_library_edit_by_hr(client, world):
    own = _template(world.agency)
    client.force_login(world.users["hr"])

    client.post(
        reverse("planning:library_edit", args=[own.uuid]), _template_data(field="Kesehatan")
    )

    own.refresh_from_db()
    assert (own.field, own.result_text, own.agency) == (
        "Kesehatan",
        "Izin terbit tepat waktu",
        world.agency,
    )


@pytest.mark.parametrize(("persona", "status"), [("hr", 403), ("staff", 403)])
def test_library_national_template_only_for_superadmins(client, world, persona, status):
    national = _template(text="Nasional")
    client.force_login(world.users[persona])

    response = client.post(reverse("planning:library_edit", args=[national.uuid]), _template_data())
    toggle = client.post(
        reverse("planning:library_set_active", args=[national.uuid]), {"active": "0"}
    )

    assert (response.status_code, toggle.status_code) == (status, status)
    national.refresh_from_db()
    assert (national.result_text, national.is_active) == ("Nasional", True)


def test_library_template_of_another_agency_is_not_found(client, world):
    own = _template(world.agency)
    client.force_login(world.users["other_hr"])

    response = client.post(reverse("planning:library_set_active", args=[own.uuid]), {"active": "0"})

    assert response.status_code == 404
    own.refresh_from_db()
    assert own.is_active is True


def test_library_withdraw_and_offer_again(client, world):
    own = _template(world.agency)
    client.force_login(world.users["hr"])
    url = reverse("planning:library_set_active", args=[own.uuid])

    client.post(url, {"active": "0"})
    own.refresh_from_db()
    hidden = list(client.get(reverse("planning:library")).context["templates"])
    client.post(url, {"active": "1"})

    assert own.is_active is False
    assert hidden == []
    own.refresh_from_db()
    assert own.is_active is True


def _queries(client, url, params=None):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx.captured_queries)


def test_library_query_count_is_constant(client, world):
    client.force_login(world.users["hr"])
    _template(world.agency)
    few = _queries(client, reverse("planning:library"))

    for n in range(29):
        _template(world.agency if n % 2 else None, field=f"Bidang {n}", text=f"Hasil {n}")
    many = _queries(client, reverse("planning:library"))

    assert few == many


def test_period_and_goal_lists_query_count_is_constant(client, world):
    client.force_login(world.users["hr"])
    period = period_create(agency=world.agency, year=2030)
    goal_create(period=period, unit=world.health, code="G0", title="Sasaran")
    few = (
        _queries(client, reverse("planning:period_list")),
        _queries(client, reverse("planning:goal_list", args=[period.uuid])),
    )

    for year in range(2031, 2040):
        period_create(agency=world.agency, year=year)
    for n in range(1, 30):
        goal = goal_create(period=period, unit=world.health, code=f"G{n}", title="Sasaran")
        goal_indicator_add(goal=goal, text="IKU")
    many = (
        _queries(client, reverse("planning:period_list")),
        _queries(client, reverse("planning:goal_list", args=[period.uuid])),
    )

    assert few == many


# --- navigation ------------------------------------------------------------------------


def test_navigation_offers_setup_to_hr(client, world):
    client.force_login(world.users["hr"])

    urls = _nav_urls(client.get(reverse("web:home")))

    assert reverse("planning:period_list") in urls
    assert reverse("planning:library") in urls
    assert reverse("planning:matrix") not in urls


def test_navigation_offers_the_matrix_to_assessors_only(client, world):
    client.force_login(world.users["section_head"])
    assessor = _nav_urls(client.get(reverse("web:home")))
    client.force_login(world.users["staff"])
    employee = _nav_urls(client.get(reverse("web:home")))

    assert reverse("planning:matrix") in assessor
    assert reverse("planning:matrix") not in employee
    assert reverse("planning:cascade") in employee
    assert reverse("planning:period_list") not in employee
