"""The demo logins: one person per role, all with the same known password.

Assessor and assessor's superior need no grant (they follow from the org chart); the
HR admin and the leader get their ``ScopedRole`` here, and a superadmin ``admin`` is
created unless that username is already taken. This is demo data only: never run it on
a real installation's agency.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kinerja.access.models import RoleKind, ScopedRole
from kinerja.core.services import log_action
from kinerja.org.demo import persona_assignments
from kinerja.org.models import Agency

DEMO_PASSWORD = "demo12345"  # noqa: S105 -- published demo credentials
ADMIN_USERNAME = "admin"

PERSONA_LABELS: dict[str, Promise] = {
    "employee": _("Employee"),
    "assessor": _("Assessor (pejabat penilai)"),
    "assessor_superior": _("Assessor's superior (atasan pejabat penilai)"),
    "school_head": _("School head"),
    "teacher": _("Teacher"),
    "hr_admin": _("HR admin (pengelola kinerja)"),
    "leader": _("Leader (read-only)"),
    "superadmin": _("Superadmin"),
}


@dataclass(frozen=True)
class DemoLogin:
    persona: str
    label: str
    username: str
    who: str
    password_is_demo: bool


@transaction.atomic
def demo_logins_grant(*, agency: Agency, actor: Any = None) -> None:
    """Set the demo password on the personas' logins and grant the scoped roles."""
    holders = persona_assignments(agency)
    # One hash shared by all demo logins: the password is public anyway, and Argon2
    # takes a noticeable fraction of a second per hash.
    encoded = make_password(DEMO_PASSWORD)
    User = get_user_model()
    User.objects.filter(pk__in=[a.employee.user_id for a in holders.values()]).update(
        password=encoded
    )
    if "hr_admin" in holders:
        ScopedRole.objects.get_or_create(
            user=holders["hr_admin"].employee.user,
            role=RoleKind.HR_ADMIN,
            agency=agency,
            unit=None,
        )
    if "leader" in holders:
        ScopedRole.objects.get_or_create(
            user=holders["leader"].employee.user,
            role=RoleKind.LEADER,
            agency=agency,
            unit=holders["leader"].position.unit,
        )
    if not User.objects.filter(username=ADMIN_USERNAME).exists():
        User.objects.create(
            username=ADMIN_USERNAME, password=encoded, is_staff=True, is_superuser=True
        )
    log_action(
        actor=actor,
        action="access.demo_logins_grant",
        obj=agency,
        after={"personas": sorted(holders)},
    )


def demo_logins(agency: Agency) -> list[DemoLogin]:
    """The demo logins of ``agency`` and the superadmin, in the order of the personas.

    ``password_is_demo`` is False once someone changed the password, so the printed
    table never claims a password that no longer works.
    """
    holders = persona_assignments(agency)
    verified: dict[str, bool] = {}

    def is_demo(encoded: str) -> bool:
        if encoded not in verified:
            verified[encoded] = check_password(DEMO_PASSWORD, encoded)
        return verified[encoded]

    logins = []
    for persona, assignment in holders.items():
        employee, user = assignment.employee, assignment.employee.user
        if user is None:
            continue
        logins.append(
            DemoLogin(
                persona=persona,
                label=str(PERSONA_LABELS[persona]),
                username=user.username,
                who=f"{employee.full_name} — {assignment.position.name}",
                password_is_demo=is_demo(user.password),
            )
        )
    admin = get_user_model().objects.filter(username=ADMIN_USERNAME).first()
    if admin is not None:
        logins.append(
            DemoLogin(
                persona="superadmin",
                label=str(PERSONA_LABELS["superadmin"]),
                username=admin.username,
                who=str(_("Superadmin of the installation")),
                password_is_demo=is_demo(admin.password),
            )
        )
    return logins
