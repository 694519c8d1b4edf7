import pytest

from conftest import login_user
from kinerja.access.models import RoleKind, ScopedRole
from kinerja.access.permissions import (
    employees_managed_by,
    employees_visible_to,
    may,
    units_visible_to,
)


def test_may_undeclared_action_is_a_programming_error(world):
    with pytest.raises(KeyError, match="Undeclared permission"):
        may(world.users["staff"], "org.fly_employee", world.staff)


def test_may_anonymous_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    assert not may(AnonymousUser(), "org.view_agency", world.agency)


@pytest.mark.parametrize(
    ("persona", "target", "expected"),
    [
        ("staff", "staff", True),
        ("staff", "peer", False),
        ("section_head", "staff", True),
        ("division_head", "staff", True),  # assessor's superior
        ("head_of_office", "staff", False),  # above the assessor's superior
        ("hr", "nurse", True),
        ("other_hr", "nurse", False),
        ("leader", "nurse", True),  # leader over Dinas Kesehatan reads
        ("leader", "hr", False),  # BKPSDM is outside the leader's subtree
        ("superadmin", "other_employee", True),
    ],
)
def test_may_view_employee_record(world, persona, target, expected):
    assert may(world.users[persona], "org.view_employee_record", getattr(world, target)) is expected


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("hr", True), ("leader", False), ("section_head", False), ("other_hr", False)],
)
def test_may_change_employee_only_hr_in_scope(world, persona, expected):
    assert may(world.users[persona], "org.change_employee", world.nurse) is expected


def test_hr_admin_of_subtree_manages_only_that_subtree(world):
    user = login_user(username="hr.dinkes")
    ScopedRole.objects.create(
        user=user, role=RoleKind.HR_ADMIN, agency=world.agency, unit=world.health
    )

    managed = set(employees_managed_by(user))

    assert world.nurse in managed and world.staff in managed
    assert world.hr not in managed and world.sekda not in managed
    assert not may(user, "org.import_data", world.agency)
    assert may(user, "org.change_employee", world.nurse)
    assert not may(user, "org.change_employee", world.hr)


def test_visibility_filters_stop_at_the_agency(world):
    staff = world.users["staff"]

    assert world.other_employee not in employees_visible_to(staff)
    assert not units_visible_to(staff).filter(agency=world.other_agency).exists()
    assert employees_visible_to(world.users["superadmin"]).count() == 11
