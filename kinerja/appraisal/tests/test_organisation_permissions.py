"""Who may record organisation results, see distributions, calibrate and set the policy."""
# ruff: noqa: F811 -- pytest fixtures imported from organisation_world

import pytest

from kinerja.access.permissions import actor_for, may, units_led_from_above
from kinerja.appraisal.tests.organisation_world import calibration, plan  # noqa: F401


@pytest.mark.parametrize(
    ("key", "unit", "allowed"),
    [
        ("division_head", "section", True),  # assesses the section head
        ("head_of_office", "division", True),
        ("head_of_office", "puskesmas", True),
        ("sekda", "health", True),
        ("section_head", "section", False),  # heads it; the result is fixed from above
        ("division_head", "division", False),
        ("head_of_office", "section", False),  # two levels up
        ("staff", "section", False),
        ("hr", "section", True),  # agency-wide HR on the leader's behalf
        ("hr", "root", True),
        ("other_hr", "section", False),
        ("leader", "health", False),  # leaders only read
    ],
)
def test_record_organisation_result(world, key, unit, allowed):
    assert may(world.users[key], "appraisal.record_organisation_result", getattr(world, unit)) is (
        allowed
    )


def test_units_led_from_above_are_those_whose_head_one_assesses(world):
    assert units_led_from_above(actor_for(world.users["division_head"])) == {world.section.pk}
    assert units_led_from_above(actor_for(world.users["head_of_office"])) == {
        world.division.pk,
        world.puskesmas.pk,
    }
    assert units_led_from_above(actor_for(world.users["staff"])) == set()
    assert units_led_from_above(actor_for(world.users["leader"])) == set()


@pytest.mark.parametrize(
    ("key", "unit", "allowed"),
    [
        ("section_head", "section", True),  # assesses staff and peer there
        ("division_head", "section", True),  # assesses the section head there
        ("division_head", "division", False),
        ("puskesmas_head", "puskesmas", True),
        ("staff", "section", False),
        ("hr", "puskesmas", True),
        ("other_hr", "section", False),
        ("leader", "section", False),
    ],
)
def test_view_distribution(world, key, unit, allowed):
    assert may(world.users[key], "appraisal.view_distribution", getattr(world, unit)) is allowed


@pytest.mark.parametrize(
    ("key", "whose", "allowed"),
    [
        ("section_head", "staff", True),
        ("section_head", "peer", True),
        ("division_head", "staff", False),  # the assessor's superior decides objections
        ("staff", "staff", False),
        ("staff", "peer", False),
        ("hr", "staff", True),
        ("other_hr", "staff", False),
        ("leader", "staff", False),
    ],
)
def test_calibrate(world, calibration, key, whose, allowed):
    evaluation = getattr(calibration, whose)
    assert may(world.users[key], "appraisal.calibrate", evaluation) is allowed


def test_calibrate_never_ones_own_evaluation_even_as_hr(world, calibration):
    from kinerja.appraisal.tests.organisation_world import approved_skp, rate

    own = rate(
        approved_skp(world.hr, world.positions["hr"], calibration.period),
        calibration.window,
        "above",
        "above",
    )
    assert not may(world.users["hr"], "appraisal.calibrate", own)


@pytest.mark.parametrize(
    ("key", "agency", "allowed"),
    [
        ("hr", "agency", True),
        ("other_hr", "agency", False),
        ("other_hr", "other_agency", True),
        ("section_head", "agency", False),
        ("leader", "agency", False),
        ("staff", "agency", False),
    ],
)
def test_manage_policy(world, key, agency, allowed):
    assert may(world.users[key], "appraisal.manage_policy", getattr(world, agency)) is allowed
