"""Organisation results and the assessment policy: who is recorded, history, validation."""
# ruff: noqa: F811 -- pytest fixtures imported from organisation_world

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kinerja.appraisal.models import AppraisalPolicy, OrganisationResult
from kinerja.appraisal.selectors_distribution import (
    next_higher_leader,
    policy_for,
    unit_distribution,
)
from kinerja.appraisal.services.organisation import organisation_result_record, policy_update
from kinerja.appraisal.tests.organisation_world import add_rated, calibration, plan  # noqa: F401
from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.core.models import ActivityLog
from kinerja.planning.services import period_create


def test_next_higher_leader_is_the_assessor_of_the_unit_head(world):
    on = today()
    assert next_higher_leader(world.section, on) == world.division_head
    assert next_higher_leader(world.division, on) == world.head_of_office
    assert next_higher_leader(world.health, on) == world.sekda
    assert next_higher_leader(world.root, on) is None  # assessed by the political head


def test_organisation_result_record_by_leader_records_them(world, plan):
    window = plan.period.windows.first()
    result = organisation_result_record(
        unit=world.section,
        period=plan.period,
        window=window,
        predicate="baik",
        basis="Rencana aksi tercapai 95%",
        actor=world.users["division_head"],
    )
    assert result.recorded_by == world.division_head
    assert result.window == window
    log = ActivityLog.objects.get(action="appraisal.organisation_result_record")
    assert log.object_uuid == result.uuid
    assert log.after["predicate"] == "baik"


def test_organisation_result_record_by_hr_is_on_behalf_of_the_leader(world, plan):
    result = organisation_result_record(
        unit=world.section,
        period=plan.period,
        window=None,
        predicate="istimewa",
        basis="",
        actor=world.users["hr"],
    )
    assert result.recorded_by == world.division_head
    assert result.window is None


def test_organisation_result_change_requires_a_reason_and_keeps_history(world, plan):
    window = plan.period.windows.first()
    first = organisation_result_record(
        unit=world.section,
        period=plan.period,
        window=window,
        predicate="baik",
        basis="A",
        actor=world.users["division_head"],
    )
    with pytest.raises(ValidationError) as refusal:
        organisation_result_record(
            unit=world.section,
            period=plan.period,
            window=window,
            predicate="kurang",
            basis="A",
            actor=world.users["division_head"],
        )
    assert "reason" in refusal.value.message_dict
    first.refresh_from_db()
    assert first.predicate == "baik"

    changed = organisation_result_record(
        unit=world.section,
        period=plan.period,
        window=window,
        predicate="kurang",
        basis="A",
        reason="Audit internal: rencana aksi tidak berjalan",
        actor=world.users["hr"],
    )
    assert changed.pk == first.pk
    assert OrganisationResult.objects.count() == 1
    log = ActivityLog.objects.get(action="appraisal.organisation_result_change")
    assert log.before == {"predicate": "baik"}
    assert log.after == {"predicate": "kurang"}
    assert log.reason == "Audit internal: rencana aksi tidak berjalan"


def test_organisation_result_unchanged_is_not_logged_again(world, plan):
    kwargs = {
        "unit": world.section,
        "period": plan.period,
        "window": None,
        "predicate": "baik",
        "basis": "X",
    }
    organisation_result_record(**kwargs, actor=world.users["hr"])
    organisation_result_record(**kwargs, actor=world.users["hr"])
    assert ActivityLog.objects.filter(action__startswith="appraisal.organisation").count() == 1


def test_organisation_result_window_and_year_are_separate(world, plan):
    window = plan.period.windows.first()
    for w in (window, None):
        organisation_result_record(
            unit=world.section,
            period=plan.period,
            window=w,
            predicate="baik",
            actor=world.users["hr"],
        )
    assert OrganisationResult.objects.filter(unit=world.section).count() == 2


def test_organisation_result_refuses_another_agencys_unit_or_period(world, plan):
    other_period = period_create(agency=world.other_agency, year=plan.period.year)
    with pytest.raises(ApplicationError):
        organisation_result_record(
            unit=world.section,
            period=other_period,
            window=None,
            predicate="baik",
            actor=world.users["hr"],
        )
    with pytest.raises(ApplicationError):
        organisation_result_record(
            unit=world.section,
            period=plan.period,
            window=other_period.windows.first(),
            predicate="baik",
            actor=world.users["hr"],
        )
    with pytest.raises(ValidationError):
        organisation_result_record(
            unit=world.section,
            period=plan.period,
            window=None,
            predicate="luar_biasa",
            actor=world.users["hr"],
        )
    assert not OrganisationResult.objects.exists()


def _policy(**overrides):
    values = {
        "above_from": Decimal(110),
        "as_expected_from": Decimal(90),
        "achievement_cap": Decimal(150),
        "rounding": "strict",
        "objection_days": 14,
        "decision_days": 14,
    }
    values.update(overrides)
    return values


def test_policy_for_defaults_until_hr_saves(world):
    policy = policy_for(world.agency)
    assert policy.pk is None
    assert policy.rounding == "favourable"
    assert policy.objection_days == 14


def test_policy_update_saves_and_logs(world):
    policy = policy_update(
        agency=world.agency, **_policy(objection_days=21), actor=world.users["hr"], reason="SE"
    )
    assert policy.pk is not None
    assert policy_for(world.agency).rounding == "strict"
    assert policy_for(world.agency).objection_days == 21
    log = ActivityLog.objects.get(action="appraisal.policy_update")
    assert log.after["rounding"] == "strict"
    policy_update(agency=world.agency, **_policy(rounding="nearest"), actor=world.users["hr"])
    second = ActivityLog.objects.filter(action="appraisal.policy_update").order_by("-pk").first()
    assert second.before == {"rounding": "strict", "objection_days": "21"}
    assert second.after == {"rounding": "nearest", "objection_days": "14"}


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"as_expected_from": Decimal(0)}, "as_expected_from"),
        ({"as_expected_from": Decimal(120)}, "above_from"),
        ({"achievement_cap": Decimal(100)}, "achievement_cap"),
        ({"rounding": "upwards"}, "rounding"),
        ({"objection_days": 0}, "objection_days"),
    ],
)
def test_policy_update_refuses_inconsistent_values(world, overrides, field):
    with pytest.raises(ValidationError) as refusal:
        policy_update(agency=world.agency, **_policy(**overrides), actor=world.users["hr"])
    assert field in refusal.value.message_dict
    assert not AppraisalPolicy.objects.exists()


def test_unit_distribution_uses_the_agency_rounding(world, calibration):
    # 7 rated in the section: 5 Baik, 2 Sangat Baik; with no BP/K the Baik guide warns.
    add_rated(world, calibration.period, calibration.window, 4)
    add_rated(world, calibration.period, calibration.window, 1, ratings=[("above", "above")])
    organisation_result_record(
        unit=world.section,
        period=calibration.period,
        window=calibration.window,
        predicate="baik",
        actor=world.users["hr"],
    )
    favourable = unit_distribution(
        unit=world.section, period=calibration.period, window=calibration.window
    )
    assert favourable.total == 7
    assert favourable.counts["baik"] == 5
    assert [row.ok for row in favourable.findings] == [True, False]
    policy_update(agency=world.agency, **_policy(rounding="strict"), actor=world.users["hr"])
    strict = unit_distribution(
        unit=world.section, period=calibration.period, window=calibration.window
    )
    assert [row.ok for row in strict.findings] == [False, False]
    assert "dibulatkan ke bawah" in strict.guide_text
