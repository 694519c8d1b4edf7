"""Pages: unit predicates, the distribution warning, calibration and the policy."""
# ruff: noqa: F811 -- pytest fixtures imported from organisation_world

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.appraisal.models import AppraisalPolicy, Evaluation, OrganisationResult
from kinerja.appraisal.services.organisation import organisation_result_record
from kinerja.appraisal.tests.organisation_world import add_rated, calibration, plan  # noqa: F401
from kinerja.core.models import ActivityLog
from kinerja.org.tests.factories import UnitFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def login(client, world, key):
    user = world.users[key]
    client.force_login(user)
    return user


def _record_url(unit):
    return reverse("appraisal:organisation_result_record", args=[unit.uuid])


# --- unit predicates -------------------------------------------------------------------


def test_organisation_page_leader_sees_the_units_they_lead_from_above(client, world, plan):
    login(client, world, "division_head")
    response = client.get(reverse("appraisal:organisation_results"))
    assert response.status_code == 200
    units = {row["unit"].pk for row in response.context["rows"]}
    assert units == {world.section.pk}


def test_organisation_page_hr_sees_every_unit(client, world, plan):
    login(client, world, "hr")
    response = client.get(reverse("appraisal:organisation_results"))
    assert response.status_code == 200
    assert len(response.context["rows"]) == world.agency.units.count()


def test_organisation_page_refuses_staff(client, world, plan):
    login(client, world, "staff")
    assert client.get(reverse("appraisal:organisation_results")).status_code == 403


def test_organisation_record_by_leader_inline(client, world, plan):
    login(client, world, "division_head")
    window = plan.period.windows.order_by("number").first()
    prefix = f"u{world.section.pk}"
    response = client.post(
        _record_url(world.section),
        {
            "period": plan.period.uuid,
            "window": window.uuid,
            f"{prefix}-predicate": "istimewa",
            f"{prefix}-basis": "Rencana aksi melampaui target",
        },
        **HTMX,
    )
    assert response.status_code == 200
    assert 'data-predicate="istimewa"' in response.content.decode()
    result = OrganisationResult.objects.get()
    assert (result.unit, result.window, result.predicate) == (world.section, window, "istimewa")
    assert result.recorded_by == world.division_head


def test_organisation_record_form_is_fetched_per_row(client, world, plan):
    login(client, world, "division_head")
    url = _record_url(world.section) + f"?period={plan.period.uuid}&window=tahunan"
    fragment = client.get(url, **HTMX)
    assert fragment.status_code == 200
    assert "org-form" in fragment.content.decode()
    assert "<html" not in fragment.content.decode()
    page = client.get(url)
    assert page.status_code == 200
    assert "org-form" in page.content.decode() and "<html" in page.content.decode()
    listed = client.get(reverse("appraisal:organisation_results"))
    assert "org-form" not in listed.content.decode()


def test_organisation_record_form_refused_to_the_unit_head(client, world, plan):
    login(client, world, "section_head")
    url = _record_url(world.section) + f"?period={plan.period.uuid}"
    assert client.get(url, **HTMX).status_code == 403


def test_organisation_record_change_without_reason_keeps_the_old_result(client, world, plan):
    organisation_result_record(
        unit=world.section, period=plan.period, window=None, predicate="baik", actor=None
    )
    login(client, world, "division_head")
    prefix = f"u{world.section.pk}"
    response = client.post(
        _record_url(world.section),
        {"period": plan.period.uuid, "window": "tahunan", f"{prefix}-predicate": "kurang"},
        **HTMX,
    )
    assert response.status_code == 200
    assert response.context["row"]["form"].errors["reason"]
    assert OrganisationResult.objects.get().predicate == "baik"


def test_organisation_record_refused_for_someone_not_leading_the_unit(client, world, plan):
    login(client, world, "section_head")
    prefix = f"u{world.section.pk}"
    response = client.post(
        _record_url(world.section),
        {"period": plan.period.uuid, "window": "tahunan", f"{prefix}-predicate": "istimewa"},
    )
    assert response.status_code == 403
    assert not OrganisationResult.objects.exists()


def test_organisation_record_other_agency_hr_gets_404(client, world, plan):
    login(client, world, "other_hr")
    prefix = f"u{world.section.pk}"
    response = client.post(
        _record_url(world.section),
        {"period": plan.period.uuid, "window": "tahunan", f"{prefix}-predicate": "istimewa"},
    )
    assert response.status_code in (403, 404)
    assert not OrganisationResult.objects.exists()


def _count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_organisation_page_query_count_does_not_grow_with_units(client, world, plan):
    login(client, world, "hr")
    url = reverse("appraisal:organisation_results") + "?window=tahunan"
    _count_queries(client, url)
    few = _count_queries(client, url)
    for i in range(12):
        unit = UnitFactory(agency=world.agency, parent=world.health, name=f"UPT {i}", code=f"U{i}")
        organisation_result_record(
            unit=unit, period=plan.period, window=None, predicate="baik", actor=None
        )
    many = _count_queries(client, url)
    assert many == few


# --- calibration -------------------------------------------------------------------------


def _calibration_url(c, **extra):
    query = f"?period={c.period.uuid}&window={c.window.uuid}"
    for key, value in extra.items():
        query += f"&{key}={value}"
    return reverse("appraisal:calibration") + query


def test_calibration_assessor_sees_assessees_with_the_warning(client, world, calibration):
    c = calibration
    organisation_result_record(
        unit=world.section, period=c.period, window=c.window, predicate="baik", actor=None
    )
    login(client, world, "section_head")
    response = client.get(_calibration_url(c))
    assert response.status_code == 200
    groups = response.context["groups"]
    assert [g.unit for g in groups] == [world.section]
    group = groups[0]
    assert {e.pk for e in group.evaluations} == {c.staff.pk, c.peer.pk}
    assert group.counts["baik"] == 1 and group.counts["sangat_baik"] == 1
    # Baik is 50%, not a majority; and nobody is Butuh Perbaikan or Kurang.
    assert [row.ok for row in group.findings] == [False, False]
    html = response.content.decode()
    assert html.count('data-ok="false"') == 2
    assert "distribution-chart" in html
    assert "SE MenPAN-RB 3/2023" in html


def test_calibration_without_organisation_result_says_so(client, world, calibration):
    login(client, world, "section_head")
    response = client.get(_calibration_url(calibration))
    assert response.status_code == 200
    assert response.context["groups"][0].findings == []
    assert "distribution-none" in response.content.decode()


def test_calibration_hr_sees_a_whole_unit(client, world, calibration):
    login(client, world, "hr")
    response = client.get(_calibration_url(calibration, unit=world.section.uuid))
    assert response.status_code == 200
    assert response.context["scope"] == "unit"
    assert {e.pk for e in response.context["groups"][0].evaluations} == {
        calibration.staff.pk,
        calibration.peer.pk,
    }


def test_calibration_unit_refused_to_staff_and_other_agency(client, world, calibration):
    login(client, world, "staff")
    url = _calibration_url(calibration, unit=world.section.uuid)
    assert client.get(url).status_code == 403
    client.logout()
    login(client, world, "other_hr")
    assert client.get(url).status_code in (403, 404)


def test_calibration_staff_sees_nobody(client, world, calibration):
    login(client, world, "staff")
    response = client.get(_calibration_url(calibration))
    assert response.status_code == 200
    assert response.context["groups"] == []


def test_calibration_query_count_same_for_2_and_14_employees(client, world, calibration):
    c = calibration
    organisation_result_record(
        unit=world.section, period=c.period, window=c.window, predicate="baik", actor=None
    )
    login(client, world, "section_head")
    url = _calibration_url(c)
    _count_queries(client, url)
    few = _count_queries(client, url)
    add_rated(
        world, c.period, c.window, 12, ratings=[("below", "as_expected"), ("as_expected", "above")]
    )
    many_response = client.get(url)
    assert len(many_response.context["groups"][0].evaluations) == 14
    many = _count_queries(client, url)
    assert many == few


def _revise(client, evaluation, **data):
    prefix = f"e{evaluation.pk}"
    return client.post(
        reverse("appraisal:calibration_revise", args=[evaluation.uuid]),
        {f"{prefix}-{key}": value for key, value in data.items()},
        **HTMX,
    )


def test_calibration_revise_recomputes_predicate_and_logs_reason(client, world, calibration):
    c = calibration
    organisation_result_record(
        unit=world.section, period=c.period, window=c.window, predicate="baik", actor=None
    )
    login(client, world, "section_head")
    response = _revise(
        client,
        c.peer,
        results_rating="below",
        behaviour_rating="as_expected",
        reason="Kalibrasi: capaian rencana aksi unit",
    )
    assert response.status_code == 200
    c.peer.refresh_from_db()
    assert (c.peer.results_rating, c.peer.predicate) == ("below", "butuh_perbaikan")
    log = ActivityLog.objects.filter(action="appraisal.evaluation_rate").get()
    assert log.reason == "Kalibrasi: capaian rencana aksi unit"
    assert log.after["predicate"] == "butuh_perbaikan"
    # The warning is rendered again: Butuh Perbaikan now exists.
    group = response.context["group"]
    assert [row.ok for row in group.findings] == [False, True]
    assert response.context["saved"] == c.peer.pk


def test_calibration_revise_without_reason_changes_nothing(client, world, calibration):
    login(client, world, "section_head")
    response = _revise(
        client, calibration.peer, results_rating="below", behaviour_rating="below", reason="  "
    )
    assert response.status_code == 200
    assert response.context["failed"] == calibration.peer.pk
    assert "calibration-error" in response.content.decode()
    calibration.peer.refresh_from_db()
    assert calibration.peer.predicate == "sangat_baik"
    assert not ActivityLog.objects.filter(action="appraisal.evaluation_rate").exists()


@pytest.mark.parametrize("key", ["staff", "peer", "division_head", "other_hr"])
def test_calibration_revise_refused_to_others(client, world, calibration, key):
    login(client, world, key)
    response = _revise(
        client,
        calibration.staff,
        results_rating="below",
        behaviour_rating="below",
        reason="Tidak berhak",
    )
    assert response.status_code in (403, 404)
    calibration.staff.refresh_from_db()
    assert calibration.staff.predicate == "baik"


def test_calibration_revise_by_hr_covering_the_unit(client, world, calibration):
    login(client, world, "hr")
    response = client.post(
        reverse("appraisal:calibration_revise", args=[calibration.staff.uuid]),
        {
            "scope": "unit",
            f"e{calibration.staff.pk}-results_rating": "above",
            f"e{calibration.staff.pk}-behaviour_rating": "above",
            f"e{calibration.staff.pk}-reason": "Hasil rapat kalibrasi",
        },
    )
    assert response.status_code == 302
    assert Evaluation.objects.get(pk=calibration.staff.pk).predicate == "sangat_baik"


# --- the assessment policy ----------------------------------------------------------------


POLICY = {
    "as_expected_from": "85",
    "above_from": "105",
    "achievement_cap": "150",
    "rounding": "nearest",
    "objection_days": "14",
    "decision_days": "10",
    "reason": "Keputusan kepala BKPSDM",
}


def test_policy_page_hr_saves(client, world):
    login(client, world, "hr")
    url = reverse("appraisal:policy")
    assert client.get(url).status_code == 200
    response = client.post(url, POLICY)
    assert response.status_code == 302
    policy = AppraisalPolicy.objects.get(agency=world.agency)
    assert (policy.as_expected_from, policy.rounding) == (Decimal(85), "nearest")


def test_policy_page_bad_thresholds_are_refused(client, world):
    login(client, world, "hr")
    response = client.post(reverse("appraisal:policy"), {**POLICY, "above_from": "80"})
    assert response.status_code == 400
    assert response.context["form"].errors["above_from"]
    assert not AppraisalPolicy.objects.exists()


@pytest.mark.parametrize("key", ["staff", "section_head", "other_hr"])
def test_policy_page_refused_to_others(client, world, key):
    login(client, world, key)
    url = reverse("appraisal:policy") + f"?agency={world.agency.uuid}"
    assert client.post(url, POLICY).status_code in (403, 404)
    assert not AppraisalPolicy.objects.exists()


@pytest.mark.parametrize(
    ("key", "results", "calibrate", "policy"),
    [
        ("division_head", True, True, False),
        ("section_head", False, True, False),
        ("staff", False, False, False),
        ("hr", True, True, True),
    ],
)
def test_navigation_offers_only_usable_pages(client, world, plan, key, results, calibrate, policy):
    login(client, world, key)
    urls = {url for url, _label in client.get(reverse("web:home")).context["nav_items"]}
    assert (reverse("appraisal:organisation_results") in urls) is results
    assert (reverse("appraisal:calibration") in urls) is calibrate
    assert (reverse("appraisal:policy") in urls) is policy
