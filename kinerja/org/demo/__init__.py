"""Demo and benchmark data: a believable city government, or a large synthetic one.

``demo_agency_create`` builds "Pemerintah Kota Makassar" with about 1,500 employees:
the Regional Secretariat, the health office with its puskesmas, the education office
with its schools, transport, environment, tourism, HR (BKPSDM) and licensing
(DPMPTSP), PNS and PPPK staff with valid NIPs, vacant posts, acting officials (Plt)
and a transfer this year. With ``employees`` it builds a synthetic agency of exactly
that size on the same layout, scaled (more puskesmas, schools and offices).

The whole agency is planned in memory from ``random.Random(seed)`` and then written
with bulk inserts, so the same seed gives the same people and NIPs, and 100,000
employees take seconds rather than hours.
"""

import random
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.core.services import log_action
from kinerja.org.demo.layout import (
    PERSONA_POSTS,
    PLT_POSTS,
    TRANSFER_FROM,
    TRANSFER_TO,
    layout,
    personas,
    special_cases,
    transfer_date,
)
from kinerja.org.demo.people import PersonFactory
from kinerja.org.demo.plan import Plan
from kinerja.org.demo.writer import plan_write
from kinerja.org.enums import AssignmentKind
from kinerja.org.models import Agency, Assignment, Employee
from kinerja.org.supervision import active_on

__all__ = [
    "DEFAULT_SEED",
    "DEMO_CODE",
    "DEMO_EMPLOYEES",
    "MIN_SYNTHETIC_EMPLOYEES",
    "PERSONA_POSTS",
    "PLT_POSTS",
    "TRANSFER_FROM",
    "TRANSFER_TO",
    "AgencyProfile",
    "demo_agency_create",
    "demo_agency_profile",
    "persona_assignments",
    "transfer_date",
]

DEMO_CODE = "makassar"
DEMO_EMPLOYEES = 1500
MIN_SYNTHETIC_EMPLOYEES = 1000
DEFAULT_SEED = 1


@dataclass(frozen=True)
class AgencyProfile:
    code: str
    name: str
    short_name: str
    head_title: str
    city: str
    email_domain: str
    synthetic: bool


MAKASSAR = AgencyProfile(
    code=DEMO_CODE,
    name="Pemerintah Kota Makassar",
    short_name="Pemkot Makassar",
    head_title="Wali Kota Makassar",
    city="Makassar",
    # A reserved domain (RFC 2606): a demo install with real SMTP must never mail
    # the city's actual inboxes.
    email_domain="makassarkota.example",
    synthetic=False,
)


def demo_agency_profile(
    *, employees: int | None = None, seed: int = DEFAULT_SEED, code: str | None = None
) -> AgencyProfile:
    """The agency a build would create: Makassar, or a synthetic agency named after its
    size and seed. ``code`` renames it, so several can live in one database."""
    if employees is None:
        if code is None or code == DEMO_CODE:
            return MAKASSAR
        return AgencyProfile(
            code=code,
            name=f"{MAKASSAR.name} ({code})",
            short_name=MAKASSAR.short_name,
            head_title=MAKASSAR.head_title,
            city=MAKASSAR.city,
            email_domain=MAKASSAR.email_domain,
            synthetic=False,
        )
    code = code or f"sintetis-{employees}-{seed}"
    return AgencyProfile(
        code=code,
        name=f"Pemerintah Kabupaten Sintetis ({code})",
        short_name="Pemkab Sintetis",
        head_title="Bupati Sintetis",
        city="Sintetis",
        # A reserved domain: benchmark data must never mail a real address.
        email_domain=f"{code}.example.org",
        synthetic=True,
    )


@transaction.atomic
def demo_agency_create(
    *,
    profile: AgencyProfile,
    employees: int | None = None,
    seed: int = DEFAULT_SEED,
    actor=None,
) -> Agency:
    """Build the agency of ``profile`` with ``employees`` people (default 1,500)."""
    total = DEMO_EMPLOYEES if employees is None else employees
    if profile.synthetic and total < MIN_SYNTHETIC_EMPLOYEES:
        raise ApplicationError(
            _("A synthetic agency needs at least %(count)d employees.")
            % {"count": MIN_SYNTHETIC_EMPLOYEES}
        )
    if Agency.objects.filter(code=profile.code).exists():
        raise ApplicationError(
            _("An agency with the code %(code)s already exists.") % {"code": profile.code}
        )
    rng = random.Random(seed)  # noqa: S311 -- reproducible demo data, not secrets
    # NIPs and logins are unique across agencies: avoid those already in use, so a
    # second agency in the same database gets the next sequence numbers instead.
    taken = set(Employee.objects.values_list("nip", flat=True))
    taken.update(get_user_model().objects.values_list("username", flat=True))
    plan = Plan(rng, PersonFactory(rng, email_domain=profile.email_domain, taken_nips=taken))
    if profile.synthetic:
        layout(
            plan,
            city=profile.city,
            health_centres=max(10, round(total * 0.22 / 40)),
            schools=max(15, round(total * 0.38 / 27)),
            extra_offices=total // 5000,
        )
    else:
        layout(plan, city=profile.city, health_centres=10, schools=15)
    personas(plan)
    special_cases(plan, today())
    if len(plan.people) > total:
        raise ApplicationError(
            _("The layout alone needs %(count)d employees.") % {"count": len(plan.people)}
        )
    plan.fill(total)

    agency = Agency.objects.create(
        code=profile.code,
        name=profile.name,
        short_name=profile.short_name,
        head_title=profile.head_title,
        city=profile.city,
    )
    plan_write(agency=agency, plan=plan)
    log_action(
        actor=actor,
        action="org.demo_agency_create",
        obj=agency,
        after={
            "seed": seed,
            "units": len(plan.units),
            "positions": len(plan.positions),
            "employees": len(plan.people),
        },
    )
    return agency


def persona_assignments(agency: Agency) -> dict[str, Assignment]:
    """The definitive post each demo persona holds today, keyed by persona."""
    rows = Assignment.objects.filter(
        active_on(today()),
        position__agency=agency,
        position__code__in=PERSONA_POSTS.values(),
        kind=AssignmentKind.DEFINITIVE,
    ).select_related("employee__user", "position__unit")
    by_code = {row.position.code: row for row in rows}
    return {persona: by_code[code] for persona, code in PERSONA_POSTS.items() if code in by_code}
